package com.grepsr.scheduler.benchmarks.dispatch;

/** One verified throughput run: {@code executions} all done in {@code nanos}. */
record Measurement(long executions, long nanos) {

    double perSecond() {
        return executions * 1e9 / nanos;
    }
}
