package com.grepsr.scheduler.adapters.k8s;

import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort.LaunchRefusedException;
import com.grepsr.scheduler.domain.task.Task;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobListBuilder;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort.LaunchState;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import static com.grepsr.scheduler.adapters.k8s.K8sFixtures.NOW;
import static com.grepsr.scheduler.adapters.k8s.K8sFixtures.manualTask;
import static com.grepsr.scheduler.adapters.k8s.K8sFixtures.plainCrawler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Faults scripted on the mock API server (expectation mode): what is retried, what is refused. */
class KubernetesApiFaultsTest {

    private static final String NS = "crawlers";
    private static final String JOBS = "/apis/batch/v1/namespaces/" + NS + "/jobs";
    private static final long SECOND = 1_000_000_000L;
    private static final String SELECTOR =
            "app.kubernetes.io%2Fmanaged-by%3Dphoenix-scheduler%2Cphoenix.grepsr.com%2Finstance%3Ddefault";

    private MockApiServer api;
    private KubernetesMockServer server;
    private KubernetesClient client;
    private JobStatusCache cache;
    private final KubernetesSettings settings = KubernetesSettings.builder().namespace(NS)
            .retries(4, Duration.ofMillis(1), Duration.ofMillis(5)).build();
    private long fakeNanos;

    @BeforeEach
    void connect() {
        api = MockApiServer.scripted();
        server = api.server();
        var config = api.client().getConfiguration();
        config.setRequestRetryBackoffLimit(0); // as KubernetesAdapters does: only the adapter retries
        client = new KubernetesClientBuilder().withConfig(config).build();
        // started only by the tests about the cache itself
        cache = new JobStatusCache(client, NS, JobLabels.selector("default"), Duration.ofMinutes(5), Duration.ofMillis(200));
    }

    @AfterEach
    void disconnect() {
        try {
            cache.close();
            client.close();
        } finally {
            api.close();
        }
    }

