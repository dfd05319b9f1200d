package com.grepsr.scheduler.benchmarks.horizon;

import com.grepsr.scheduler.adapters.memory.InMemoryAdapters;
import com.grepsr.scheduler.adapters.sql.SqlAdapters;
import com.grepsr.scheduler.adapters.sql.SqlVendor;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.ScheduleFilter;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.application.port.out.TransactionPort;
import com.grepsr.scheduler.application.daemon.CalculatorDaemon;
import com.grepsr.scheduler.application.daemon.DaemonSettings;
import com.grepsr.scheduler.application.SchedulerCore;
import com.grepsr.scheduler.application.SchedulerPorts;
import com.grepsr.scheduler.application.common.TimeOrderedIds;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Issue 9, part 2: the calculator fills the 3-day horizon of N active schedules from empty into
 * PostgreSQL, as the service wires it (SQL stores on a Hikari pool, production daemon settings),
 * beside the raw rate of inserting exactly the same rows with batched JDBC INSERTs and with COPY,
 * in the same run; then the cost of one calculator tick when nothing changed, in time and in SQL
 * statements, beside the old idle tick's work (listing every ACTIVE schedule page by page).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar com.grepsr.scheduler.benchmarks.horizon.HorizonFillBenchmark \
 *     jdbc:postgresql://127.0.0.1:5432/horizon_bench postgres SCHEDULES REPEATS OUT_PREFIX</pre>
 *
 * Writes OUT_PREFIX.json (flat numbers) and OUT_PREFIX.md (tables). Leaves the database with the
 * schedules and their filled horizon (the memory measurement runs the service on it next).
 */
public final class HorizonFillBenchmark {

    private static final int IDLE_TICKS = 5;

    private final String url;
    private final String user;
    private final int scheduleCount;
    private final Clock clock = Clock.systemUTC();
    private final StatementCounter counter = new StatementCounter();
    private final Measurements m = new Measurements();
    private final PortTimer timer = new PortTimer();
    private HikariDataSource pool;
    private SqlAdapters sql;

