package com.grepsr.scheduler.application.run;

import com.grepsr.scheduler.application.common.DaemonThreads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Makes a chunk's launcher calls at the same time rather than one after another: a Kubernetes
 * create takes tens of milliseconds, and a burst of due runs would otherwise wait for the sum.
 * The calls touch no store (the caller's transaction stays on its own thread); their threads
 * are started on demand and end when idle ({@link DaemonThreads}).
 */
final class ParallelLaunches {

    /** Shared by every chunk in flight: several chunks' launches overlap too. */
    private final ExecutorService pool = DaemonThreads.onDemand("launch");

    /**
     * {@code call} for every item at once; the results in the items' order. A call's exception is
     * rethrown as it is (an Error too: a replica dying in a launch dies in the caller) once every
     * call has returned.
     */
    <T, R> List<R> map(List<T> items, Function<T, R> call) {
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
            throw new IllegalStateException("a launch failed", failed);
        }
        return results;
    }
}
