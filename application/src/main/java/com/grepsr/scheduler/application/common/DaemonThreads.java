package com.grepsr.scheduler.application.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for work the core runs at once (a chunk's launches, a tick's chunks): started when a
 * task comes and none is idle, ended after 30 idle seconds, daemon threads (they never hold a
 * stopping JVM). Unbounded on purpose: what is submitted is already bounded by the caller (a
 * chunk's size, a tick's chunks), and queueing would serialize calls meant to overlap.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    public static ExecutorService onDemand(String name) {
        AtomicInteger next = new AtomicInteger();
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, name + "-" + next.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
