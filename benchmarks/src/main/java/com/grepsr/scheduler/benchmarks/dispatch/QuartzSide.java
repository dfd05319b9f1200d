package com.grepsr.scheduler.benchmarks.dispatch;

import com.zaxxer.hikari.HikariDataSource;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Quartz's side: N one-shot triggers of one durable job, all due at once, fired by R clustered
 * scheduler instances ({@link QuartzCluster}) of T threads each; the job does the same work as
 * ours ({@link SameWork}). Done when every job ran and Quartz has recorded every completion (no
 * trigger and no fired-trigger row left). Each replica's pool has T + 3 connections, as Quartz's
 * documentation asks of a JobStore's data source; the jobs use the same pool.
 */
final class QuartzSide implements Side {

    static final String LABEL = "quartz+work";
    private static final JobKey JOB = JobKey.jobKey("launch", "bench");

    private final BenchDatabase db;
    private final int threads;
    private final SameWork work = new SameWork(Duration.ZERO);

    QuartzSide(BenchDatabase db, int threads) {
        this.db = db;
        this.threads = threads;
    }

    @Override
    public String label() {
        return LABEL;
    }

    @Override
    public Measurement run(int n, int replicas, String tag) throws Exception {
        QuartzCluster.createTables(db);
        work.reset(db);
        Executions executions = new Executions();
        schedule(n);
        Map<String, Long> before = RowWrites.snapshot(db);
        List<HikariDataSource> pools = new ArrayList<>();
        List<Scheduler> schedulers = new ArrayList<>();
        long start;
        long end;
        try {
            for (int r = 0; r < replicas; r++) {
                HikariDataSource pool = db.pool("quartz-" + r, threads + 3);
                pools.add(pool);
                schedulers.add(QuartzCluster.instance("replica-" + r, pool, threads, (bundle, s) -> job(pool, executions)));
            }
            start = System.nanoTime();
            for (Scheduler s : schedulers) {
                s.start();
            }
            Completion.await(executions::count, n, 60_000);
            // a job ran; Quartz records its completion right after: done when no trigger is left
            end = Completion.awaitRecorded(db, "SELECT (SELECT count(*) FROM qrtz_triggers)"
                    + " + (SELECT count(*) FROM qrtz_fired_triggers)");
        } finally {
            for (Scheduler s : schedulers) {
                s.shutdown(true);
            }
            pools.forEach(HikariDataSource::close);
        }
        RowWrites.Delta writes = RowWrites.between(before, RowWrites.snapshot(db));
        executions.verify(LABEL, n);
        work.verify(db, LABEL, n);
        return new Measurement(n, end - start, writes);
    }

    /** The job: the trigger's name is the run's id. */
    private Job job(HikariDataSource pool, Executions executions) {
        return context -> {
            String id = context.getTrigger().getKey().getName();
            try {
                work.perform(pool, id);
            } catch (Exception e) {
                throw new JobExecutionException(LABEL + ": the job of " + id + " failed", e, false);
            }
            executions.record(id);
        };
    }

    /** Stores the durable job and N one-shot triggers due a second ago, through a scheduler that is never started. */
    private void schedule(int n) throws Exception {
        try (HikariDataSource setup = db.pool("quartz-setup", 2)) {
            Scheduler s = QuartzCluster.instance("setup", setup, 1, (bundle, sched) -> {
                throw new IllegalStateException("the setup instance runs no job");
            });
            try {
                JobDetail job = JobBuilder.newJob(Job.class).withIdentity(JOB).storeDurably().build();
                Date due = Date.from(Instant.now().minusSeconds(1));
                for (int from = 0; from < n; from += 1_000) {
                    Set<Trigger> triggers = new HashSet<>();
                    for (int i = from; i < Math.min(n, from + 1_000); i++) {
                        triggers.add(TriggerBuilder.newTrigger().withIdentity(String.format("peer-r-%07d", i), "bench")
                                .forJob(JOB).startAt(due).withSchedule(SimpleScheduleBuilder.simpleSchedule()).build());
                    }
                    s.scheduleJobs(Map.of(job, triggers), true);
                }
            } finally {
                s.shutdown();
            }
        }
        db.execute("ANALYZE qrtz_triggers", "ANALYZE qrtz_simple_triggers", "ANALYZE qrtz_job_details");
    }
}
