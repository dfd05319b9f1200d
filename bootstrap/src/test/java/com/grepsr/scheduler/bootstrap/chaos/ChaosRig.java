package com.grepsr.scheduler.bootstrap.chaos;

import com.grepsr.scheduler.client.ClientSettings;
import com.grepsr.scheduler.client.RetryPolicy;
import com.grepsr.scheduler.client.SchedulerClient;
import com.grepsr.scheduler.bootstrap.smoke.JarProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every chaos test stands on: a private PostgreSQL cluster, the shared mock Kubernetes API
 * server, and N scheduler replicas — each the real jar as its own OS process, on fixed ports per
 * slot so a restarted replica is found where the old one was. Replica output goes to
 * {@code target/chaos-logs/<test>/replica-<n>/}, one pair of files per start.
 *
 * <p>Every replica runs role {@code all}: each one serves the API and runs all three daemons, so a
 * kill takes out an API server, a calculator, a processor and a reconciler at once — the harshest
 * fault, and no role ever lacks a live replica for long.
 */
final class ChaosRig implements AutoCloseable {

    static final String TOKEN = "chaos-admin-secret-0123456789";
    private static final String DATABASE = "chaos_phoenix";
    private static final Duration STARTUP = Duration.ofSeconds(240);
    /** Generous: on a loaded shared machine a fresh replica's first calls are slow (class loading, JIT). */
    private static final Duration CALL_DEADLINE = Duration.ofSeconds(60);

    private final PrivatePostgres postgres;
    private final MockCluster cluster;
    private final Path logs;
    private final Path catalog;
    private final int[] grpcPorts;
    private final JarProcess[] replicas;
    private final List<SchedulerClient> clients = new ArrayList<>();
    private final Map<String, String> extraEnv = new HashMap<>();
    private final Map<Integer, Map<String, String>> replicaEnv = new HashMap<>();
    private int starts;

    private ChaosRig(PrivatePostgres postgres, MockCluster cluster, Path logs, int replicaCount) throws IOException {
        this.postgres = postgres;
        this.cluster = cluster;
        this.logs = logs;
        this.grpcPorts = new int[replicaCount];
        this.replicas = new JarProcess[replicaCount];
        Files.createDirectories(logs);
        this.catalog = Files.writeString(logs.resolve("catalog.yaml"), """
                crawlers:
                  %s:
                    image: registry.example.com/crawlers/demo:1.0
                """.formatted(ChaosLoad.SERVICE_CODE));
        for (int i = 0; i < replicaCount; i++) {
            grpcPorts[i] = JarProcess.freePort();
            // no automatic retry: the chaos tests look at what each replica answers (an UNAVAILABLE
            // retried until the deadline would read as DEADLINE_EXCEEDED) and retry where they mean to
            clients.add(SchedulerClient.connect(new ClientSettings("127.0.0.1:" + grpcPorts[i], Optional.of(TOKEN),
                    Optional.empty(), CALL_DEADLINE, RetryPolicy.NONE)));
        }
    }

    /**
     * A private database and mock cluster (Jobs succeed {@code crawl} after they appear), and no
     * replica yet; {@code test} names the log directory.
     */
    static ChaosRig create(String test, int replicaCount, Duration crawl) throws Exception {
        PrivatePostgres pg = PrivatePostgres.start(DATABASE);
        MockCluster cluster;
        try {
            cluster = MockCluster.start(crawl);
        } catch (Exception | Error e) {
            pg.close();
            throw e;
        }
        Path logs = JarProcess.jar().getParent().resolve("chaos-logs").resolve(test);
        deleteTree(logs); // only this run's logs: a failure's diagnostics must not mix runs
        return new ChaosRig(pg, cluster, logs, replicaCount);
    }

    /** A setting every replica started from now on gets (e.g. a shorter shutdown grace). */
    ChaosRig with(String variable, String value) {
        extraEnv.put(variable, value);
        return this;
    }

    /** A setting only the replica of slot {@code i} gets (e.g. its own PHOENIX_ROLE). */
    ChaosRig with(int i, String variable, String value) {
        replicaEnv.computeIfAbsent(i, k -> new HashMap<>()).put(variable, value);
        return this;
    }

    /** Where the replica of slot {@code i} serves gRPC, if its role includes the api. */
    int grpcPort(int i) {
        return grpcPorts[i];
    }

    int size() {
        return replicas.length;
    }

    /**
     * Starts every replica and waits until each one serves: one after the other, because JVMs
     * starting side by side on a loaded 2-core machine starve each other past any deadline.
     */
    void startAll() throws Exception {
        for (int i = 0; i < replicas.length; i++) {
            start(i);
            awaitServing(i);
        }
    }

    /** Starts the replica of slot {@code i} (which must not be running) without waiting for it. */
    void start(int i) throws IOException {
        if (replicas[i] != null && replicas[i].isAlive()) {
            throw new IllegalStateException("replica " + i + " is still running");
        }
        starts++;
        replicas[i] = JarProcess.start(logs.resolve("replica-" + i), environment(i));
    }

    void awaitServing(int i) throws Exception {
        String role = environment(i).get("PHOENIX_ROLE");
        replicas[i].awaitStdout(role.equals("all") || role.contains("api")
                ? "^Phoenix Scheduler running: .*api grpc://127\\.0\\.0\\.1:" + grpcPorts[i]
                : "^Phoenix Scheduler running:", STARTUP);
    }

