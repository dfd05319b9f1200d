package com.grepsr.scheduler.adapters.k8s;

import com.grepsr.scheduler.application.model.CrawlerTokens;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort.LaunchRefusedException;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort.LaunchState;
import com.grepsr.scheduler.domain.task.Task;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.grepsr.scheduler.adapters.k8s.K8sFixtures.NOW;
import static com.grepsr.scheduler.adapters.k8s.K8sFixtures.amazonCrawler;
import static com.grepsr.scheduler.adapters.k8s.K8sFixtures.manualTask;
import static com.grepsr.scheduler.adapters.k8s.K8sFixtures.plainCrawler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The launcher against fabric8's mock API server in CRUD mode (a small in-memory API server). */
class KubernetesCrawlerLauncherTest {

    static final String NS = "crawlers";
    static final CrawlerTokens TOKENS = CrawlerTokens.withSecret("k8s-launcher-secret-0123456789abcdef");

    private MockApiServer api;
    private KubernetesClient client;
    private KubernetesAdapters adapters;
    private KubernetesCrawlerLauncher launcher;
    private final List<JobChange> changes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        api = MockApiServer.crud();
        client = api.client();
        adapters = KubernetesAdapters.create(client.getConfiguration(), KubernetesSettings.builder().namespace(NS)
                .resync(Duration.ofSeconds(1)).crawlerTokens(TOKENS).build(), Clock.fixed(NOW, ZoneOffset.UTC));
        launcher = adapters.launcher();
        launcher.onJobChange(changes::add);
    }

    @AfterEach
    void stop() {
        try {
            adapters.close();
        } finally {
            api.close();
        }
    }

    @Test
    void launch_creates_the_job_the_task_describes() {
        Task task = manualTask(1);
        String name = launcher.launch(task, amazonCrawler());

        Job job = client.batch().v1().jobs().inNamespace(NS).withName(name).get();
        assertThat(name).isEqualTo("crawl-" + task.id().value());
        assertThat(job.getMetadata().getLabels()).containsEntry(JobLabels.TASK_ID, task.id().value())
                .containsEntry(JobLabels.MANAGED_BY, "phoenix-scheduler").containsEntry(JobLabels.KIND, "manual");
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(5400L);
        assertThat(JobManifestTest.env(job)).containsEntry("TASK_ID", task.id().value()).containsEntry("REPORT_ID", "report-7")
                .containsEntry("TASK_TOKEN", TOKENS.issue(task).orElseThrow());
        assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits().get("memory"))
                .hasToString("2Gi");
    }

    @Test
    void launching_the_same_task_twice_leaves_one_job_and_returns_the_same_name() {
        Task task = manualTask(2);
        String first = launcher.launch(task, plainCrawler());
        String second = launcher.launch(task, plainCrawler());

        assertThat(second).isEqualTo(first);
        assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems()).hasSize(1);
    }

    @Test
    void a_job_of_that_name_that_is_not_the_tasks_is_not_adopted() {
        Task task = manualTask(3);
        client.batch().v1().jobs().inNamespace(NS).resource(new JobBuilder().withNewMetadata()
                .withName(KubernetesNames.jobName(task.id())).endMetadata().withNewSpec().withNewTemplate().withNewSpec()
                .addNewContainer().withName("x").withImage("x").endContainer().endSpec().endTemplate().endSpec().build()).create();

        assertThatThrownBy(() -> launcher.launch(task, plainCrawler())).isInstanceOf(LaunchRefusedException.class)
                .hasMessageContaining("refusing to adopt");
    }

    @Test
    void exists_is_true_for_a_launched_job_and_false_for_an_unknown_name() {
        String name = launcher.launch(manualTask(6), plainCrawler());

        assertThat(launcher.exists(name)).isTrue();
        assertThat(launcher.exists("crawl-never-existed")).isFalse();
    }

    @Test
    void stop_deletes_the_job_and_stopping_again_is_fine() {
        String name = launcher.launch(manualTask(4), plainCrawler());
        launcher.stop(name);
        assertThat(client.batch().v1().jobs().inNamespace(NS).withName(name).get()).isNull();

        launcher.stop(name);
        launcher.stop("crawl-never-existed");
        launcher.stop("Not A Job Name!");
    }

    @Test
    void status_changes_reach_inspect_running_then_succeeded() {
        String name = launcher.launch(manualTask(5), plainCrawler());
        awaitState(name, LaunchState.PENDING);

        setStatus(name, new JobStatusBuilder().withActive(1).withReady(1).build());
        awaitState(name, LaunchState.RUNNING);

        setStatus(name, JobStatesTest.condition("Complete", null));
        awaitState(name, LaunchState.SUCCEEDED);
    }

    @Test
    void status_changes_reach_inspect_running_then_failed_or_deadline_exceeded() {
        String failing = launcher.launch(manualTask(6), plainCrawler());
        String overdue = launcher.launch(manualTask(7), plainCrawler());
        setStatus(failing, new JobStatusBuilder().withActive(1).withReady(1).build());
        setStatus(overdue, new JobStatusBuilder().withActive(1).withReady(1).build());
        awaitState(failing, LaunchState.RUNNING);
        awaitState(overdue, LaunchState.RUNNING);

        setStatus(failing, JobStatesTest.condition("Failed", "BackoffLimitExceeded"));
        setStatus(overdue, JobStatesTest.condition("Failed", "DeadlineExceeded"));
        awaitState(failing, LaunchState.FAILED);
        awaitState(overdue, LaunchState.DEADLINE_EXCEEDED);
    }

    @Test
    void a_job_deleted_behind_the_schedulers_back_is_not_found() {
        String name = launcher.launch(manualTask(8), plainCrawler());
        await().until(() -> changes.stream().anyMatch(c -> c.launchName().equals(name)));

        client.batch().v1().jobs().inNamespace(NS).withName(name).delete();
        awaitState(name, LaunchState.NOT_FOUND);
        assertThat(changes).anyMatch(c -> c.launchName().equals(name) && c.state() == LaunchState.NOT_FOUND
                && c.taskId().equals(K8sFixtures.taskId(8).value()));
    }

    @Test
    void every_name_gets_an_answer_and_unknown_names_are_not_found() {
        String name = launcher.launch(manualTask(9), plainCrawler());
        Map<String, LaunchState> states = launcher.inspect(List.of(name, "crawl-unknown", "Not A Job Name!"));
        assertThat(states).containsOnlyKeys(name, "crawl-unknown", "Not A Job Name!")
                .containsEntry("crawl-unknown", LaunchState.NOT_FOUND).containsEntry("Not A Job Name!", LaunchState.NOT_FOUND);
        assertThat(states.get(name)).isEqualTo(LaunchState.PENDING);
    }

    @Test
    void jobs_without_the_schedulers_labels_are_not_watched() {
        client.batch().v1().jobs().inNamespace(NS).resource(new JobBuilder().withNewMetadata().withName("someone-elses")
                .endMetadata().build()).create();
        String ours = launcher.launch(manualTask(10), plainCrawler());
        await().until(() -> changes.stream().anyMatch(c -> c.launchName().equals(ours)));

        assertThat(launcher.inspect(List.of("someone-elses"))).containsEntry("someone-elses", LaunchState.NOT_FOUND);
        assertThat(changes).noneMatch(c -> c.launchName().equals("someone-elses"));
    }

    @Test
    void resync_tells_the_listener_about_jobs_again_so_a_missed_event_heals() {
        String name = launcher.launch(manualTask(11), plainCrawler());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> changes.stream().filter(c -> c.launchName().equals(name)).count() >= 3);
    }

    private void setStatus(String name, JobStatus status) {
        client.batch().v1().jobs().inNamespace(NS).withName(name)
                .editStatus(job -> new JobBuilder(job).withStatus(status).build());
    }

    private void awaitState(String name, LaunchState expected) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(launcher.inspect(List.of(name))).containsEntry(name, expected));
    }
}
