package com.grepsr.scheduler.bootstrap.chaos;

import com.grepsr.scheduler.adapters.k8s.JobLabels;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobList;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.ScalableResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * fabric8's mock API server in CRUD mode on a loopback port, shared by every replica. It runs no
 * pods, so it plays the kubelet: each Job is marked succeeded (status + Complete condition) a crawl's
 * time after it appeared, which the replicas' informers see as their tasks finishing. Every Job
 * ever created is remembered with its scheduled-run and task annotations, so a Job deleted later
 * (overlap policy REPLACE stops a task) still counts.
 */
final class MockCluster implements AutoCloseable {

    static final String NAMESPACE = "chaos";

    /**
     * How long a finished Job stays (the replicas' `PHOENIX_K8S_JOB_TTL`): the mock plays the TTL
     * controller too. Without it the namespace keeps every Job of the run, and with two thousand
     * of them the mock server's LIST (every replica start re-lists for its informer) outlasted
     * the client's 10 s request timeout, so restarted replicas never synced their Job cache.
     */
    static final Duration JOB_TTL = Duration.ofSeconds(20);
    /** Held so it is not collected: the mock server logs every request at INFO, thousands per run. */
    private static final java.util.logging.Logger REQUEST_LOG = quiet("io.fabric8.mockwebserver");

    private final KubernetesMockServer server;
    private final MockWebServer mockWebServer;
    private final KubernetesClient client;
    private final Duration crawl;
    /** Every Job seen, by name: when first seen and its owner. */
    private final Map<String, SeenJob> seen = new ConcurrentHashMap<>();
    private final ScheduledExecutorService kubelet = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mock-kubelet");
        t.setDaemon(true);
        return t;
    });
    private final Watch watch;

    /** A Job as created: its task and the scheduled run it fires (labels of KubernetesCrawlerLauncher). */
    record SeenJob(String name, String taskId, String scheduledRunId, Instant firstSeen) {
    }

    private MockCluster(Duration crawl) throws Exception {
        this.crawl = crawl;
        // CRUD mode: the server keeps what clients create and serves lists and watches from it
        Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
        mockWebServer = new MockWebServer();
        server = new KubernetesMockServer(new Context(), mockWebServer, expectations,
                new NonBlockingWatchDispatcher(), false);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        client = server.createClient();
        watch = client.batch().v1().jobs().inNamespace(NAMESPACE).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Job job) {
                if (action == Action.ADDED || action == Action.MODIFIED) {
                    remember(job);
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                // each pass of playTheCluster lists the Jobs; the watch adds those deleted between passes
            }
        });
        kubelet.scheduleWithFixedDelay(this::playTheCluster, 500, 500, TimeUnit.MILLISECONDS);
        // the server keeps every request it answered for tests to read back; nobody reads them here
        kubelet.scheduleWithFixedDelay(mockWebServer::reset, 10, 10, TimeUnit.SECONDS);
    }

    /** Starts the server; Jobs succeed {@code crawl} after they appear. */
    static MockCluster start(Duration crawl) throws Exception {
        return new MockCluster(crawl);
    }

    /** What a replica needs in its environment to find this API server (fabric8's Config reads it). */
    Map<String, String> replicaEnvironment() {
        return Map.of("KUBERNETES_MASTER", client.getMasterUrl().toString(),
                "KUBERNETES_AUTH_TRYKUBECONFIG", "false",
                "KUBERNETES_AUTH_TRYSERVICEACCOUNT", "false",
                "KUBERNETES_TRUST_CERTIFICATES", "true",
                "KUBERNETES_NAMESPACE", NAMESPACE);
    }

    /** Every Job ever seen (also those deleted since), after a last sweep of the server's list. */
    Map<String, SeenJob> allJobs() {
        sweep();
        return Map.copyOf(seen);
    }

    /** Jobs the server still holds that have not been marked succeeded. */
    long unfinishedJobs() {
        return jobs().list().getItems().stream().filter(j -> completionTime(j) == null).count();
    }

    private NonNamespaceOperation<Job, JobList, ScalableResource<Job>> jobs() {
        return client.batch().v1().jobs().inNamespace(NAMESPACE);
    }

    private void remember(Job job) {
        Map<String, String> annotations = job.getMetadata().getAnnotations() == null ? Map.of()
                : job.getMetadata().getAnnotations();
        seen.computeIfAbsent(job.getMetadata().getName(), name -> new SeenJob(name,
                annotations.get(JobLabels.TASK_ID), annotations.get(JobLabels.SCHEDULED_RUN_ID), Instant.now()));
    }

    private void sweep() {
        try {
            jobs().list().getItems().forEach(this::remember);
        } catch (RuntimeException e) {
            // the next sweep tries again
        }
    }

    /**
     * One pass of the kubelet and the TTL controller over what the server holds now: a Job seen a
     * crawl's time ago is marked succeeded, a Job finished {@link #JOB_TTL} ago is deleted. It keeps
     * no state of its own but when it first saw a Job, so nothing it missed (a failed write, a
     * busy server) can leave a Job unfinished: the next pass finds it again.
     */
    private void playTheCluster() {
        try {
            Instant now = Instant.now();
            for (Job job : jobs().list().getItems()) {
                remember(job);
                Instant finished = completionTime(job);
                try {
                    if (finished == null && !seen.get(job.getMetadata().getName()).firstSeen().plus(crawl).isAfter(now)) {
                        markSucceeded(job, now);
                    } else if (finished != null && finished.plus(JOB_TTL).isBefore(now)) {
                        jobs().withName(job.getMetadata().getName()).delete();
                    }
                } catch (RuntimeException e) {
                    // changed or deleted meanwhile, or the server was busy: the next pass looks again
                }
            }
        } catch (RuntimeException e) {
            // the list failed: the next pass lists again (an exception would end the schedule)
        }
    }

    private void markSucceeded(Job job, Instant now) {
        String at = DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
        job.setStatus(new JobStatusBuilder().withStartTime(at).withCompletionTime(at).withSucceeded(1)
                .withActive(0).withConditions(new JobConditionBuilder().withType("Complete").withStatus("True")
                        .withLastTransitionTime(at).build()).build());
        jobs().resource(job).updateStatus();
    }

    private static Instant completionTime(Job job) {
        return job.getStatus() == null || job.getStatus().getCompletionTime() == null ? null
                : Instant.parse(job.getStatus().getCompletionTime());
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    @Override
    public void close() {
        kubelet.shutdownNow();
        watch.close();
        client.close();
        server.destroy();
    }
}
