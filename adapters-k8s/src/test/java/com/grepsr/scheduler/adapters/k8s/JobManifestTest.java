package com.grepsr.scheduler.adapters.k8s;

import com.grepsr.scheduler.application.model.CrawlerTokens;
import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.domain.task.Task;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.grepsr.scheduler.adapters.k8s.K8sFixtures.amazonCrawler;
import static com.grepsr.scheduler.adapters.k8s.K8sFixtures.childTask;
import static com.grepsr.scheduler.adapters.k8s.K8sFixtures.manualTask;
import static com.grepsr.scheduler.adapters.k8s.K8sFixtures.parentTask;
import static com.grepsr.scheduler.adapters.k8s.K8sFixtures.plainCrawler;
import static com.grepsr.scheduler.adapters.k8s.K8sFixtures.scheduledTaskWithParameters;
import static com.grepsr.scheduler.adapters.k8s.K8sFixtures.testTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobManifestTest {

    private final KubernetesSettings settings = KubernetesSettings.builder().schedulerAddress("phoenix-api:50051")
            .workItemEnvLimitBytes(100).build();
    private final JobManifest manifest = new JobManifest(settings);

    @Test
    void the_catalog_entry_becomes_the_pod_spec() {
        Job job = manifest.build(manualTask(1), amazonCrawler(), "crawlers");
        var pod = job.getSpec().getTemplate().getSpec();
        Container c = pod.getContainers().get(0);
        assertThat(c.getImage()).isEqualTo("registry.example.com/crawlers/amazon:1.4.2");
        assertThat(c.getCommand()).containsExactly("java", "-jar", "/app/crawler.jar");
        assertThat(c.getArgs()).containsExactly("--mode=full");
        assertThat(c.getResources().getRequests()).containsEntry("cpu", new Quantity("500m")).containsEntry("memory", new Quantity("512Mi"));
        assertThat(c.getResources().getLimits()).containsEntry("cpu", new Quantity("2")).containsEntry("memory", new Quantity("2Gi"));
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getServiceAccountName()).isEqualTo("crawler");
        assertThat(pod.getNodeSelector()).isEqualTo(Map.of("pool", "crawlers"));
        assertThat(pod.getTolerations()).hasSize(2);
        assertThat(pod.getTolerations().get(0).getOperator()).isEqualTo("Equal");
        assertThat(pod.getTolerations().get(1).getOperator()).isEqualTo("Exists");
        assertThat(pod.getImagePullSecrets()).extracting(r -> r.getName()).containsExactly("regcred");
        assertThat(job.getMetadata().getLabels()).containsEntry("team", "data");
    }

    @Test
    void the_crawler_is_handed_its_own_tasks_token_to_report_with() {
        CrawlerTokens tokens = CrawlerTokens.withSecret("k8s-test-secret-0123456789abcdef0123");
        JobManifest signing = new JobManifest(KubernetesSettings.builder().crawlerTokens(tokens).build());
        Task parent = parentTask(5, 2);
        Task child = childTask(6, parent, 0, "work");

        Map<String, String> env = env(signing.build(child, plainCrawler(), "ns"));

        var crawler = tokens.verify(env.get("TASK_TOKEN")).orElseThrow().crawler().orElseThrow();
        assertThat(crawler.task()).isEqualTo(child.id());
        assertThat(crawler.parent()).contains(parent.id());
        assertThat(env(manifest.build(child, plainCrawler(), "ns"))).as("no secret configured")
                .doesNotContainKey("TASK_TOKEN");
    }

    @Test
    void the_deadline_is_the_task_timeout_else_the_catalog_default() {
        assertThat(manifest.build(manualTask(1), amazonCrawler(), "ns").getSpec().getActiveDeadlineSeconds()).isEqualTo(90 * 60L);
        assertThat(manifest.build(testTask(2, 50), amazonCrawler(), "ns").getSpec().getActiveDeadlineSeconds()).isEqualTo(2 * 3600L);
        Job job = manifest.build(testTask(2, 50), plainCrawler(), "ns");
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(6 * 3600L);
        assertThat(job.getSpec().getBackoffLimit()).isZero();
        assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(86_400);
        assertThat(job.getSpec().getTemplate().getSpec().getAutomountServiceAccountToken()).isFalse();
    }

    @Test
    void labels_carry_the_task_and_its_report_and_annotations_the_exact_values() {
        Job job = manifest.build(scheduledTaskWithParameters(3, Map.of()), plainCrawler(), "ns");
        Map<String, String> labels = job.getMetadata().getLabels();
        assertThat(labels).containsEntry(JobLabels.MANAGED_BY, "phoenix-scheduler").containsEntry(JobLabels.INSTANCE, "default")
                .containsEntry(JobLabels.TASK_ID, K8sFixtures.taskId(3).value()).containsEntry(JobLabels.KIND, "scheduled")
                .containsEntry(JobLabels.REPORT_ID, "report-7").containsEntry(JobLabels.SCHEDULE_ID, "sched-1");
        assertThat(labels.get(JobLabels.ACCOUNT_ID)).startsWith("acct_42_");
        assertThat(labels.values()).allMatch(KubernetesNames::isValidLabelValue);
        assertThat(job.getMetadata().getAnnotations()).containsEntry(JobLabels.ACCOUNT_ID, "acct:42")
                .containsEntry(JobLabels.SCHEDULED_RUN_ID, "run-9").containsEntry(JobLabels.PROJECT_ID, "project-3");
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).isEqualTo(labels);
    }

    @Test
    void the_crawler_learns_its_task_from_env_and_the_scheduler_wins_over_the_catalog() {
        Map<String, String> env = env(manifest.build(testTask(4, 500), amazonCrawler(), "ns"));
        assertThat(env).containsEntry("TASK_ID", K8sFixtures.taskId(4).value()).containsEntry("REPORT_ID", "report-7")
                .containsEntry("ACCOUNT_ID", "acct:42").containsEntry("TEST_RUN", "true").containsEntry("TEST_ROW_LIMIT", "500")
                .containsEntry("SCHEDULER_ADDRESS", "phoenix-api:50051").containsEntry("LOG_LEVEL", "info")
                .containsEntry("JOB_NAME", KubernetesNames.jobName(K8sFixtures.taskId(4)))
                .doesNotContainKeys("SCHEDULE_ID", "WORK_ITEM", "PROCESSOR_INDEX");
    }

    @Test
    void parameters_are_env_values_never_part_of_the_command_line() {
        String hostile = "$(rm -rf /); echo `id` && --flag";
        Job job = manifest.build(scheduledTaskWithParameters(5, Map.of("category", hostile, "max.pages", "10")),
                amazonCrawler(), "ns");
        assertThat(env(job)).containsEntry("PARAM_CATEGORY", hostile).containsEntry("PARAM_MAX_PAGES", "10")
                .containsEntry("SCHEDULE_ID", "sched-1");
        Container c = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(String.join(" ", c.getCommand()) + String.join(" ", c.getArgs())).doesNotContain("rm -rf");
    }

    @Test
    void two_parameters_that_would_share_one_variable_are_refused() {
        Task task = scheduledTaskWithParameters(6, Map.of("a.b", "1", "a-b", "2"));
        assertThatThrownBy(() -> manifest.build(task, plainCrawler(), "ns")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PARAM_A_B");
    }

    @Test
    void a_child_names_its_parent_and_index_and_gets_a_small_work_item_as_env() {
        Task child = childTask(8, parentTask(7, 3), 2, "{\"url\":\"https://example.com\"}");
        Job job = manifest.build(child, plainCrawler(), "ns");
        assertThat(env(job)).containsEntry("PARENT_TASK_ID", K8sFixtures.taskId(7).value()).containsEntry("PROCESSOR_INDEX", "2")
                .containsEntry("WORK_ITEM", "{\"url\":\"https://example.com\"}").containsEntry("TASK_KIND", "CHILD");
        assertThat(job.getMetadata().getLabels()).containsEntry(JobLabels.PARENT_TASK_ID, K8sFixtures.taskId(7).value())
                .containsEntry(JobLabels.KIND, "child");
    }

    @Test
    void a_large_work_item_travels_as_a_file_from_a_pod_annotation() {
        String big = "x".repeat(101);
        Job job = manifest.build(childTask(9, parentTask(7, 3), 0, big), plainCrawler(), "ns");
        assertThat(env(job)).doesNotContainKey("WORK_ITEM").containsEntry("WORK_ITEM_FILE", "/var/run/phoenix/work-item");
        var template = job.getSpec().getTemplate();
        assertThat(template.getMetadata().getAnnotations()).containsEntry(JobLabels.WORK_ITEM, big);
        assertThat(template.getSpec().getVolumes().get(0).getDownwardAPI().getItems().get(0).getFieldRef().getFieldPath())
                .isEqualTo("metadata.annotations['phoenix.grepsr.com/work-item']");
        assertThat(template.getSpec().getContainers().get(0).getVolumeMounts().get(0).getMountPath()).isEqualTo("/var/run/phoenix");
    }

    @Test
    void specs_that_cannot_make_a_valid_job_are_rejected_with_the_reason() {
        assertThatThrownBy(() -> JobManifest.validate(CrawlerSpec.image(" "))).hasMessageContaining("image");
        assertThatThrownBy(() -> JobManifest.validate(new CrawlerSpec("img", null, null, null, "lots", null, null, null,
                Duration.ofHours(1), null))).hasMessageContaining("cpu quantity 'lots'");
        assertThatThrownBy(() -> JobManifest.validate(new CrawlerSpec("img", null, null, null, null, null, null, null,
                null, Map.of("serviceAcount", "x")))).hasMessageContaining("unknown crawler setting 'serviceAcount'");
        assertThatThrownBy(() -> JobManifest.validate(new CrawlerSpec("img", null, null, null, null, null, null, null,
                null, Map.of("labels", "app.kubernetes.io/managed-by=me")))).hasMessageContaining("set by the scheduler");
        assertThatThrownBy(() -> JobManifest.validate(new CrawlerSpec("img", null, null, null, null, null, null, null,
                null, Map.of("tolerations", "a=b:Sometimes")))).hasMessageContaining("effect");
    }

    static Map<String, String> env(Job job) {
        List<EnvVar> vars = job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
        Map<String, String> out = new LinkedHashMap<>();
        for (EnvVar v : vars) {
            assertThat(out).as("env names are unique").doesNotContainKey(v.getName());
            out.put(v.getName(), v.getValue());
        }
        return out;
    }
}
