package com.grepsr.scheduler.benchmarks.dispatch;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The benchmark's own PostgreSQL database (dropped and created afresh per run, so no earlier run's
 * rows or bloat skew it), and the connection pools both sides get: one HikariCP pool per replica,
 * configured alike for ours and db-scheduler's.
 */
final class BenchDatabase {

    private final String host;
    private final String name;
    private final String user;

    BenchDatabase(String host, String name, String user) {
        if (!name.startsWith("dispatch_")) {
            // the server is shared: only databases named for this harness are ever dropped
            throw new IllegalArgumentException("database name must start with dispatch_, was " + name);
        }
        this.host = host;
        this.name = name;
        this.user = user;
    }

    /** The database the options name ({@code --host}, {@code --database}, {@code --user}), else the defaults. */
    static BenchDatabase fromOptions(Map<String, String> options, String defaultName) {
        return new BenchDatabase(options.getOrDefault("host", "127.0.0.1:5432"),
                options.getOrDefault("database", defaultName), options.getOrDefault("user", "postgres"));
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + "/" + name;
    }

    void recreate() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + "/postgres", user, "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        }
    }

    /** A pool as a replica gets it: READ COMMITTED (the SQL adapter's choice), {@code size} connections. */
    HikariDataSource pool(String poolName, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl());
        config.setUsername(user);
        config.setPassword("");
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setPoolName(poolName);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return new HikariDataSource(config);
    }

    /** Runs statements on a short-lived connection (setup, truncation, ANALYZE, checks). */
    void execute(String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), user, ""); Statement s = c.createStatement()) {
            for (String one : sql) {
                s.execute(one);
            }
        }
    }

    long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, "");
    }
}
