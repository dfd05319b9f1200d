package com.grepsr.scheduler.benchmarks.dispatch;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * db-scheduler's side: N one-time executions, due at once, executed by R {@link Scheduler}
 * instances (each its own pool and executor threads) polling with lock-and-fetch. An execution is
 * done when its row is deleted (db-scheduler's completion of a one-time task), so the clock stops
 * when every body ran and the table is empty. The body is an empty task ({@link #noOp}) or the
 * work a team would put there ({@link #sameWork}).
 *
 * <p>Configuration, chosen to let it go as fast as it can here: {@code threads(T)} per instance,
 * {@code pollUsingLockAndFetch(lower, upper)} (a poll takes up to upper·T executions and the next
 * one starts when fewer than lower·T are left), a 100 ms polling interval (a full poll re-polls at
 * once anyway), immediate execution off (nothing is scheduled while it runs).
 */
final class DbSchedulerSide implements Side {

    static final String LABEL = "db-scheduler";
    static final String SAME_WORK_LABEL = "db-scheduler+work";

    /** Per instance: executor threads, pool connections, lock-and-fetch fractions of the threads. */
    record Config(int threads, int poolSize, double lowerFraction, double upperFraction) {

        /** As the throughput comparison runs it: T threads, T + 1 connections, (1.0, 4.0). */
        static Config throughput(int threads) {
            return new Config(threads, threads + 1, 1.0, 4.0);
        }
    }

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
    private final String label;
    private final Config config;
    private final PeerWork work;

    DbSchedulerSide(BenchDatabase db, String label, Config config, PeerWork work) {
        this.db = db;
        this.label = label;
        this.config = config;
        this.work = work;
    }

    /** The no-op comparison: an empty task body. */
    static DbSchedulerSide noOp(BenchDatabase db, int threads) {
        return new DbSchedulerSide(db, LABEL, Config.throughput(threads), PeerWork.NONE);
    }

    /** The same work as ours in the task body (task row, history row, launch call). */
    static DbSchedulerSide sameWork(BenchDatabase db, int threads) {
        return new DbSchedulerSide(db, SAME_WORK_LABEL, Config.throughput(threads), new SameWork(Duration.ZERO));
    }

    @Override
    public String label() {
        return label;
    }

    Config config() {
        return config;
    }

    /** One measured run: N executions over {@code replicas} instances; checks each ran exactly once. */
    @Override
    public Measurement run(int n, int replicas, String tag) throws Exception {
        db.execute(DDL);
        work.reset(db);
        Executions executions = new Executions();
        List<HikariDataSource> pools = new ArrayList<>();
        List<Scheduler> schedulers = new ArrayList<>();
        schedule(n, task(executions, null));
        Map<String, Long> before = RowWrites.snapshot(db);
        for (int r = 0; r < replicas; r++) {
            HikariDataSource pool = db.pool("dbs-" + r, config.poolSize());
            pools.add(pool);
            schedulers.add(Scheduler.create(pool, task(executions, pool))
                    .schedulerName(new SchedulerName.Fixed("replica-" + r))
                    .threads(config.threads())
                    .pollUsingLockAndFetch(config.lowerFraction(), config.upperFraction())
                    .pollingInterval(Duration.ofMillis(100))
                    .shutdownMaxWait(Duration.ofSeconds(5))
                    .build());
        }
        long start = System.nanoTime();
        long end;
        schedulers.forEach(Scheduler::start);
        try {
            Completion.await(executions::count, n, 60_000);
            // a body ran; its row is deleted right after: done when the table is empty
            end = Completion.awaitRecorded(db, "SELECT count(*) FROM scheduled_tasks");
        } finally {
            schedulers.forEach(Scheduler::stop);
            pools.forEach(HikariDataSource::close);
        }
        RowWrites.Delta writes = RowWrites.between(before, RowWrites.snapshot(db));
        executions.verify(label, n);
        work.verify(db, label, n);
        return new Measurement(n, end - start, writes);
    }

    /** The one-time task; its body does the work on {@code pool} (null while only scheduling). */
    private OneTimeTask<Void> task(Executions executions, HikariDataSource pool) {
        return Tasks.oneTime("bench-" + label).execute((instance, ctx) -> {
            try {
                work.perform(pool, instance.getId());
            } catch (Exception e) {
                throw new IllegalStateException(label + ": the body of " + instance.getId() + " failed", e);
            }
            executions.record(instance.getId());
        });
    }

    private void schedule(int n, OneTimeTask<Void> task) throws Exception {
        try (HikariDataSource setup = db.pool("dbs-setup", 2)) {
            SchedulerClient client = SchedulerClient.Builder.create(setup, task).build();
            Instant due = Instant.now().minusSeconds(1);
            List<TaskInstance<?>> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                batch.add(task.instance(String.format("peer-r-%07d", i)));
                if (batch.size() == 5_000 || i == n - 1) {
                    client.scheduleBatch(batch, due);
                    batch.clear();
                }
            }
        }
        db.execute("ANALYZE scheduled_tasks");
    }
}
