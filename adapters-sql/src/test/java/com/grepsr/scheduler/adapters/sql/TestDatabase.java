package com.grepsr.scheduler.adapters.sql;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * A database server the tests may use, and how to carve a private schema (PostgreSQL), database
 * (MySQL/MariaDB) or in-memory database (H2) out of it. Every test class gets one with a random
 * name, dropped afterwards: runs on a shared server never see each other's rows, and nothing
 * that someone else created is ever dropped.
 *
 * <p>Where the servers are (defaults are this project's build machines):
 * <ul>
 *   <li>{@code PHOENIX_TEST_POSTGRES_URL} ({@code jdbc:postgresql://127.0.0.1:5432/postgres}),
 *       {@code PHOENIX_TEST_POSTGRES_USER} ({@code postgres}), {@code PHOENIX_TEST_POSTGRES_PASSWORD} (empty)</li>
 *   <li>{@code PHOENIX_TEST_MARIADB_URL} ({@code jdbc:mariadb://127.0.0.1:3306/}),
 *       {@code PHOENIX_TEST_MARIADB_USER} ({@code root}), {@code PHOENIX_TEST_MARIADB_PASSWORD} (empty).
 *       A {@code jdbc:mysql:} URL to a MySQL 8 server runs the same tests with the MYSQL dialect.</li>
 * </ul>
 */
abstract class TestDatabase {

    private static final SecureRandom RANDOM = new SecureRandom();

    final String label;
    final String name = "phx_t_" + Long.toString(Math.abs(RANDOM.nextLong()), 36);

    private TestDatabase(String label) {
        this.label = label;
    }

    /** How to reach the server, and which variables change it (for the skip/fail message). */
    abstract String describe();

    /** Throws when the server cannot be reached. */
    abstract void create() throws SQLException;

    abstract void drop() throws SQLException;

    /** JDBC URL, user and password of the private schema/database. */
    abstract String url();

    abstract String user();

    abstract String password();

    static TestDatabase postgres() {
        return new Server("PostgreSQL", "POSTGRES", "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres") {
            @Override
            void create() throws SQLException {
                admin("CREATE SCHEMA " + name);
            }

            @Override
            void drop() throws SQLException {
                admin("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            }

            @Override
            String url() {
                return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
            }
        };
    }

    static TestDatabase mariadb() {
        return new Server("MariaDB", "MARIADB", "jdbc:mariadb://127.0.0.1:3306/", "root") {
            @Override
            void create() throws SQLException {
                admin("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            }

            @Override
            void drop() throws SQLException {
                admin("DROP DATABASE IF EXISTS " + name);
            }

            @Override
            String url() {
                // jdbc:mariadb://host:port/db?options → the same server, our database
                int hostStart = baseUrl.indexOf("//") + 2;
                int pathStart = baseUrl.indexOf('/', hostStart);
                int query = baseUrl.indexOf('?');
                String server = baseUrl.substring(0, pathStart < 0 ? (query < 0 ? baseUrl.length() : query) : pathStart);
                return server + "/" + name + (query < 0 ? "" : baseUrl.substring(query));
            }
        };
    }

    static TestDatabase h2() {
        return new TestDatabase("H2") {
            @Override
            String describe() {
                return "H2 in memory";
            }

            @Override
            void create() {
            }

            @Override
            void drop() throws SQLException {
                try (Connection c = DriverManager.getConnection(url(), user(), password());
                     Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            }

            @Override
            String url() {
                return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
            }

            @Override
            String user() {
                return "sa";
            }

            @Override
            String password() {
                return "";
            }
        };
    }

    /** A server reached through environment-overridable settings. */
    private abstract static class Server extends TestDatabase {
        final String variablePrefix;
        final String baseUrl;
        final String user;
        final String password;

        Server(String label, String key, String defaultUrl, String defaultUser) {
            super(label);
            this.variablePrefix = "PHOENIX_TEST_" + key + "_";
            this.baseUrl = env("URL", defaultUrl);
            this.user = env("USER", defaultUser);
            this.password = env("PASSWORD", "");
        }

        private String env(String suffix, String fallback) {
            String v = System.getenv(variablePrefix + suffix);
            return v == null || v.isBlank() ? fallback : v;
        }

        @Override
        String describe() {
            return label + " at " + baseUrl + " as " + user + " (set " + variablePrefix + "URL, "
                    + variablePrefix + "USER, " + variablePrefix + "PASSWORD to use another server)";
        }

        void admin(String sql) throws SQLException {
            DriverManager.setLoginTimeout(5);
            try (Connection c = DriverManager.getConnection(baseUrl, user, password); Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }

        @Override
        String user() {
            return user;
        }

        @Override
        String password() {
            return password;
        }
    }

    @Override
    public String toString() {
        return label.toLowerCase(Locale.ROOT) + ":" + name;
    }
}
