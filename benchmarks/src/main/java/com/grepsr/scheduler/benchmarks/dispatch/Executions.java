package com.grepsr.scheduler.benchmarks.dispatch;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The executions a peer's task bodies reported, in process: how many, and whether any ran twice. */
final class Executions {

    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();

    void record(String id) {
        if (!seen.add(id)) {
            duplicates.incrementAndGet();
        }
        count.incrementAndGet();
    }

    long count() {
        return count.get();
    }

    void verify(String who, long n) {
        if (count.get() != n || duplicates.get() != 0 || seen.size() != n) {
            throw new IllegalStateException(who + ": " + count.get() + " executions, " + seen.size() + " distinct, "
                    + duplicates.get() + " duplicates; expected " + n);
        }
    }
}
