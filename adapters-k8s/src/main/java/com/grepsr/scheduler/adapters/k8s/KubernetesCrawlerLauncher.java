package com.grepsr.scheduler.adapters.k8s;

import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.ScalableResource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs each task's crawler as a batch/v1 Job (see {@link JobManifest} for its shape and why a
 * multi-process child is a Job of its own) and answers {@link #inspect} from the Job informer's
 * cache.
 *
 * <p>Exactly one Job per task: the Job's name is derived from the task id alone, so the API
 * server's name uniqueness does the deduplication. A second launch of the same task (a retry, a
 * crash between launch and commit, two racing replicas) gets 409 AlreadyExists, confirms the
 * existing Job is this task's, and returns the same name.
 */
public final class KubernetesCrawlerLauncher implements CrawlerLauncherPort {

    private final KubernetesClient client;
    private final ApiCalls api;
    private final JobManifest manifest;
    private final JobStatusCache cache;
    private final Clock clock;
    private final Duration launchGrace;
    /** Jobs this process created that the cache may not have seen yet, by name. */
    private final Map<String, Instant> recentLaunches = new ConcurrentHashMap<>();

    KubernetesCrawlerLauncher(KubernetesClient client, ApiCalls api, KubernetesSettings settings,
                              JobStatusCache cache, Clock clock) {
        this.client = client;
        this.api = api;
        this.manifest = new JobManifest(settings);
        this.cache = cache;
        this.clock = clock;
        this.launchGrace = settings.launchGrace();
        // once the informer has seen a Job, the cache speaks for it (also after a deletion)
        cache.addListener(change -> recentLaunches.remove(change.launchName()));
    }

    @Override
    public String launch(Task task, CrawlerSpec crawler) {
        String name = KubernetesNames.jobName(task.id());
        Job job;
        try {
            job = manifest.build(task, crawler, api.namespace());
        } catch (IllegalArgumentException e) {
            throw new LaunchRefusedException("task " + task.id() + ": " + e.getMessage(), e);
        }
        // noted before the create, so that the informer's add event (which clears it) comes after
        recentLaunches.put(name, clock.instant());
        boolean launched = false;
        try {
            create(task, name, job);
            launched = true;
        } finally {
            if (!launched) {
                recentLaunches.remove(name);
            }
        }
        return name;
    }

    private void create(Task task, String name, Job job) {
        try {
            api.call(RbacRequirements.JOBS, "create", () -> jobs().resource(job).create());
        } catch (KubernetesAccessDeniedException e) {
            throw new LaunchRefusedException(e.getMessage(), e);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                confirmOwnJob(task, name);
            } else if (e.getCode() == 400 || e.getCode() == 422) {
                throw new LaunchRefusedException("the API server rejected Job " + name + " of task " + task.id()
                        + ": " + e.getMessage(), e);
            } else {
                throw e;
            }
        }
    }

    /** On AlreadyExists: the Job is this task's (launched before), or the name is taken by something else. */
    private void confirmOwnJob(Task task, String name) {
        Job existing;
        try {
            existing = api.call(RbacRequirements.JOBS, "get", () -> jobs().withName(name).get());
        } catch (KubernetesAccessDeniedException e) {
            throw new LaunchRefusedException(e.getMessage(), e);
        }
        if (existing == null) {
            return; // it existed a moment ago and was deleted since: the task was launched
        }
        Map<String, String> annotations = existing.getMetadata().getAnnotations();
        String owner = annotations == null ? null : annotations.get(JobLabels.TASK_ID);
        if (!task.id().value().equals(owner)) {
            throw new LaunchRefusedException("Job " + name + " already exists in namespace " + api.namespace()
                    + " but belongs to " + (owner == null ? "no scheduler task" : "task " + owner)
                    + "; refusing to adopt it for task " + task.id(), null);
        }
    }

    @Override
    public void stop(String launchName) {
        recentLaunches.remove(launchName);
        if (!KubernetesNames.isValidJobName(launchName)) {
            return; // no Job can have this name, so there is nothing to stop
        }
        // background propagation: the API call returns at once and the garbage collector removes
        // the pods; a Job already gone answers 404, which fabric8 reports as nothing deleted
        api.call(RbacRequirements.JOBS, "delete", () -> jobs().withName(launchName)
                .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete());
    }

    @Override
    public Optional<String> launchNameOf(TaskId task) {
        return Optional.of(KubernetesNames.jobName(task));
    }

    /** Asks the API server (a quorum read), not the informer cache. */
    @Override
    public boolean exists(String launchName) {
        return api.call(RbacRequirements.JOBS, "get", () -> jobs().withName(launchName).get()) != null;
    }

    /**
     * Answers from the informer cache. A Job this process created moments ago that the watch has
     * not delivered yet counts as PENDING for the launch grace period, not as vanished.
     *
     * @throws IllegalStateException when the cache has not completed its first list yet
     */
    @Override
    public Map<String, LaunchState> inspect(Collection<String> launchNames) {
        cache.awaitSynced();
        Instant now = clock.instant();
        recentLaunches.values().removeIf(at -> at.plus(launchGrace).isBefore(now));
        Map<String, LaunchState> states = new LinkedHashMap<>();
        for (String name : launchNames) {
            Optional<Job> job = cache.get(name);
            if (job.isPresent()) {
                recentLaunches.remove(name);
                states.put(name, JobStates.of(job.get()));
            } else {
                states.put(name, recentLaunches.containsKey(name) ? LaunchState.PENDING : LaunchState.NOT_FOUND);
            }
        }
        return states;
    }

    /**
     * Calls {@code listener} on the informer's thread whenever one of the scheduler's Jobs is
     * added, changes, is resynced or is deleted; keep it quick (e.g. wake the reconciler).
     */
    public void onJobChange(Consumer<JobChange> listener) {
        cache.addListener(listener);
    }

    /** {@link #onJobChange} for a listener that only needs to be woken. */
    public void onChange(Runnable wake) {
        cache.addListener(change -> wake.run());
    }

    /** API requests sent so far, retries included. */
    public long apiRequests() {
        return api.requests();
    }

    /** API requests that failed with a retryable error and were sent again. */
    public long apiRetries() {
        return api.retries();
    }

    private NonNamespaceOperation<Job, JobList, ScalableResource<Job>> jobs() {
        return client.batch().v1().jobs().inNamespace(api.namespace());
    }
}
