package com.grepsr.scheduler.benchmarks.dispatch;

/**
 * One verified throughput run: {@code executions} all done in {@code nanos}, and the rows
 * PostgreSQL counted as written meanwhile.
 */
record Measurement(long executions, long nanos, RowWrites.Delta writes) {

    double perSecond() {
        return executions * 1e9 / nanos;
    }

    double seconds() {
        return nanos / 1e9;
    }

    /** Rows inserted, updated and deleted per execution, by PostgreSQL's own counters. */
    double writesPerExecution() {
        return writes.total() / (double) executions;
    }
}
