package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.application.model.StoreUnavailableException;
import com.grepsr.scheduler.application.port.out.ActivityOutboxPort;
import com.grepsr.scheduler.application.port.out.RequestLogPort;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.application.port.out.TaskHistoryStorePort;
import com.grepsr.scheduler.application.port.out.TaskQueuePort;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.application.port.out.TransactionPort;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.grepsr.scheduler.adapters.sql.vendor.VendorStrategy;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.jooq.Configuration;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every store of the SQL adapter over one database, sharing one {@link TransactionPort}: what the
 * bootstrap wires when configuration names a JDBC URL. Both factories run the Flyway migrations
 * first, so the schema is always the one this code expects.
 *
 * <pre>{@code
 * try (SqlAdapters sql = SqlAdapters.fromJdbcUrl("jdbc:postgresql://db:5432/phoenix", "phoenix", secret, clock)) {
 *     ScheduleStorePort schedules = sql.schedules();
 *     ...
 * }
 * }</pre>
 */
public final class SqlAdapters implements AutoCloseable {

    /** Pool size of {@link #fromJdbcUrl}; the daemons and the gRPC service share it. */
    public static final int DEFAULT_POOL_SIZE = 10;

    static {
        // jOOQ prints a banner and tips on first use; a library should not
        System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
        System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
    }

    private final SqlVendor vendor;
    private final DataSource dataSource;
    private final AutoCloseable ownedPool;
    private final SqlTransactions transactions;
    private final SqlScheduleStore schedules;
    private final SqlScheduledRunStore runs;
    private final SqlTaskStore tasks;
    private final SqlTaskHistoryStore history;
    private final SqlTaskQueue queue;
    private final SqlActivityOutbox outbox;
    private final SqlRequestLog requests;

    SqlAdapters(DataSource dataSource, SqlVendor vendor, Clock clock, AutoCloseable ownedPool) {
        this.vendor = vendor;
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        VendorStrategy strategy = vendor.strategy();
        Configuration configuration = new DefaultConfiguration()
                .set(dataSource)
                .set(vendor.dialect())
                .set(new Settings()
                        // names as the DDL wrote them, unquoted: H2 folds them to upper case itself
                        .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                        .withExecuteLogging(false))
                .set(new SqlErrors());
        VendorStrategy.attach(configuration, strategy);
        this.transactions = new SqlTransactions(DSL.using(configuration), strategy);
        this.schedules = new SqlScheduleStore(transactions, strategy);
        this.runs = new SqlScheduledRunStore(transactions, strategy);
        this.tasks = new SqlTaskStore(transactions, strategy);
        this.history = new SqlTaskHistoryStore(transactions, strategy);
        this.queue = new SqlTaskQueue(transactions);
        this.outbox = new SqlActivityOutbox(transactions, clock);
        this.requests = new SqlRequestLog(transactions);
    }

    /**
     * Stores over a pool the caller owns (and closes). Migrates first. Use READ COMMITTED on
     * MySQL/MariaDB pools: REPEATABLE READ's gap locks make concurrent claims wait on each other.
     */
    public static SqlAdapters create(DataSource dataSource, SqlVendor vendor, Clock clock) {
        migrate(dataSource, vendor);
        return new SqlAdapters(dataSource, vendor, clock, null);
    }

    /** Stores over a new HikariCP pool of {@link #DEFAULT_POOL_SIZE} connections, closed by {@link #close}. */
    public static SqlAdapters fromJdbcUrl(String jdbcUrl, String user, String password, Clock clock) {
        return fromJdbcUrl(jdbcUrl, user, password, DEFAULT_POOL_SIZE, clock);
    }

    /**
     * Stores over a new HikariCP pool, closed by {@link #close}. The vendor is asked from the
     * server (a {@code jdbc:mysql:} URL may reach MariaDB). An unreachable database is a
     * {@link StoreUnavailableException}.
     */
    public static SqlAdapters fromJdbcUrl(String jdbcUrl, String user, String password, int poolSize, Clock clock) {
        HikariDataSource pool = pool(jdbcUrl, user, password, poolSize);
        try {
            return create(pool, SqlVendor.detect(pool), clock, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static SqlAdapters create(DataSource dataSource, SqlVendor vendor, Clock clock, AutoCloseable pool) {
        migrate(dataSource, vendor);
        return new SqlAdapters(dataSource, vendor, clock, pool);
    }

    /** Brings the schema up to date (also the CLI {@code migrate} command's work). */
    public static void migrate(DataSource dataSource, SqlVendor vendor) {
        try {
            flyway(dataSource, vendor).migrate();
        } catch (FlywayException e) {
            throw SqlErrors.translate(e);
        }
    }

    /**
     * What is wrong with the database's schema for this code, if anything: migrations of this
     * code not applied (someone rolled the schema back, or restored an old backup), or applied
     * ones this code does not know (a newer release migrated it: this replica may misread it).
     * Empty when the schema is exactly the one this code migrates to. For readiness probes.
     *
     * @throws StoreUnavailableException when the database cannot be reached
     */
    public Optional<String> schemaProblem() {
        MigrationInfoService info;
        try {
            info = flyway(dataSource, vendor).info();
        } catch (FlywayException e) {
            throw SqlErrors.translate(e);
        }
        String at = info.current() == null ? "empty" : "v" + info.current().getVersion();
        if (info.pending().length > 0) {
            return Optional.of("schema " + at + " lacks " + info.pending().length + " migration(s) of this release, up to v"
                    + info.pending()[info.pending().length - 1].getVersion());
        }
        long unknown = Arrays.stream(info.applied()).filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                || m.getState() == MigrationState.FUTURE_FAILED).count();
        if (unknown > 0) {
            return Optional.of("schema " + at + " has " + unknown + " migration(s) newer than this release");
        }
        return Optional.empty();
    }

    private static Flyway flyway(DataSource dataSource, SqlVendor vendor) {
        return Flyway.configure().dataSource(dataSource).locations(vendor.migrations()).load();
    }

    static HikariDataSource pool(String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("phoenix-sql");
        // fail a call after 5 s without a connection (StoreUnavailableException) rather than hang for 30
        config.setConnectionTimeout(5_000);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) { // HikariCP's PoolInitializationException: nothing to connect to
            throw new StoreUnavailableException("cannot open a connection pool to " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    public SqlVendor vendor() { return vendor; }
    public DataSource dataSource() { return dataSource; }
    public TransactionPort transactions() { return transactions; }
    public ScheduleStorePort schedules() { return schedules; }
    public ScheduledRunStorePort runs() { return runs; }
    public TaskStorePort tasks() { return tasks; }
    public TaskHistoryStorePort history() { return history; }
    public TaskQueuePort queue() { return queue; }
    public ActivityOutboxPort outbox() { return outbox; }
    public RequestLogPort requests() { return requests; }

    /** Closes the pool if {@link #fromJdbcUrl} made it; a caller's own pool is left open. */
    @Override
    public void close() {
        if (ownedPool != null) {
            try {
                ownedPool.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the connection pool failed", e);
            }
        }
    }
}
