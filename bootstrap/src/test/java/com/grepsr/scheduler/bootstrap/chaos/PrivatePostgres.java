package com.grepsr.scheduler.bootstrap.chaos;

import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL 15 cluster of this test alone (initdb into a temp directory, its own
 * loopback port), so a test may stop it, crash it and start it again without touching the shared
 * server other builds use. Removed on {@link #close()} and, should the JVM die first, by a shutdown
 * hook.
 *
 * <p>Where the binaries or the {@code postgres} user are missing the test is skipped with a message,
 * except under {@code CI=true}, where that fails it (the rule of the SQL adapter's extension).
 */
final class PrivatePostgres implements AutoCloseable {

    private static final Path BIN = Path.of(System.getenv().getOrDefault("PHOENIX_TEST_PG_BIN",
            "/usr/lib/postgresql/15/bin"));
    private static final long COMMAND_SECONDS = 60;

    private final Path dir;
    private final int port;
    private final Thread cleanup;

    private PrivatePostgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        this.cleanup = new Thread(this::destroy, "private-postgres-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** Creates and starts a cluster with one database; skips (or fails under CI) when that is impossible. */
    static PrivatePostgres start(String database) {
        PrivatePostgres pg = null;
        try {
            if (!Files.isExecutable(BIN.resolve("initdb"))) {
                throw new IOException("no PostgreSQL binaries in " + BIN + " (set PHOENIX_TEST_PG_BIN)");
            }
            Path dir = Files.createTempDirectory("chaos_pg_");
            pg = new PrivatePostgres(dir, freePort());
            if (asRoot()) {
                // PostgreSQL refuses to run as root: the cluster belongs to the postgres user
                pg.run(List.of("chown", "postgres:", dir.toString()));
            }
            pg.run(pg.asPostgres(List.of(BIN.resolve("initdb").toString(), "-D", pg.data().toString(), "-A", "trust",
                    "-U", "postgres", "--no-sync", "-E", "UTF8")));
            pg.startServer();
            try (Connection c = pg.connect("postgres")) {
                c.createStatement().execute("CREATE DATABASE " + database);
            }
            return pg;
        } catch (IOException | SQLException | RuntimeException e) {
            if (pg != null) {
                pg.close();
            }
            String why = "a private PostgreSQL cluster could not be started: " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI=true, so the chaos tests must run, but " + why, e);
            }
            throw new TestAbortedException("skipped: " + why + ". Install PostgreSQL 15 (initdb, pg_ctl) to run"
                    + " these tests; with CI=true this fails the build.");
        }
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
    }

    /** Starts the server (again) and waits until it accepts connections. */
    void startServer() throws IOException {
        run(asPostgres(List.of(BIN.resolve("pg_ctl").toString(), "-D", data().toString(), "-l",
                dir.resolve("server.log").toString(), "-o", "-p " + port + " -k " + dir
                        + " -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off", "-w", "-t", "60",
                "start")));
    }

    /** Stops the server: {@code immediate} is a crash (no checkpoint, connections cut), {@code fast} a clean stop. */
    void stopServer(String mode) throws IOException {
        run(asPostgres(List.of(BIN.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", mode, "-w", "-t",
                "60", "stop")));
    }

    String serverLog() {
        try {
            return Files.readString(dir.resolve("server.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs destroy() again, harmlessly
        }
    }

    private synchronized void destroy() {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            if (Files.exists(data().resolve("postmaster.pid"))) {
                stopServer("immediate");
            }
        } catch (IOException | RuntimeException e) {
            // removing the directory below takes the cluster's files anyway
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is not worth failing a test for
        }
    }

    private Path data() {
        return dir.resolve("data");
    }

    private List<String> asPostgres(List<String> command) {
        if (!asRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private void run(List<String> command) throws IOException {
        Path output = Files.createTempFile(dir, "command", ".txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            if (!p.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("`" + String.join(" ", command) + "` did not end within " + COMMAND_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command, e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("`" + String.join(" ", command) + "` exited " + p.exitValue() + ": "
                    + Files.readString(output, StandardCharsets.UTF_8).strip());
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
