package com.grepsr.scheduler.benchmarks.web;

import com.grepsr.scheduler.adapters.memory.InMemoryAdapters;
import com.grepsr.scheduler.adapters.sql.SqlAdapters;
import com.grepsr.scheduler.adapters.sql.SqlVendor;
import com.grepsr.scheduler.adapters.web.DashboardUseCases;
import com.grepsr.scheduler.adapters.web.DispatchMeters;
import com.grepsr.scheduler.adapters.web.WebDashboard;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.in.OneTimeRunUseCase;
import com.grepsr.scheduler.application.service.CalculatorDaemon;
import com.grepsr.scheduler.application.service.DaemonSettings;
import com.grepsr.scheduler.application.service.SchedulerCore;
import com.grepsr.scheduler.application.service.SchedulerPorts;
import com.grepsr.scheduler.application.service.TimeOrderedIds;
import com.grepsr.scheduler.benchmarks.horizon.SeededSchedules;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Issue 17's performance goal: every dashboard page renders server-side in under 100 ms at p95
 * with 100,000 schedules on PostgreSQL (their 3-day horizon materialized, ~1.3 million runs, plus
 * 20,000 missed runs and a few hundred tasks). The dashboard runs in this JVM on the SQL stores,
 * as the {@code api} role wires it; each page is fetched over loopback HTTP with a logged-in
 * session, sequentially, after a warm-up; the time is the whole request (an upper bound of the
 * render). Prints a Markdown table and writes it to OUT.
 *
 * <pre>java -cp benchmarks.jar com.grepsr.scheduler.benchmarks.web.DashboardRenderBenchmark \
 *     jdbc:postgresql://127.0.0.1:5432/web_bench postgres SCHEDULES REQUESTS OUT.md</pre>
 */
public final class DashboardRenderBenchmark {

