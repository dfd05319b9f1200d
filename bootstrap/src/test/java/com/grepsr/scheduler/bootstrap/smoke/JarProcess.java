package com.grepsr.scheduler.bootstrap.smoke;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runnable jar as a child process, its output in files (read while it runs, so a test waits
 * for a line instead of sleeping a guessed time).
 */
public final class JarProcess implements AutoCloseable {

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private JarProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public static Path jar() {
        String path = System.getProperty("phoenix.jar");
        if (path == null) {
            throw new IllegalStateException("run through `mvn verify` (failsafe sets phoenix.jar)");
        }
        return Path.of(path);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts {@code java -jar phoenix-scheduler.jar ARGS} with extra environment variables. */
    public static JarProcess start(Path dir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        Files.createDirectories(dir);
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("PHOENIX_")); // only what the test says
        pb.environment().putAll(env);
        return new JarProcess(pb.start(), out, err);
    }

    /** Runs a command of the jar to its end and returns its exit code and output. */
    static Result run(Path dir, Map<String, String> env, Duration within, String... args)
            throws IOException, InterruptedException {
        try (JarProcess p = start(dir, env, args)) {
            if (!p.process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("`" + String.join(" ", args) + "` did not end within " + within
                        + "\nstderr:\n" + p.stderr());
            }
            return new Result(p.process.exitValue(), p.stdout(), p.stderr());
        }
    }

    /** What a finished command printed. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    /** Waits for a stdout line matching {@code regex}; fails with the output if the process ends or time runs out. */
    public Matcher awaitStdout(String regex, Duration within) throws IOException, InterruptedException {
        Pattern p = Pattern.compile(regex, Pattern.MULTILINE);
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            Matcher m = p.matcher(stdout());
            if (m.find()) {
                return m;
            }
            if (!process.isAlive()) {
                throw new AssertionError("process ended (exit " + process.exitValue() + ") before printing /"
                        + regex + "/\nstdout:\n" + stdout() + "\nstderr:\n" + stderr());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no /" + regex + "/ within " + within + "\nstdout:\n" + stdout()
                + "\nstderr:\n" + stderr());
    }

    /** Sends SIGTERM and returns the exit code. */
    public int terminate(Duration within) throws InterruptedException {
        process.destroy(); // SIGTERM on Unix
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not stop within " + within + " of SIGTERM");
        }
        return process.exitValue();
    }

    /** Sends SIGKILL (a crash: no shutdown hook runs) and waits for the process to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Unix
        process.waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String stdout() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    public String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
