package com.grepsr.scheduler.benchmarks.dispatch;

import com.grepsr.scheduler.adapters.memory.SimulatedCrawlerLauncher;
import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskOrigin;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The work a team building this service on a peer scheduler would put in its task body: launch
 * the crawler through the same simulated launcher our side uses (idempotent by name, so a retried
 * execution launches nothing twice), then record the task, already LAUNCHING, and its history line
 * in one transaction, with plain JDBC into two simple tables of the benchmark's database.
 */
final class SameWork implements PeerWork {

    private static final String[] DDL = {
            "DROP TABLE IF EXISTS peer_task_history, peer_tasks",
            "CREATE TABLE peer_tasks (id TEXT PRIMARY KEY, status TEXT NOT NULL, launch_name TEXT NOT NULL,"
                    + " created_at TIMESTAMPTZ NOT NULL)",
            "CREATE TABLE peer_task_history (id BIGSERIAL PRIMARY KEY, task_id TEXT NOT NULL REFERENCES peer_tasks (id),"
                    + " status TEXT NOT NULL, at TIMESTAMPTZ NOT NULL)",
            "CREATE INDEX peer_task_history_task ON peer_task_history (task_id)"
    };
    private static final CrawlerSpec CRAWLER = CrawlerSpec.image("bench/noop");
    private static final ReportRef REPORT = ReportRef.of("report-peer", "project-peer", "account-peer", "svc");

    private final Duration launchTime;
    private volatile SimulatedCrawlerLauncher simulated;
    private volatile CrawlerLauncherPort launcher;

    /** {@code launchTime}: how long each launch call takes (zero: at once). */
    SameWork(Duration launchTime) {
        this.launchTime = launchTime;
    }

    @Override
    public void reset(BenchDatabase db) throws Exception {
        db.execute(DDL);
        simulated = new SimulatedCrawlerLauncher(Clock.systemUTC(), Duration.ofDays(1));
        launcher = launchTime.isZero() ? simulated : new SlowLauncher(simulated, launchTime);
    }

    @Override
    public void perform(DataSource pool, String id) throws Exception {
        Instant now = Instant.now();
        Task task = Task.queue(TaskId.of(id), TaskOrigin.scheduled(REPORT, ScheduleId.of("peer-schedule"),
                ScheduledRunId.of(id), Parameters.NONE, null), now);
        String launchName = launcher.launch(task, CRAWLER);
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement t = c.prepareStatement("INSERT INTO peer_tasks (id, status, launch_name, created_at)"
                    + " VALUES (?, 'LAUNCHING', ?, ?) ON CONFLICT (id) DO NOTHING");
                 PreparedStatement h = c.prepareStatement("INSERT INTO peer_task_history (task_id, status, at)"
                         + " VALUES (?, 'LAUNCHING', ?)")) {
                t.setString(1, id);
                t.setString(2, launchName);
                t.setObject(3, now.atOffset(ZoneOffset.UTC));
                t.executeUpdate();
                h.setString(1, id);
                h.setObject(2, now.atOffset(ZoneOffset.UTC));
                h.executeUpdate();
                c.commit();
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** N tasks LAUNCHING, one history line each, N launch calls and N distinct launches. */
    @Override
    public void verify(BenchDatabase db, String who, long n) throws Exception {
        try (Connection c = db.connect()) {
            check(who, "tasks LAUNCHING", db.count(c, "SELECT count(*) FROM peer_tasks WHERE status = 'LAUNCHING'"), n);
            check(who, "history lines", db.count(c, "SELECT count(*) FROM peer_task_history"), n);
            check(who, "tasks with history", db.count(c, "SELECT count(DISTINCT task_id) FROM peer_task_history"), n);
        }
        check(who, "launch calls", simulated.launchCalls(), n);
        check(who, "launches", simulated.liveLaunches(), n);
    }

    private static void check(String who, String what, long actual, long expected) {
        if (actual != expected) {
            throw new IllegalStateException(who + ": " + what + " = " + actual + ", expected " + expected);
        }
    }
}
