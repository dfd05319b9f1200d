package com.grepsr.scheduler.benchmarks.dispatch;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.LongSupplier;

/**
 * Waits until a side's in-process counter of finished executions reaches the target. Counting in
 * process (not by polling the database) keeps the observer from loading the database both sides
 * share. Gives up when the counter does not move for {@code stallMillis}: a stuck run must fail
 * the benchmark, not hang it.
 */
final class Completion {

    private static final long POLL_MILLIS = 2;

    private Completion() {
    }

    /** Returns the nanoTime at which {@code done} was first seen at {@code target} or above. */
    static long await(LongSupplier done, long target, long stallMillis) throws InterruptedException {
        long last = -1;
        long lastMove = System.nanoTime();
        while (true) {
            long now = done.getAsLong();
            if (now >= target) {
                return System.nanoTime();
            }
            if (now != last) {
                last = now;
                lastMove = System.nanoTime();
            } else if ((System.nanoTime() - lastMove) / 1_000_000 > stallMillis) {
                throw new IllegalStateException("stalled at " + now + " of " + target + " for " + stallMillis + " ms");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /**
     * For a peer whose bodies have all run: waits until it has recorded every completion
     * ({@code countSql}, rows left to complete, reads 0), then 200 ms more in which a late duplicate
     * would show up. Returns the nanoTime at which 0 was first read.
     */
    static long awaitRecorded(BenchDatabase db, String countSql) throws SQLException, InterruptedException {
        long end;
        try (Connection c = db.connect()) {
            while (db.count(c, countSql) > 0) {
                Thread.sleep(POLL_MILLIS);
            }
            end = System.nanoTime();
        }
        Thread.sleep(200);
        return end;
    }
}
