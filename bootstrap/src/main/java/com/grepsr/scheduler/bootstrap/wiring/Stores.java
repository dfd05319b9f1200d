package com.grepsr.scheduler.bootstrap.wiring;

import com.grepsr.scheduler.adapters.memory.InMemoryAdapters;
import com.grepsr.scheduler.adapters.sql.SqlAdapters;
import com.grepsr.scheduler.application.port.out.ActivityOutboxPort;
import com.grepsr.scheduler.application.port.out.IdGeneratorPort;
import com.grepsr.scheduler.application.port.out.RequestLogPort;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.application.port.out.TaskHistoryStorePort;
import com.grepsr.scheduler.application.port.out.TaskQueuePort;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.application.port.out.TransactionPort;
import com.grepsr.scheduler.application.common.TimeOrderedIds;
import com.grepsr.scheduler.bootstrap.config.Settings;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The ports one storage adapter provides together: they share its transactions, so they must
 * never be mixed across adapters. {@link #close()} releases the adapter's connections.
 */
public record Stores(String description, ScheduleStorePort schedules, ScheduledRunStorePort runs,
                     TaskStorePort tasks, TaskHistoryStorePort history, TaskQueuePort queue,
                     ActivityOutboxPort outbox, RequestLogPort requests, TransactionPort tx, IdGeneratorPort ids, AutoCloseable closer)
        implements AutoCloseable {

    /** Everything in this process's memory: the development default, lost at exit. */
    public static Stores inMemory(Clock clock) {
        // the adapters' own simulated launcher goes unused: the launcher is chosen separately
        InMemoryAdapters m = new InMemoryAdapters(clock, Duration.ofMinutes(1));
        return new Stores("memory", m.schedules, m.runs, m.tasks, m.history, m.queue, m.outbox, m.requests,
                m.transactions, m.ids, () -> { });
    }

    /**
     * The SQL adapter over {@code url}, migrated before use. H2 wants a user: its embedded default
     * gets {@code sa}, as H2's own tools expect.
     */
    public static Stores sql(Settings.Store store, Clock clock) {
        String user = store.user().orElse(store.url().startsWith("jdbc:h2:") ? "sa" : "");
        SqlAdapters sql = SqlAdapters.fromJdbcUrl(store.url(), user, store.password().orElse(""),
                store.poolSize(), clock);
        return new Stores(store.toString() + " (" + sql.vendor() + ")", sql.schedules(), sql.runs(), sql.tasks(),
                sql.history(), sql.queue(), sql.outbox(), sql.requests(), sql.transactions(), new TimeOrderedIds(clock), sql);
    }

    /** What is wrong with the store's schema for this code, if anything (memory: nothing). */
    public Optional<String> schemaProblem() {
        return closer instanceof SqlAdapters sql ? sql.schemaProblem() : Optional.empty();
    }

    /** Publishes the connection pool's meters (HikariCP's own: active, idle, pending, timeouts …), if there is a pool. */
    public void bindPoolMetrics(MeterRegistry registry) {
        if (closer instanceof SqlAdapters sql && sql.dataSource() instanceof HikariDataSource pool) {
            pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        }
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }

    @Override
    public String toString() {
        return "store " + description;
    }
}
