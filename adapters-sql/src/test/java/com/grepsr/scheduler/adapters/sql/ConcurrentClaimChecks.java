package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.task.TaskId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static com.grepsr.scheduler.adapters.sql.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Processor replicas racing for the same due runs, each with its own connection pool as
 * separate processes would have: every run must be claimed and dispatched exactly once.
 */
abstract class ConcurrentClaimChecks {

    static final int RUNS = 10_000;
    static final int REPLICAS = 4;
    static final int BATCH = 50;

    abstract SqlDatabaseExtension db();

    /** How many due runs the replicas race for. */
    int runs() {
        return RUNS;
    }

    /** Whether every replica must get a share: true where SKIP LOCKED lets claimers pass each other. */
    abstract boolean claimsRunInParallel();

    @Test
    @Timeout(300)
    void four_replicas_dispatch_every_due_run_exactly_once() throws Exception {
        SqlAdapters main = db().fresh();
        int total = runs();
        List<ScheduledRun> due = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            // 100 schedules, runs 1 ms apart, so many share a schedule and ties in fire_at are rare but present
            due.add(Fixtures.run(String.format("run-%05d", i), "s-" + (i % 100), T0.plusMillis(i / 2)));
        }
        assertThat(main.runs().insertIfAbsent(due)).isEqualTo(total);
        Instant now = T0.plus(Duration.ofDays(1));

        Map<String, AtomicInteger> dispatches = new ConcurrentHashMap<>();
        List<Integer> perReplica = new ArrayList<>();
        int replicaCount = Integer.getInteger("phoenix.test.replicas", REPLICAS);
        ExecutorService pool = Executors.newFixedThreadPool(replicaCount);
        CountDownLatch start = new CountDownLatch(1);
        long began;
        try {
            List<Future<Integer>> replicas = new ArrayList<>();
            for (int r = 0; r < replicaCount; r++) {
                ScheduledRunStorePort runs = db().replica(2, Clock.systemUTC()).runs();
                String name = "processor-" + r;
                replicas.add(pool.submit(() -> {
                    start.await();
                    return drain(runs, name, now, dispatches);
                }));
            }
            began = System.nanoTime();
            start.countDown();
            for (Future<Integer> f : replicas) {
                perReplica.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        long millis = (System.nanoTime() - began) / 1_000_000;
        System.out.printf("%s: %d runs claimed and dispatched by %d replicas in %d ms (%d runs/s); per replica %s%n",
                db().label(), total, replicaCount, millis, total * 1000L / Math.max(1, millis), perReplica);

        assertThat(dispatches).hasSize(total);
        assertThat(dispatches.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(perReplica.stream().mapToInt(Integer::intValue).sum()).isEqualTo(total);
        if (claimsRunInParallel()) {
            assertThat(perReplica).allSatisfy(n -> assertThat(n).isPositive());
        }
        assertThat(main.runs().claimDue(now, 10, "late-replica", Duration.ofMinutes(1))).isEmpty();
        assertThat(countByStatus(main)).isEqualTo(Map.of(RunStatus.DISPATCHED.name(), (long) total));
        assertThat(main.runs().nextDueAt()).isEmpty();
    }

    /** One processor: claim a batch, settle each run, until nothing is left to claim. */
    private static int drain(ScheduledRunStorePort runs, String name, Instant now, Map<String, AtomicInteger> seen) {
        int mine = 0;
        while (true) {
            List<ScheduledRun> batch = runs.claimDue(now, BATCH, name, Duration.ofMinutes(10));
            if (batch.isEmpty()) {
                return mine;
            }
            for (ScheduledRun run : batch) {
                seen.computeIfAbsent(run.id().value(), k -> new AtomicInteger()).incrementAndGet();
                if (!runs.settle(run.dispatch(TaskId.of("task-" + run.id().value()), now))) {
                    throw new AssertionError(name + " claimed " + run.id() + " but could not settle it");
                }
                mine++;
            }
        }
    }

    private static Map<String, Long> countByStatus(SqlAdapters sql) throws SQLException {
        Map<String, Long> counts = new java.util.HashMap<>();
        try (Connection c = sql.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT status, COUNT(*) FROM vt_scheduled_runs GROUP BY status")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }
}