    /** SIGKILL: no shutdown hook, no finished tick, claims left to their lease. */
    void kill(int i) throws InterruptedException {
        replicas[i].kill();
    }

    /** SIGTERM; returns the exit code. */
    int terminate(int i, Duration within) throws InterruptedException {
        return replicas[i].terminate(within);
    }

    /** Whether the replica's current process is up and has said it serves (no waiting). */
    boolean serving(int i) {
        try {
            return alive(i) && replicas[i].stdout().contains("Phoenix Scheduler running:");
        } catch (IOException e) {
            return false;
        }
    }

    /** The slots whose replica serves now. */
    List<Integer> servingReplicas() {
        List<Integer> up = new ArrayList<>();
        for (int i = 0; i < replicas.length; i++) {
            if (serving(i)) {
                up.add(i);
            }
        }
        return up;
    }

    boolean alive(int i) {
        return replicas[i] != null && replicas[i].isAlive();
    }

    /** The stderr (the log) of the replica's current or last process. */
    String log(int i) throws IOException {
        return replicas[i].stderr();
    }

    /** How many replica processes were started so far (restarts included). */
    int starts() {
        return starts;
    }

    SchedulerClient client(int i) {
        return clients.get(i);
    }

    PrivatePostgres postgres() {
        return postgres;
    }

    MockCluster cluster() {
        return cluster;
    }

    Connection database() throws SQLException {
        return postgres.connect(DATABASE);
    }

    /** Sleeps until {@code at} (not at all when it has passed). */
    static void sleepUntil(Instant at) throws InterruptedException {
        long millis = Duration.between(Instant.now(), at).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    /** Polls {@code condition} until it holds; fails with {@code what} and the logs' location at the deadline. */
    void await(String what, Duration within, Check condition) throws Exception {
        Instant deadline = Instant.now().plus(within);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            try {
                last = condition.unmet();
            } catch (SQLException e) {
                last = "store unreachable: " + e.getMessage();
            }
            if (last == null) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(what + " not reached within " + within + ": " + last + "\n" + diagnostics());
    }

    /** A condition to wait for: null when met, else what is still missing. */
    @FunctionalInterface
    interface Check {
        String unmet() throws Exception;
    }

    /** The tail of every replica's current stderr, and where the full logs are. */
    String diagnostics() {
        StringBuilder b = new StringBuilder("replica logs under " + logs + "\n");
        for (int i = 0; i < replicas.length; i++) {
            if (replicas[i] == null) {
                continue;
            }
            try {
                List<String> lines = replicas[i].stderr().lines().toList();
                b.append("--- replica ").append(i).append(alive(i) ? " (running)" : " (stopped)").append(", last lines:\n");
                lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(l -> b.append(l).append('\n'));
            } catch (IOException e) {
                b.append("--- replica ").append(i).append(": ").append(e.getMessage()).append('\n');
            }
        }
        return b.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private Map<String, String> environment(int i) {
        Map<String, String> env = new HashMap<>(cluster.replicaEnvironment());
        env.put("PHOENIX_ROLE", "all");
        env.put("PHOENIX_REPLICA", "replica-" + i);
        env.put("PHOENIX_GRPC_PORT", String.valueOf(grpcPorts[i]));
        env.put("PHOENIX_METRICS_PORT", "0");
        env.put("PHOENIX_WEB_PORT", "off");
        env.put("PHOENIX_DB_URL", postgres.jdbcUrl(DATABASE));
        env.put("PHOENIX_DB_USER", "postgres");
        env.put("PHOENIX_API_TOKENS", "chaos:" + TOKEN + "=admin");
        env.put("PHOENIX_LAUNCHER", "kubernetes");
        env.put("PHOENIX_CRAWLER_CATALOG_FILE", catalog.toString());
        env.put("PHOENIX_K8S_NAMESPACE", MockCluster.NAMESPACE);
        env.put("PHOENIX_K8S_JOB_TTL", MockCluster.JOB_TTL.toString());
        // a killed processor's claims come back within seconds, not the default minute; small
        // batches so that even on a loaded machine a batch is dispatched well within its lease
        env.put("PHOENIX_CLAIM_LEASE", "15s");
        env.put("PHOENIX_CLAIM_BATCH", "20");
        env.put("PHOENIX_MAX_SLEEP", "1s");
        // the schedules end within minutes: a short horizon keeps each calculator tick small
        env.put("PHOENIX_HORIZON", "10m");
        env.put("PHOENIX_REFRESH_MARGIN", "5m");
        env.put("PHOENIX_SHUTDOWN_GRACE", "5s");
        // four JVMs on a shared 2-core machine: small heaps, quick start over peak speed
        env.put("JAVA_TOOL_OPTIONS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        env.putAll(extraEnv);
        env.putAll(replicaEnv.getOrDefault(i, Map.of()));
        return env;
    }

    @Override
    public void close() {
        for (JarProcess p : replicas) {
            if (p != null) {
                p.close();
            }
        }
        clients.forEach(SchedulerClient::close);
        cluster.close();
        postgres.close();
    }
}
