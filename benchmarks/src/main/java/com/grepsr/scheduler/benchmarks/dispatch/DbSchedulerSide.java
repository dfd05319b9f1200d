package com.grepsr.scheduler.benchmarks.dispatch;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * db-scheduler's side: N one-time executions of an empty task, due at once, executed by R
 * {@link Scheduler} instances (each its own pool and executor threads) polling with
 * lock-and-fetch. An execution is done when its row is deleted (db-scheduler's completion of a
 * one-time task), so the clock stops when every body ran and the table is empty.
 *
 * <p>Configuration, chosen to let it go as fast as it can here: {@code threads(T)} per instance,
 * {@code pollUsingLockAndFetch(1.0, 4.0)} (a poll takes up to 4·T executions and the next one
 * starts when fewer than T are left), a 100 ms polling interval (a full poll re-polls at once
 * anyway), immediate execution off (nothing is scheduled while it runs).
 */
final class DbSchedulerSide {

    static final String TASK = "bench-noop";

    /** db-scheduler's PostgreSQL table as its documentation gives it. */
    private static final String[] DDL = {
            "DROP TABLE IF EXISTS scheduled_tasks",
            "CREATE TABLE scheduled_tasks (task_name TEXT NOT NULL, task_instance TEXT NOT NULL, task_data BYTEA,"
                    + " execution_time TIMESTAMP WITH TIME ZONE NOT NULL, picked BOOLEAN NOT NULL, picked_by TEXT,"
                    + " last_success TIMESTAMP WITH TIME ZONE, last_failure TIMESTAMP WITH TIME ZONE,"
                    + " consecutive_failures INT, last_heartbeat TIMESTAMP WITH TIME ZONE, version BIGINT NOT NULL,"
                    + " priority SMALLINT, PRIMARY KEY (task_name, task_instance))",
            "CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time)",
            "CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat)",
            "CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC)"
    };

    private final BenchDatabase db;
    private final int threads;

    DbSchedulerSide(BenchDatabase db, int threads) {
        this.db = db;
        this.threads = threads;
    }

    /** One measured run: N executions over {@code replicas} instances; checks each ran exactly once. */
    Measurement run(int n, int replicas) throws Exception {
        db.execute(DDL);
        AtomicLong executed = new AtomicLong();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicLong duplicates = new AtomicLong();
        OneTimeTask<Void> task = Tasks.oneTime(TASK).execute((instance, ctx) -> {
            if (!seen.add(instance.getId())) {
                duplicates.incrementAndGet();
            }
            executed.incrementAndGet();
        });
        try (HikariDataSource setup = db.pool("dbs-setup", 2)) {
            SchedulerClient client = SchedulerClient.Builder.create(setup, task).build();
            Instant due = Instant.now().minusSeconds(1);
            List<TaskInstance<?>> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                batch.add(task.instance("e" + i));
                if (batch.size() == 5_000 || i == n - 1) {
                    client.scheduleBatch(batch, due);
                    batch.clear();
                }
            }
        }
        db.execute("ANALYZE scheduled_tasks");
        List<HikariDataSource> pools = new ArrayList<>();
        List<Scheduler> schedulers = new ArrayList<>();
        for (int r = 0; r < replicas; r++) {
            HikariDataSource pool = db.pool("dbs-" + r, threads + 1);
            pools.add(pool);
            schedulers.add(Scheduler.create(pool, task)
                    .schedulerName(new SchedulerName.Fixed("replica-" + r))
                    .threads(threads)
                    .pollUsingLockAndFetch(1.0, 4.0)
                    .pollingInterval(Duration.ofMillis(100))
                    .shutdownMaxWait(Duration.ofSeconds(5))
                    .build());
        }
        long start = System.nanoTime();
        schedulers.forEach(Scheduler::start);
        try {
            Completion.await(executed::get, n, 60_000);
            long end;
            try (Connection c = db.connect()) {
                // a body ran; its row is deleted right after: done when the table is empty
                while (db.count(c, "SELECT count(*) FROM scheduled_tasks") > 0) {
                    Thread.sleep(2);
                }
                end = System.nanoTime();
            }
            Thread.sleep(200); // late duplicates would show up here
            if (executed.get() != n || duplicates.get() != 0 || seen.size() != n) {
                throw new IllegalStateException("db-scheduler: " + executed.get() + " executions, " + seen.size()
                        + " distinct, " + duplicates.get() + " duplicates; expected " + n);
            }
            return new Measurement(n, end - start);
        } finally {
            schedulers.forEach(Scheduler::stop);
            pools.forEach(HikariDataSource::close);
        }
    }
}
