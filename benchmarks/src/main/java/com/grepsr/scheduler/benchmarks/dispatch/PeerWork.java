package com.grepsr.scheduler.benchmarks.dispatch;

import javax.sql.DataSource;

/** What a peer scheduler's task body does for one execution, and how that is checked afterwards. */
interface PeerWork {

    /** Nothing: the empty task body of the no-op comparison. */
    PeerWork NONE = new PeerWork() {
        @Override
        public void reset(BenchDatabase db) {
        }

        @Override
        public void perform(DataSource pool, String id) {
        }

        @Override
        public void verify(BenchDatabase db, String who, long n) {
        }
    };

    /** Before a measurement: a fresh start (tables, launcher, counts). */
    void reset(BenchDatabase db) throws Exception;

    /** The body of execution {@code id}, on the replica's pool. */
    void perform(DataSource pool, String id) throws Exception;

    /** After a measurement: fails loudly unless all {@code n} executions left exactly their work. */
    void verify(BenchDatabase db, String who, long n) throws Exception;
}
