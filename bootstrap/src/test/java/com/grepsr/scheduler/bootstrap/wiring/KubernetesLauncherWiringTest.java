package com.grepsr.scheduler.bootstrap.wiring;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.CrawlerTokens;
import com.grepsr.scheduler.application.port.in.OneTimeRunUseCase;
import com.grepsr.scheduler.bootstrap.Fixtures;
import com.grepsr.scheduler.bootstrap.runtime.Node;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.task.Task;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PHOENIX_LAUNCHER=kubernetes} against fabric8's mock API server: the wired scheduler runs
 * a report as a Job of the catalog's image. fabric8 finds the cluster as it would in production,
 * through its configuration lookup (here system properties instead of a kubeconfig).
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesLauncherWiringTest {

    private static final Map<String, String> CLUSTER_PROPERTIES = Map.of("kubernetes.auth.tryKubeConfig", "false",
            "kubernetes.auth.tryServiceAccount", "false", "kubernetes.trust.certificates", "true");

    private static final String CRAWLER_SECRET = "crawler-secret-0123456789abcdef-0123";

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    private Node node;

    @BeforeEach
    void pointFabric8AtTheMockServer() {
        CLUSTER_PROPERTIES.forEach(System::setProperty);
        System.setProperty("kubernetes.master", client.getMasterUrl().toString());
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        CLUSTER_PROPERTIES.keySet().forEach(System::clearProperty);
        System.clearProperty("kubernetes.master");
    }

    @Test
    void a_run_becomes_a_job_of_the_catalog_image_in_the_configured_namespace() throws Exception {
        Path catalog = Files.writeString(dir.resolve("catalog.yaml"), """
                crawlers:
                  demo:
                    image: registry.example.com/crawlers/demo:1.0
                """);
        SchedulerComponent c = DaggerSchedulerComponent.factory().create(Fixtures.settings("PHOENIX_LAUNCHER",
                "kubernetes", "PHOENIX_ROLE", "reconciler", "PHOENIX_K8S_NAMESPACE", "crawlers",
                "PHOENIX_CRAWLER_CATALOG_FILE", catalog.toString(), "PHOENIX_API_TOKENS",
                "ops:admin-secret-0123456789=admin", "PHOENIX_CRAWLER_TOKEN_SECRET", CRAWLER_SECRET),
                Clock.systemUTC());
        node = c.node().start();

        Task task = c.core().useCases().oneTimeRun().execute(Caller.admin("test"), new OneTimeRunUseCase.Command(
                ReportRef.of("report-1", "project-1", "acme", "demo"), Optional.empty(), Optional.empty(),
                Parameters.NONE, Optional.empty())).task();

        Job job = client.batch().v1().jobs().inNamespace("crawlers").withName(task.launchName().orElseThrow()).get();
        assertThat(job).isNotNull();
        assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example.com/crawlers/demo:1.0");
        assertThat(c.ports().catalog().find(com.grepsr.scheduler.domain.common.ServiceCode.of("other"))).isEmpty();
        assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .as("the crawler's token, signed with PHOENIX_CRAWLER_TOKEN_SECRET")
                .anyMatch(e -> e.getName().equals("TASK_TOKEN")
                        && e.getValue().equals(CrawlerTokens.withSecret(CRAWLER_SECRET).issue(task).orElseThrow()));
    }

    @Test
    void a_lone_calculator_needs_no_cluster_and_no_tokens() throws Exception {
        Path catalog = Files.writeString(dir.resolve("catalog.yaml"), "crawlers:\n  demo:\n    image: x:1\n");
        System.setProperty("kubernetes.master", "https://127.0.0.1:1"); // nothing listens: any call would fail

        SchedulerComponent c = DaggerSchedulerComponent.factory().create(Fixtures.settings("PHOENIX_LAUNCHER",
                "kubernetes", "PHOENIX_ROLE", "calculator", "PHOENIX_CRAWLER_CATALOG_FILE", catalog.toString()),
                Clock.systemUTC());
        node = c.node().start();

        assertThat(c.ports().launcher().getClass().getSimpleName()).isEqualTo("ObservedLauncher");
        assertThat(c.ports().catalog().find(com.grepsr.scheduler.domain.common.ServiceCode.of("demo"))).isPresent();
    }
}
