package com.grepsr.scheduler.adapters.k8s;

import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskOrigin;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds the batch/v1 Job of one task from its crawler catalog entry.
 *
 * <p>One task is one Job with one pod ({@code completions = parallelism = 1}). A multi-process
 * run is not an Indexed Job: the application makes each processor a separate CHILD task with its
 * own work item, launched when a slot under the parent's parallelism frees up and stopped,
 * retried and reported one by one; an Indexed Job fixes its pod count and payloads at creation
 * and reports one status for all of them, which would hide exactly what the coordinator tracks.
 * So a child task gets its own Job like any other task, carrying its parent and index as labels
 * and env.
 */
final class JobManifest {

    static final String CONTAINER = "crawler";
    private static final Pattern QUANTITY = Pattern.compile("^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$");
    private static final Pattern IMAGE = Pattern.compile("[^\\s]+");

    private final KubernetesSettings settings;

    JobManifest(KubernetesSettings settings) {
        this.settings = settings;
    }

    /**
     * @throws IllegalArgumentException when the spec or the task cannot make a valid Job (the
     *                                  launcher refuses such a launch: retrying cannot fix it)
     */
    Job build(Task task, CrawlerSpec spec, String namespace) {
        String name = KubernetesNames.jobName(task.id());
        CrawlerSettings crawler = validate(spec);
        JobEnvironment.Result env = JobEnvironment.of(task, name, spec.env(), settings.schedulerAddress(),
                settings.crawlerTokens().issue(task), settings.workItemEnvLimitBytes());
        Map<String, String> labels = labels(task, crawler);
        Map<String, String> podAnnotations = new HashMap<>();
        ContainerBuilder container = new ContainerBuilder().withName(CONTAINER).withImage(spec.image())
                .withCommand(spec.command()).withArgs(spec.args()).withEnv(env.env())
                .withImagePullPolicy(crawler.imagePullPolicy())
                .withResources(new ResourceRequirementsBuilder()
                        .withRequests(quantities(spec.cpuRequest(), spec.memoryRequest()))
                        .withLimits(quantities(spec.cpuLimit(), spec.memoryLimit())).build());
        PodSpecBuilder pod = new PodSpecBuilder().withRestartPolicy("Never")
                .withServiceAccountName(crawler.serviceAccount())
                // a crawler needs no API access unless its catalog entry names an account for it
                .withAutomountServiceAccountToken(crawler.serviceAccount() == null ? Boolean.FALSE : null)
                .withNodeSelector(crawler.nodeSelector().isEmpty() ? null : crawler.nodeSelector())
                .withTolerations(crawler.tolerations()).withImagePullSecrets(crawler.imagePullSecrets())
                .withPriorityClassName(crawler.priorityClassName());
        if (env.workItemAsFile()) {
            podAnnotations.put(JobLabels.WORK_ITEM, task.origin().workItem());
            pod.addToVolumes(new VolumeBuilder().withName("work-item").withNewDownwardAPI().addNewItem()
                    .withPath(JobEnvironment.WORK_ITEM_FILE).withNewFieldRef()
                    .withFieldPath("metadata.annotations['" + JobLabels.WORK_ITEM + "']").endFieldRef().endItem()
                    .endDownwardAPI().build());
            container.addToVolumeMounts(new VolumeMountBuilder().withName("work-item")
                    .withMountPath(JobEnvironment.WORK_ITEM_DIR).withReadOnly(true).build());
        }
        pod.withContainers(container.build());
        Duration timeout = task.origin().timeout() != null ? task.origin().timeout() : spec.defaultTimeout();
        return new JobBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels)
                .withAnnotations(annotations(task)).endMetadata()
                .withNewSpec()
                .withBackoffLimit(crawler.backoffLimit() != null ? crawler.backoffLimit() : settings.jobBackoffLimit())
                .withActiveDeadlineSeconds(Math.max(1L, ceilSeconds(timeout)))
                .withTtlSecondsAfterFinished(settings.jobTtlAfterFinished() == null ? null
                        : Math.toIntExact(Math.min(Integer.MAX_VALUE, ceilSeconds(settings.jobTtlAfterFinished()))))
                .withCompletions(1).withParallelism(1)
                .withNewTemplate().withNewMetadata().withLabels(labels)
                .withAnnotations(podAnnotations.isEmpty() ? null : podAnnotations).endMetadata()
                .withSpec(pod.build()).endTemplate()
                .endSpec().build();
    }

    /**
     * Checks what can be checked of a catalog entry without a task (image, settings, quantities),
     * so a catalog file fails when it is read rather than at its first launch.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static CrawlerSettings validate(CrawlerSpec spec) {
        if (spec.image() == null || !IMAGE.matcher(spec.image()).matches()) {
            throw new IllegalArgumentException("crawler image must be a non-blank name without spaces, was '" + spec.image() + "'");
        }
        quantities(spec.cpuRequest(), spec.memoryRequest());
        quantities(spec.cpuLimit(), spec.memoryLimit());
        return CrawlerSettings.parse(spec.settings());
    }

    private Map<String, String> labels(Task task, CrawlerSettings crawler) {
        TaskOrigin o = task.origin();
        Map<String, String> labels = new LinkedHashMap<>(crawler.labels());
        labels.putAll(JobLabels.selector(settings.instance()));
        labels.put(JobLabels.COMPONENT, JobLabels.COMPONENT_VALUE);
        labels.put(JobLabels.TASK_ID, KubernetesNames.labelValue(task.id().value()));
        labels.put(JobLabels.KIND, o.kind().name().toLowerCase(Locale.ROOT));
        labels.put(JobLabels.REPORT_ID, KubernetesNames.labelValue(o.report().reportId().value()));
        labels.put(JobLabels.ACCOUNT_ID, KubernetesNames.labelValue(o.report().accountId().value()));
        labels.put(JobLabels.SERVICE_CODE, KubernetesNames.labelValue(o.report().serviceCode().value()));
        task.scheduleId().ifPresent(id -> labels.put(JobLabels.SCHEDULE_ID, KubernetesNames.labelValue(id.value())));
        task.parentId().ifPresent(id -> labels.put(JobLabels.PARENT_TASK_ID, KubernetesNames.labelValue(id.value())));
        return labels;
    }

    private static Map<String, String> annotations(Task task) {
        TaskOrigin o = task.origin();
        Map<String, String> a = new LinkedHashMap<>();
        a.put(JobLabels.TASK_ID, task.id().value());
        a.put(JobLabels.KIND, o.kind().name());
        a.put(JobLabels.REPORT_ID, o.report().reportId().value());
        a.put(JobLabels.PROJECT_ID, o.report().projectId().value());
        a.put(JobLabels.ACCOUNT_ID, o.report().accountId().value());
        a.put(JobLabels.SERVICE_CODE, o.report().serviceCode().value());
        task.scheduleId().ifPresent(id -> a.put(JobLabels.SCHEDULE_ID, id.value()));
        task.scheduledRunId().ifPresent(id -> a.put(JobLabels.SCHEDULED_RUN_ID, id.value()));
        task.parentId().ifPresent(id -> a.put(JobLabels.PARENT_TASK_ID, id.value()));
        return a;
    }

    private static Map<String, Quantity> quantities(String cpu, String memory) {
        Map<String, Quantity> out = new LinkedHashMap<>();
        if (cpu != null && !cpu.isBlank()) {
            out.put("cpu", quantity("cpu", cpu));
        }
        if (memory != null && !memory.isBlank()) {
            out.put("memory", quantity("memory", memory));
        }
        return out.isEmpty() ? null : out;
    }

    private static Quantity quantity(String what, String text) {
        if (!QUANTITY.matcher(text.trim()).matches()) {
            throw new IllegalArgumentException(what + " quantity '" + text + "' is not a Kubernetes quantity (e.g. 500m, 1Gi)");
        }
        return new Quantity(text.trim());
    }

    private static long ceilSeconds(Duration d) {
        return d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    }
}
