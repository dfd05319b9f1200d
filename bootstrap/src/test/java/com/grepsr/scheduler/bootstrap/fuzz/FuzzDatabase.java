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
 * fingerprint of everything stored in it, to prove that a refused request wrote nothing.
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
    private String fingerprintQuery;

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
     * Row count and an order-independent sum of row hashes for every table of the schema (the
     * migrated ones; Flyway's history too, harmlessly). A row inserted, deleted or changed in any
     * column changes it; a hash collision could hide a change, with odds far below anything a
     * test run meets. One statement, so the tables are read in one snapshot. Sequences are not
     * rows: a rolled-back insert may advance an identity, which writes nothing a reader sees.
     */
    String fingerprint() {
        try {
            if (reader == null) {
                reader = DriverManager.getConnection(url(), user, password);
                fingerprintQuery = fingerprintQuery(reader);
            }
            try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery(fingerprintQuery)) {
                StringBuilder out = new StringBuilder();
                while (rs.next()) {
                    out.append(rs.getString(1)).append('=').append(rs.getLong(2)).append('/')
                            .append(rs.getString(3)).append(' ');
                }
                return out.toString().trim();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("fingerprinting " + schema + " failed", e);
        }
    }

    private String fingerprintQuery(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("schema " + schema + " has no tables: not migrated yet");
        }
        List<String> parts = new ArrayList<>();
        for (String t : tables) {
            parts.add("SELECT '" + t + "', count(*), coalesce(sum(hashtextextended(r::text, 0)::numeric), 0)::text"
                    + " FROM " + schema + "." + t + " r");
        }
        return String.join(" UNION ALL ", parts) + " ORDER BY 1";
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