    private KubernetesCrawlerLauncher launcher(TokenBucket limiter) {
        ApiCalls api = new ApiCalls(limiter, new ApiCalls.RetryPolicy(settings.maxAttempts(), settings.initialBackoff(),
                settings.maxBackoff()), TokenBucket.Sleeper.SYSTEM, NS);
        return new KubernetesCrawlerLauncher(client, api, settings, cache, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private KubernetesCrawlerLauncher launcher() {
        return launcher(TokenBucket.system(1000, 1000));
    }

    @Test
    void too_many_requests_is_retried_and_then_succeeds() {
        Task task = manualTask(1);
        server.expect().post().withPath(JOBS).andReturn(429, status(429, "TooManyRequests", "slow down")).once();
        server.expect().post().withPath(JOBS).andReturn(201, created(task)).once();
        KubernetesCrawlerLauncher launcher = launcher();

        assertThat(launcher.launch(task, plainCrawler())).isEqualTo(KubernetesNames.jobName(task.id()));
        assertThat(launcher.apiRequests()).isEqualTo(2);
        assertThat(launcher.apiRetries()).isEqualTo(1);
    }

    @Test
    void server_errors_are_retried_and_then_succeed() {
        Task task = manualTask(2);
        server.expect().post().withPath(JOBS).andReturn(500, status(500, "InternalError", "etcd timeout")).times(2);
        server.expect().post().withPath(JOBS).andReturn(201, created(task)).once();
        KubernetesCrawlerLauncher launcher = launcher();

        assertThat(launcher.launch(task, plainCrawler())).isEqualTo(KubernetesNames.jobName(task.id()));
        assertThat(launcher.apiRequests()).isEqualTo(3);
    }

    @Test
    void retries_stop_after_the_configured_attempts() {
        server.expect().post().withPath(JOBS).andReturn(503, status(503, "ServiceUnavailable", "down")).always();
        KubernetesCrawlerLauncher launcher = launcher();

        assertThatThrownBy(() -> launcher.launch(manualTask(3), plainCrawler()))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(503))
                .isNotInstanceOf(LaunchRefusedException.class);
        assertThat(launcher.apiRequests()).isEqualTo(4);
    }

    @Test
    void forbidden_launch_is_refused_naming_verb_resource_and_namespace() {
        server.expect().post().withPath(JOBS).andReturn(403, status(403, "Forbidden",
                "jobs.batch is forbidden: User \"system:serviceaccount:crawlers:phoenix\" cannot create resource")).always();
        KubernetesCrawlerLauncher launcher = launcher();

        assertThatThrownBy(() -> launcher.launch(manualTask(4), plainCrawler())).isInstanceOf(LaunchRefusedException.class)
                .hasMessageContaining("RBAC forbids 'create' on jobs.batch in namespace 'crawlers'")
                .hasCauseInstanceOf(KubernetesAccessDeniedException.class);
        assertThat(launcher.apiRequests()).as("403 is not retried").isEqualTo(1);
    }

    @Test
    void forbidden_stop_says_so_clearly() {
        String name = KubernetesNames.jobName(manualTask(5).id());
        server.expect().delete().withPath(JOBS + "/" + name).andReturn(403, status(403, "Forbidden", "cannot delete")).always();

        assertThatThrownBy(() -> launcher().stop(name)).isInstanceOf(KubernetesAccessDeniedException.class)
                .hasMessageContaining("RBAC forbids 'delete' on jobs.batch in namespace 'crawlers'");
    }

    @Test
    void already_exists_for_the_same_task_counts_as_launched() {
        Task task = manualTask(6);
        String name = KubernetesNames.jobName(task.id());
        server.expect().post().withPath(JOBS).andReturn(409, status(409, "AlreadyExists", "jobs.batch \"" + name + "\" already exists")).once();
        server.expect().get().withPath(JOBS + "/" + name).andReturn(200, created(task)).once();

        assertThat(launcher().launch(task, plainCrawler())).isEqualTo(name);
    }

    @Test
    void a_job_the_api_server_finds_invalid_is_refused() {
        server.expect().post().withPath(JOBS).andReturn(422, status(422, "Invalid", "spec.template.spec.containers[0].image: Required")).once();

        assertThatThrownBy(() -> launcher().launch(manualTask(7), plainCrawler())).isInstanceOf(LaunchRefusedException.class)
                .hasMessageContaining("rejected Job");
    }

    @Test
    void every_request_waits_for_the_rate_limiter() {
        server.expect().post().withPath(JOBS).andReturn(201, created(manualTask(8))).always();
        TokenBucket twoPerSecond = new TokenBucket(2, 1, () -> fakeNanos, nanos -> fakeNanos += nanos);
        KubernetesCrawlerLauncher launcher = launcher(twoPerSecond);

        for (int i = 10; i < 15; i++) {
            launcher.launch(manualTask(i), plainCrawler());
        }
        // five requests at 2/s with a burst of 1: the last one went out 2 s (of fake time) after the first
        assertThat(fakeNanos).isEqualTo(2 * SECOND);
    }

    @Test
    void inspect_refuses_to_answer_before_the_job_cache_has_listed_rather_than_calling_everything_vanished() {
        server.expect().get().withPath(JOBS + "?labelSelector=" + SELECTOR + "&resourceVersion=0")
                .andReturn(403, status(403, "Forbidden", "cannot list")).always();
        cache.start();

        assertThatThrownBy(() -> launcher().inspect(List.of("crawl-x"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has not synced");
    }

    @Test
    void a_cache_whose_first_list_failed_keeps_trying_and_then_answers() {
        String list = JOBS + "?labelSelector=" + SELECTOR + "&resourceVersion=0";
        server.expect().get().withPath(list).andReturn(503, status(503, "ServiceUnavailable", "starting")).once();
        server.expect().get().withPath(list).andReturn(200, new JobListBuilder()
                .withMetadata(new io.fabric8.kubernetes.api.model.ListMetaBuilder().withResourceVersion("1").build()).build()).always();
        cache.start();
        KubernetesCrawlerLauncher launcher = launcher();

        await().atMost(Duration.ofSeconds(30)).ignoreException(IllegalStateException.class).untilAsserted(() ->
                assertThat(launcher.inspect(List.of("crawl-x"))).containsEntry("crawl-x", LaunchState.NOT_FOUND));
    }

    private static Job created(Task task) {
        return new JobBuilder().withNewMetadata().withName(KubernetesNames.jobName(task.id())).withNamespace(NS)
                .addToAnnotations(JobLabels.TASK_ID, task.id().value()).endMetadata().build();
    }

    private static Status status(int code, String reason, String message) {
        return new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason).withMessage(message).build();
    }
}
