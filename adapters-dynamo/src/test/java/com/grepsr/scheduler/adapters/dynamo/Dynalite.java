package com.grepsr.scheduler.adapters.dynamo;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A dynalite server (a DynamoDB-protocol server on Node.js, from npm) on a free loopback port.
 * <p>
 * The first use installs dynalite {@value #VERSION} into {@code target/dynalite} with npm, so a
 * plain {@code mvn verify} needs nothing but Node.js and npm on the PATH and the npm registry.
 * Without them the tests are skipped with a message; under {@code CI=true} they fail instead,
 * so CI never passes by skipping. {@link #stop()} and {@link #start()} simulate an outage on the
 * same port; with {@link #persistent()} the data outlives it (LevelDB under {@code target/}).
 */
final class Dynalite {

    static final String VERSION = "4.0.0";
    private static final Path HOME = Path.of(System.getProperty("basedir", "."), "target", "dynalite");
    private static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));
    private static final String HOW_TO_ENABLE = "Install Node.js 20+ and npm (e.g. apt-get install nodejs npm) with "
            + "access to the npm registry to run the DynamoDB tests against dynalite; CI=true makes this a failure.";

    private final int port;
    private final Path dataDir;
    private Process process;

    private Dynalite(int port, Path dataDir) {
        this.port = port;
        this.dataDir = dataDir;
    }

    /** An in-memory server on a free port, not yet started. */
    static Dynalite inMemory() {
        return new Dynalite(freePort(), null);
    }

    /** A server whose tables survive {@link #stop()}/{@link #start()}. */
    static Dynalite persistent() {
        int port = freePort();
        return new Dynalite(port, HOME.resolve("data-" + port + "-" + System.nanoTime()));
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    int port() {
        return port;
    }

    synchronized Dynalite start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        Path cli = install();
        List<String> command = new ArrayList<>(List.of("node", cli.toString(), "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        if (dataDir != null) {
            command.add("--path");
            command.add(dataDir.toString());
        }
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(HOME.resolve("dynalite-" + port + ".log").toFile()))
                    .start();
        } catch (IOException e) {
            return unavailable("could not start dynalite: " + e.getMessage());
        }
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly)); // a killed test JVM leaves no server
        awaitListening();
        return this;
    }

    synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                Assertions.fail("dynalite exited at start with code " + process.exitValue() + "; see "
                        + HOME.resolve("dynalite-" + port + ".log"));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        Assertions.fail("dynalite did not listen on port " + port + " within 20 s");
    }

    /** The dynalite CLI script, installing the package with npm on first use. */
    private static synchronized Path install() {
        Path cli = HOME.resolve("node_modules").resolve("dynalite").resolve("cli.js");
        if (!run(List.of("node", "--version"))) {
            return unavailable("Node.js (node) is not on the PATH.");
        }
        if (Files.exists(cli)) {
            return cli;
        }
        try {
            Files.createDirectories(HOME);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (!run(List.of("npm", "install", "--prefix", HOME.toString(), "--no-audit", "--no-fund",
                "--no-save", "dynalite@" + VERSION)) || !Files.exists(cli)) {
            return unavailable("`npm install dynalite@" + VERSION + "` failed; see " + HOME.resolve("npm-install.log"));
        }
        return cli;
    }

    private static boolean run(List<String> command) {
        try {
            Files.createDirectories(HOME);
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(HOME.resolve("npm-install.log").toFile())).start();
            return p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static <T> T unavailable(String why) {
        if (CI) {
            Assertions.fail("CI=true but the DynamoDB tests cannot run: " + why + " " + HOW_TO_ENABLE);
        }
        String message = "Skipping the DynamoDB tests: " + why + " " + HOW_TO_ENABLE;
        System.err.println(message); // surefire counts a class aborted before its tests as none run: say why
        Assumptions.abort(message);
        return null;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