    private HorizonFillBenchmark(String url, String user, int scheduleCount) {
        this.url = url;
        this.user = user;
        this.scheduleCount = scheduleCount;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: HorizonFillBenchmark JDBC_URL USER SCHEDULES REPEATS OUT_PREFIX");
            System.exit(2);
        }
        HorizonFillBenchmark b = new HorizonFillBenchmark(args[0], args[1], Integer.parseInt(args[2]));
        int repeats = Integer.parseInt(args[3]);
        try {
            b.open();
            b.seed();
            for (int rep = 1; rep <= repeats; rep++) {
                b.repetition(rep);
            }
            new HorizonReport(b.m, b.scheduleCount, repeats).write(Path.of(args[4]));
        } finally {
            b.close();
        }
    }

    /** The pool as {@code SqlAdapters.fromJdbcUrl} makes it, behind a statement counter. */
    private void open() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setMaximumPoolSize(SqlAdapters.DEFAULT_POOL_SIZE);
        config.setPoolName("phoenix-sql");
        config.setConnectionTimeout(5_000);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        pool = new HikariDataSource(config);
        DataSource counted = counter.wrap(pool);
        sql = SqlAdapters.create(counted, SqlVendor.detect(counted), clock);
    }

    private void close() {
        if (pool != null) {
            pool.close();
        }
    }

    private SchedulerCore core() {
        InMemoryAdapters unused = new InMemoryAdapters(clock, Duration.ofSeconds(30)); // launcher, catalog
        // the stores the calculator uses are timed per method: where the fill's time goes
        SchedulerPorts ports = new SchedulerPorts(timer.wrap(ScheduleStorePort.class, sql.schedules()),
                timer.wrap(ScheduledRunStorePort.class, sql.runs()), sql.tasks(), sql.history(), sql.queue(),
                sql.outbox(), sql.requests(), unused.launcher, unused.catalog,
                timer.wrap(TransactionPort.class, sql.transactions()), new TimeOrderedIds(clock), clock);
        return new SchedulerCore(ports, DaemonSettings.DEFAULTS);
    }

    /** N ACTIVE schedules, unless the database holds them already (see {@link SeededSchedules}). */
    private void seed() throws SQLException {
        SeededSchedules.seed(sql, pool, scheduleCount, clock.instant());
    }

    private void repetition(int rep) throws SQLException {
        // ours first: it produces the rows the raw baselines then insert again; the last writer
        // of the last repetition leaves exactly the calculator's rows behind
        fillByCalculator(rep);
        MaterializedRows rows;
        try (Connection c = pool.getConnection()) {
            rows = MaterializedRows.readAll(c);
        }
        List<String> raw = rep % 2 == 1 ? List.of("batch", "copy") : List.of("copy", "batch");
        for (String way : raw) {
            emptyRuns();
            try (Connection c = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?")
                    + "reWriteBatchedInserts=true", user, "")) {
                long t0 = System.nanoTime();
                if (way.equals("batch")) {
                    RawInserts.batched(c, rows);
                } else {
                    RawInserts.copy(c, rows);
                }
                double s = (System.nanoTime() - t0) / 1e9;
                m.add("raw_" + way + "_seconds", s);
                m.add("raw_" + way + "_rows_per_s", rows.size / s);
                System.out.printf("rep %d %-5s: %d rows in %.2f s = %.0f rows/s%n", rep, way, rows.size, s,
                        rows.size / s);
            }
        }
        double ours = m.all("fill_rows_per_s").get(rep - 1);
        double best = Math.max(m.all("raw_batch_rows_per_s").get(rep - 1), m.all("raw_copy_rows_per_s").get(rep - 1));
        m.add("fill_fraction_of_raw", ours / best);
    }

    private void fillByCalculator(int rep) throws SQLException {
        emptyRuns();
        if (hasCalculateAt()) {
            execute("UPDATE vt_extractor_schedule SET calculate_at = TIMESTAMP '1970-01-01 00:00:00'",
                    "VACUUM ANALYZE vt_extractor_schedule");
        }
        execute("CHECKPOINT");
        CalculatorDaemon calculator = core().calculator();
        counter.reset();
        timer.reset();
        long t0 = System.nanoTime();
        long inserted = 0;
        int ticks = 0;
        double wall = 0;
        while (ticks < 1_000) {
            CalculatorDaemon.TickResult r = calculator.tick(clock.instant());
            ticks++;
            if (r.runsInserted() == 0) {
                break;
            }
            inserted += r.runsInserted();
            wall = (System.nanoTime() - t0) / 1e9;
        }
        long statements = counter.statements();
        double inPorts = 0;
        for (Map.Entry<String, Double> e : timer.seconds().entrySet()) {
            m.add("fill_in_" + e.getKey(), e.getValue());
            if (!e.getKey().startsWith("Transaction")) {
                inPorts += e.getValue();
            }
        }
        double tx = timer.seconds().getOrDefault("Transaction.inTransaction", 0.0);
        double inTx = timer.seconds().getOrDefault("ScheduledRunStore.insertIfAbsent", 0.0)
                + timer.seconds().getOrDefault("ScheduleStore.calculatedUntil", 0.0);
        m.add("fill_in_commit_and_begin", tx - inTx);
        m.add("fill_in_calculator_itself", wall - inPorts - (tx - inTx));
        System.out.println("  where the time went (s): " + timer.seconds());
        long rows = scalar("SELECT count(*) FROM vt_scheduled_runs");
        if (rows != inserted) {
            throw new IllegalStateException("the calculator reported " + inserted + " runs, the table holds " + rows);
        }
        m.add("fill_seconds", wall);
        m.add("fill_rows", rows);
        m.add("fill_rows_per_s", rows / wall);
        m.add("fill_ticks", ticks - 1);
        m.add("fill_statements", statements);
        System.out.printf("rep %d ours : %d rows in %.2f s = %.0f rows/s (%d ticks, %d statements)%n", rep, rows, wall,
                rows / wall, ticks - 1, statements);
        idleTicks(calculator);
    }

    /** Ticks with nothing to do, and beside them the old idle tick's work: every ACTIVE schedule, paged. */
    private void idleTicks(CalculatorDaemon calculator) {
        for (int i = 0; i < IDLE_TICKS; i++) {
            counter.reset();
            long t0 = System.nanoTime();
            CalculatorDaemon.TickResult r = calculator.tick(clock.instant());
            double ms = (System.nanoTime() - t0) / 1e6;
            if (r.runsInserted() != 0) {
                throw new IllegalStateException("an idle tick inserted " + r.runsInserted() + " runs");
            }
            m.add("idle_tick_ms", ms);
            m.add("idle_tick_statements", counter.statements());
            m.add("idle_tick_schedules_read", r.schedulesSeen());
        }
        counter.reset();
        long t0 = System.nanoTime();
        int listed = 0;
        ScheduleFilter active = ScheduleFilter.withStatuses(Set.of(ScheduleStatus.ACTIVE));
        PageRequest page = PageRequest.first(500);
        while (true) {
            Page<Schedule> batch = sql.schedules().list(active, page);
            listed += batch.items().size();
            if (!batch.hasNext()) {
                break;
            }
            page = new PageRequest(500, batch.nextPageToken());
        }
        m.add("old_idle_tick_ms", (System.nanoTime() - t0) / 1e6);
        m.add("old_idle_tick_statements", counter.statements());
        m.add("old_idle_tick_schedules_read", listed);
    }

    private void emptyRuns() throws SQLException {
        execute("TRUNCATE vt_scheduled_runs", "CHECKPOINT");
    }

    private boolean hasCalculateAt() throws SQLException {
        return scalar("SELECT count(*) FROM information_schema.columns WHERE table_name = 'vt_extractor_schedule'"
                + " AND column_name = 'calculate_at'") > 0;
    }

    private void execute(String... statements) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (String sqlText : statements) {
                s.execute(sqlText);
            }
        }
    }

    private long scalar(String query) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<String> describeMix() {
        List<String> out = new ArrayList<>();
        for (ScheduleMix.Kind k : ScheduleMix.KINDS) {
            out.add(k.percent() + " % " + k.name());
        }
        return out;
    }
}
