package com.grepsr.scheduler.bootstrap.fuzz;

import org.opentest4j.TestAbortedException;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A private PostgreSQL schema for one fuzz class ({@code fuzz_<random>}, dropped at the end), and a
 * count of the rows written in it, to prove that a refused request wrote nothing.
 *
 * <p>Follows the SQL adapter's {@code SqlDatabaseExtension}: the server is
 * {@code PHOENIX_TEST_POSTGRES_URL} / {@code _USER} / {@code _PASSWORD} (default the build
 * machine's 127.0.0.1:5432 as postgres); an unreachable server aborts the test with a message,
 * except under {@code CI=true}, where it fails.
 */
final class FuzzDatabase implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String baseUrl = env("URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private final String user = env("USER", "postgres");
    private final String password = env("PASSWORD", "");
    private final String schema = "fuzz_" + Long.toString(Math.abs(RANDOM.nextLong()), 36);
    private Connection reader;

    /** Creates the schema, or aborts/fails the test when the server cannot be reached. */
    static FuzzDatabase create() {
        FuzzDatabase db = new FuzzDatabase();
        try {
            DriverManager.setLoginTimeout(5);
            try (Connection c = DriverManager.getConnection(db.baseUrl, db.user, db.password);
                 Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + db.schema);
            }
        } catch (SQLException e) {
            String why = "PostgreSQL at " + db.baseUrl + " as " + db.user + " is not reachable: " + e.getMessage()
                    + " (set PHOENIX_TEST_POSTGRES_URL, _USER, _PASSWORD to use another server)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI=true, so the fuzz tests must run, but " + why, e);
            }
            throw new TestAbortedException("skipped: " + why + ". Start the server (see .ci/run) to run them;"
                    + " with CI=true an unreachable server fails the build.");
        }
        return db;
    }

    String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /**
     * Counts, from now on, every row inserted, updated or deleted in the service's tables: a row
     * trigger on each adds one to its table's counter in the same transaction, so a rolled-back
     * write counts nothing and a committed one, even of identical values, counts. That is exact
     * (no hash to collide) and stricter than comparing contents, and reading it costs one small
     * query however much the fuzzing has stored — hashing every row after every call grew slower
     * with each OK answer. Call it once the schema is migrated.
     */
    void countRowWrites() {
        try (Connection c = DriverManager.getConnection(url(), user, password); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            tables.remove("flyway_schema_history");
            if (tables.isEmpty()) {
                throw new IllegalStateException("schema " + schema + " has no tables: not migrated yet");
            }
            s.execute("CREATE TABLE " + schema + ".fuzz_row_writes (table_name TEXT PRIMARY KEY, n BIGINT NOT NULL)");
            s.execute("CREATE FUNCTION " + schema + ".fuzz_count_row_write() RETURNS trigger LANGUAGE plpgsql AS $$"
                    + " BEGIN INSERT INTO " + schema + ".fuzz_row_writes AS w VALUES (TG_TABLE_NAME, 1)"
                    + " ON CONFLICT (table_name) DO UPDATE SET n = w.n + 1; RETURN NULL; END $$");
            for (String t : tables) {
                s.execute("CREATE TRIGGER fuzz_count_row_writes AFTER INSERT OR UPDATE OR DELETE ON " + schema + "."
                        + t + " FOR EACH ROW EXECUTE FUNCTION " + schema + ".fuzz_count_row_write()");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("installing the write counters in " + schema + " failed", e);
        }
    }

    /** Rows written so far, per table (e.g. {@code tasks=12 task_history=30}); equal before and after = nothing written. */
    String rowWrites() {
        try {
            if (reader == null) {
                reader = DriverManager.getConnection(url(), user, password);
            }
            try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT coalesce(string_agg(table_name || '=' || n, ' ' ORDER BY table_name), '') FROM "
                            + schema + ".fuzz_row_writes")) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the write counters of " + schema + " failed", e);
        }
    }

    @Override
    public void close() throws SQLException {
        if (reader != null) {
            reader.close();
        }
        try (Connection c = DriverManager.getConnection(baseUrl, user, password); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static String env(String suffix, String fallback) {
        String v = System.getenv("PHOENIX_TEST_POSTGRES_" + suffix);
        return v == null || v.isBlank() ? fallback : v;
    }

    @Override
    public String toString() {
        return "postgresql:" + schema;
    }
}
