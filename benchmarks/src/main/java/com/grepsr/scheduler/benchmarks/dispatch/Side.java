package com.grepsr.scheduler.benchmarks.dispatch;

/** A scheduler measured side by side: N executions due at once, executed by R replicas, verified. */
interface Side {

    /** The name the logs and tables give it. */
    String label();

    /**
     * One measured run of {@code n} executions over {@code replicas} replicas. Fails (throws) unless
     * every execution was done exactly once; {@code tag} names the measurement's rows.
     */
    Measurement run(int n, int replicas, String tag) throws Exception;
}
