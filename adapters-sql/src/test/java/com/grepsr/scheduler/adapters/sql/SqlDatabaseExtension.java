package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.adapters.sql.jooq.DefaultSchema;
import org.jooq.Table;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives a test class its own freshly migrated schema on one database, and drops it afterwards.
 * Register it as a static field:
 *
 * <pre>{@code
 * @RegisterExtension static final SqlDatabaseExtension db = SqlDatabaseExtension.postgres();
 * ... db.fresh().schedules() ...
 * }</pre>
 *
 * An unreachable PostgreSQL or MariaDB skips the class with a message saying how to point the
 * tests at a server, except when {@code CI=true}: then it fails, so a build never passes by
 * silently testing nothing.
 */
public final class SqlDatabaseExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final TestDatabase database;
    private final SqlVendor forcedVendor;
    private final List<SqlAdapters> replicas = new ArrayList<>();
    private SqlAdapters adapters;
    private boolean created;
    /** Why every test is skipped (the server is unreachable and this is not CI), or null. */
    private String skipReason;
    /** The class that registered the extension; @Nested classes inherit it and must not re-run it. */
    private Class<?> owner;

    private SqlDatabaseExtension(TestDatabase database, SqlVendor forcedVendor) {
        this.database = database;
        this.forcedVendor = forcedVendor;
    }

    public static SqlDatabaseExtension postgres() {
        return new SqlDatabaseExtension(TestDatabase.postgres(), null);
    }

    public static SqlDatabaseExtension mariadb() {
        return new SqlDatabaseExtension(TestDatabase.mariadb(), null);
    }

    public static SqlDatabaseExtension h2() {
        return new SqlDatabaseExtension(TestDatabase.h2(), null);
    }

    /** MariaDB driven with jOOQ's MYSQL dialect: the SQL a MySQL 8 server would get. */
    public static SqlDatabaseExtension mariadbWithMysqlDialect() {
        return new SqlDatabaseExtension(TestDatabase.mariadb(), SqlVendor.MYSQL);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (owner != null) {
            return;
        }
        owner = context.getRequiredTestClass();
        try {
            database.create();
            created = true;
        } catch (SQLException e) {
            String why = database.describe() + " is not reachable: " + e.getMessage().replaceAll("\\.+$", "");
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI=true, so the database tests must run, but " + why, e);
            }
            skipReason = "skipped: " + why + ". Start the server (see .ci/run) to run these tests;"
                    + " with CI=true an unreachable server fails the build.";
            System.err.println(context.getRequiredTestClass().getSimpleName() + " " + skipReason);
            return;
        }
        try {
            adapters = open(Clock.systemUTC());
        } catch (RuntimeException | Error e) {
            dropQuietly(e);
            throw e;
        }
    }

    private void dropQuietly(Throwable cause) {
        try {
            database.drop();
            created = false;
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Skips each test, not the class: surefire then counts them as skipped and keeps the reason. */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (skipReason != null) {
            throw new TestAbortedException(skipReason);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (owner != context.getRequiredTestClass()) {
            return;
        }
        replicas.forEach(SqlAdapters::close);
        if (adapters != null) {
            adapters.close();
        }
        if (created) {
            database.drop();
        }
    }

    /** The class's adapters, with every table emptied: each test starts from nothing. */
    public SqlAdapters fresh() {
        try (Connection c = adapters.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (Table<?> t : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
                s.executeUpdate("DELETE FROM " + t.getName());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("emptying " + database + " failed", e);
        }
        return adapters;
    }

    /**
     * Like {@link #fresh()}, with stores that stamp times from {@code clock} (the outbox's
     * delivery time), over the class's pool.
     */
    public SqlAdapters fresh(Clock clock) {
        SqlAdapters emptied = fresh();
        return new SqlAdapters(emptied.dataSource(), emptied.vendor(), clock, null);
    }

    /** The class's adapters as they are. */
    public SqlAdapters adapters() {
        return adapters;
    }

    /** Another process's view of the same schema: its own pool, its own transactions. */
    public SqlAdapters replica(int poolSize, Clock clock) {
        SqlAdapters replica = open(poolSize, clock);
        replicas.add(replica);
        return replica;
    }

    /** Opens more adapters on the class's schema through another JDBC URL (e.g. another driver). */
    public SqlAdapters openWithUrl(java.util.function.UnaryOperator<String> rewrite) {
        SqlAdapters other = SqlAdapters.fromJdbcUrl(rewrite.apply(database.url()), database.user(),
                database.password(), 2, Clock.systemUTC());
        replicas.add(other);
        return other;
    }

    public String label() {
        return database.toString();
    }

    private SqlAdapters open(Clock clock) {
        return open(4, clock);
    }

    private SqlAdapters open(int poolSize, Clock clock) {
        if (forcedVendor == null) {
            return SqlAdapters.fromJdbcUrl(database.url(), database.user(), database.password(), poolSize, clock);
        }
        var pool = SqlAdapters.pool(database.url(), database.user(), database.password(), poolSize);
        SqlAdapters.migrate(pool, forcedVendor);
        return new SqlAdapters(pool, forcedVendor, clock, pool);
    }
}