    private static final String ADMIN = "web-benchmark-admin-token";
    private static final String ACCOUNT = "web-benchmark-account-token";
    private static final int WARMUP = 30;

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: DashboardRenderBenchmark JDBC_URL USER SCHEDULES REQUESTS OUT.md");
            System.exit(2);
        }
        int schedules = Integer.parseInt(args[2]);
        int requests = Integer.parseInt(args[3]);
        Clock clock = Clock.systemUTC();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername(args[1]);
        config.setMaximumPoolSize(SqlAdapters.DEFAULT_POOL_SIZE);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            SqlAdapters sql = SqlAdapters.create(pool, SqlVendor.detect(pool), clock);
            SeededSchedules.seed(sql, pool, schedules, clock.instant());
            InMemoryAdapters launcher = new InMemoryAdapters(clock, Duration.ofMinutes(30));
            SchedulerCore core = new SchedulerCore(new SchedulerPorts(sql.schedules(), sql.runs(), sql.tasks(),
                    sql.history(), sql.queue(), sql.outbox(), sql.requests(), launcher.launcher, launcher.catalog,
                    sql.transactions(), new TimeOrderedIds(clock), clock), DaemonSettings.DEFAULTS);
            long runs = fillHorizon(core, pool, clock);
            seedMissedAndTasks(core, pool);

            DashboardUseCases u = new DashboardUseCases(core.useCases().getStats(), core.useCases().getAllSchedules(), core.useCases().getSchedules(), core.useCases().getSchedule(),
                    core.useCases().getNextSchedules(), core.useCases().getMissedScheduleRuns(), core.useCases().getAllMissedRuns(),
                    core.useCases().getActiveTasksV2(), core.useCases().getCompletedTasks(), core.useCases().getTaskInfo(), core.useCases().getChildTasks(),
                    core.useCases().getTaskHistoryBySchedulerId(), core.useCases().oneTimeRun(), core.useCases().stopSchedule(),
                    core.useCases().unpauseSchedule());
            try (WebDashboard web = WebDashboard.create(u, token -> switch (token) {
                case ADMIN -> Optional.of(Caller.admin("bench"));
                case ACCOUNT -> Optional.of(Caller.ofAccount("bench-account", AccountId.of("account-7")));
                default -> Optional.empty();
            }, DispatchMeters.none(), clock).start("127.0.0.1", 0)) {
                String base = "http://127.0.0.1:" + web.port();
                String admin = login(base, ADMIN);
                String account = login(base, ACCOUNT);
                String someSchedule = scalarText(pool, "SELECT id FROM vt_extractor_schedule ORDER BY id LIMIT 1");
                String someTask = scalarText(pool, "SELECT id FROM tasks ORDER BY id LIMIT 1");
                List<String[]> pages = List.of(
                        new String[]{"overview (admin)", "/", admin},
                        new String[]{"agenda, all accounts (admin)", "/agenda?zone=Europe/London", admin},
                        new String[]{"agenda, one account", "/agenda?zone=America/New_York", account},
                        new String[]{"schedules (admin)", "/schedules", admin},
                        new String[]{"schedules, one account", "/schedules", account},
                        new String[]{"schedules, filtered by project (admin)", "/schedules?project=project-7", admin},
                        new String[]{"schedule page", "/schedules/" + someSchedule, admin},
                        new String[]{"tasks, active (admin)", "/tasks", admin},
                        new String[]{"tasks, completed (admin)", "/tasks?which=completed", admin},
                        new String[]{"task page", "/tasks/" + someTask, admin},
                        new String[]{"missed runs (admin)", "/missed", admin},
                        new String[]{"missed runs by cause (admin)", "/missed?cause=SCHEDULER_DOWN", admin});
                StringBuilder md = new StringBuilder();
                md.append(String.format(Locale.ROOT, "%,d schedules, %,d runs in the horizon; %d requests per page "
                        + "after %d warm-up requests, one at a time, over loopback HTTP.%n%n", schedules, runs,
                        requests, WARMUP));
                md.append("| page | p50 ms | p95 ms | max ms | bytes |\n| --- | ---: | ---: | ---: | ---: |\n");
                for (String[] p : pages) {
                    md.append(measure(base, p[0], p[1], p[2], requests));
                }
                System.out.print(md);
                Files.writeString(Path.of(args[4]), md.toString());
            }
        }
    }

    /** Ticks the calculator until the 3-day horizon is full (at once when it already is). */
    private static long fillHorizon(SchedulerCore core, HikariDataSource pool, Clock clock) throws Exception {
        CalculatorDaemon calculator = core.calculator();
        long t0 = System.nanoTime();
        for (int i = 0; i < 1_000 && calculator.tick(clock.instant()).runsInserted() > 0; i++) {
            // each tick materializes a batch of schedules' runs
        }
        long runs = Long.parseLong(scalarText(pool, "SELECT count(*) FROM vt_scheduled_runs"));
        System.out.printf("horizon: %,d runs (%.1f s)%n", runs, (System.nanoTime() - t0) / 1e9);
        return runs;
    }

    /** 20,000 missed runs in the last 4 days, and 300 tasks (manual runs), unless they are there. */
    private static void seedMissedAndTasks(SchedulerCore core, HikariDataSource pool) throws Exception {
        if (Long.parseLong(scalarText(pool, "SELECT count(*) FROM vt_scheduled_runs WHERE status = 'MISSED'")) == 0) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO vt_scheduled_runs (id, schedule_id, report_id, project_id, account_id,"
                        + " service_code, fire_at, status, miss_cause, created_at, settled_at)"
                        + " SELECT 'missed-' || id, schedule_id, report_id, project_id, account_id, service_code,"
                        + " fire_at - INTERVAL '4 days', 'MISSED', 'SCHEDULER_DOWN', created_at, now()"
                        + " FROM vt_scheduled_runs WHERE status = 'PENDING' ORDER BY id LIMIT 20000");
                s.execute("ANALYZE vt_scheduled_runs");
            }
        }
        long tasks = Long.parseLong(scalarText(pool, "SELECT count(*) FROM tasks"));
        for (long i = tasks; i < 300; i++) {
            core.useCases().oneTimeRun().execute(Caller.admin("bench"), OneTimeRunUseCase.Command.now(ReportRef.of(
                    "report-" + i, "project-" + (i % 50), "account-" + (i % 10), "amazon-products")));
        }
    }

    private static String measure(String base, String name, String path, String cookie, int requests)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).build();
        int bytes = 0;
        for (int i = 0; i < WARMUP; i++) {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(name + " " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            bytes = r.body().length();
        }
        double[] ms = new double[requests];
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            http.send(request, HttpResponse.BodyHandlers.ofString());
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %,d |%n", name, ms[requests / 2],
                ms[(int) Math.ceil(requests * 0.95) - 1], ms[requests - 1], bytes);
    }

    private static String login(String base, String token) throws Exception {
        HttpResponse<String> r = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow(() -> new IllegalStateException("no login"));
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private static String scalarText(HikariDataSource pool, String query) throws Exception {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private DashboardRenderBenchmark() {
    }
}
