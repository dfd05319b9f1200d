package com.grepsr.scheduler.application.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs calls at the same time rather than one after another: a chunk's launcher calls (a
 * Kubernetes create takes tens of milliseconds, and a burst would otherwise wait for the sum) and
 * a processor tick's chunks. Its threads are started when a call comes and none is idle, end after
 * 30 idle seconds, and are daemon threads (they never hold a stopping JVM). Unbounded on purpose:
 * what is submitted is bounded by the caller (a chunk's size, a tick's chunks), and queueing would
 * serialize calls meant to overlap — the chunks in flight share the launch threads.
 */
public final class AllAtOnce {

    private final ExecutorService pool;

    public AllAtOnce(String threadName) {
        AtomicInteger next = new AtomicInteger();
        pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, threadName + "-" + next.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * {@code call} for every item at once; the results in the items' order. A call's exception is
     * rethrown as it is (an Error too: a replica dying in a launch dies in the caller) once every
     * call has returned. A single item is called on the caller's thread.
     */
    public <T, R> List<R> map(List<T> items, Function<T, R> call) {
        if (items.size() == 1) {
            return List.of(call.apply(items.get(0)));
        }
        List<Future<R>> calls = new ArrayList<>(items.size());
        items.forEach(item -> calls.add(pool.submit(() -> call.apply(item))));
        List<R> results = new ArrayList<>(items.size());
        Throwable failed = null;
        for (Future<R> f : calls) {
            try {
                results.add(f.get());
            } catch (ExecutionException e) {
                failed = failed == null ? e.getCause() : failed;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed = failed == null ? e : failed;
            }
        }
        if (failed instanceof Error error) {
            throw error;
        }
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failed != null) {
            throw new IllegalStateException("a call made at once with others failed", failed);
        }
        return results;
    }
}
