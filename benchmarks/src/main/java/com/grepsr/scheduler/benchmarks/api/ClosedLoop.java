package com.grepsr.scheduler.benchmarks.api;

import com.grepsr.scheduler.client.SchedulerClient;
import io.grpc.StatusRuntimeException;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Closed-loop load: N client threads, each making one call at a time, back to back, for a fixed
 * time. Each thread records its own latencies (HdrHistogram, microseconds) and errors; they are
 * merged when the slice ends. Threads share a few channels round robin, as a fleet of
 * application servers shares connections to the scheduler.
 */
final class ClosedLoop {

    /** Longest latency the histograms track: anything slower is clamped here (and is an error anyway). */
    private static final long MAX_MICROS = TimeUnit.SECONDS.toMicros(60);

    private final List<SchedulerClient> clients;
    private final int threads;
    private long seed = 1;

    ClosedLoop(List<SchedulerClient> clients, int threads) {
        this.clients = clients;
        this.threads = threads;
    }

    /** What one slice measured. */
    record Slice(String key, int round, Instant start, Instant end, long calls, Histogram micros,
                 Map<String, Long> errors) {
        double seconds() {
            return Duration.between(start, end).toNanos() / 1e9;
        }

        double requestsPerSecond() {
            return (calls - errorCount()) / seconds();
        }

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    Slice run(Workload workload, int round, Duration length) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Worker w = new Worker(clients.get(i % clients.size()), workload.newCall(new SplittableRandom(seed++)),
                    ready, go);
            workers.add(w);
            w.thread.start();
        }
        ready.await();
        Instant start = Instant.now();
        long deadline = System.nanoTime() + length.toNanos();
        workers.forEach(w -> w.deadline = deadline);
        go.countDown();
        for (Worker w : workers) {
            w.thread.join();
        }
        Instant end = Instant.now();
        Histogram all = new Histogram(MAX_MICROS, 3);
        Map<String, Long> errors = new TreeMap<>();
        long calls = 0;
        for (Worker w : workers) {
            all.add(w.micros);
            w.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
            calls += w.calls;
        }
        return new Slice(workload.key(), round, start, end, calls, all, errors);
    }

    private static final class Worker implements Runnable {
        final Thread thread = new Thread(this, "api-load");
        final Histogram micros = new Histogram(MAX_MICROS, 3);
        final Map<String, Long> errors = new TreeMap<>();
        final SchedulerClient client;
        final Workload.Call call;
        final CountDownLatch ready;
        final CountDownLatch go;
        volatile long deadline;
        long calls;

        Worker(SchedulerClient client, Workload.Call call, CountDownLatch ready, CountDownLatch go) {
            this.client = client;
            this.call = call;
            this.ready = ready;
            this.go = go;
        }

        @Override
        public void run() {
            ready.countDown();
            try {
                go.await();
            } catch (InterruptedException e) {
                return;
            }
            while (System.nanoTime() < deadline) {
                long t0 = System.nanoTime();
                String wrong;
                try {
                    wrong = call.call(client.blocking());
                } catch (StatusRuntimeException e) {
                    wrong = e.getStatus().getCode().name();
                } catch (RuntimeException e) {
                    wrong = e.getClass().getSimpleName();
                }
                long took = (System.nanoTime() - t0) / 1_000;
                calls++;
                if (wrong == null) {
                    micros.recordValue(Math.min(took, MAX_MICROS));
                } else {
                    errors.merge(wrong, 1L, Long::sum);
                }
            }
        }
    }
}
