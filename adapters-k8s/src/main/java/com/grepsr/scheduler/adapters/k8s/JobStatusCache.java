package com.grepsr.scheduler.adapters.k8s;

import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort.LaunchState;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The scheduler's view of its Jobs: a shared informer (list + watch) over the Jobs carrying the
 * scheduler's selector labels in its namespace, with periodic resync so a listener that missed an
 * event hears about the Job again. {@code inspect} reads this cache, so a reconciler tick costs
 * no API request however many tasks it checks.
 *
 * <p>The informer's requests are made by fabric8 itself and do not pass the rate limiter: it lists
 * once, then keeps one watch open (and relists only when the watch expires).
 */
final class JobStatusCache implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JobStatusCache.class.getName());


    private final SharedIndexInformer<Job> informer;
    private final String namespace;
    private final Duration syncWait;
    private final List<Consumer<JobChange>> listeners = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Void> started;
    private volatile boolean closed;

    /**
     * @param syncWait how long {@link #awaitSynced} waits for the first list before giving up
     */
    JobStatusCache(KubernetesClient client, String namespace, Map<String, String> selector, Duration resync,
                   Duration syncWait) {
        this.namespace = namespace;
        this.syncWait = syncWait;
        // RbacRequirements.INFORMER_VERBS: the informer lists and watches jobs
        this.informer = client.batch().v1().jobs().inNamespace(namespace).withLabels(selector)
                .runnableInformer(resync.toMillis());
        // fabric8's default gives up on any error before the first list and on most watch errors
        // after it, leaving a cache that silently stops changing; a scheduler must keep trying
        // (with fabric8's reconnect backoff) and say why it is not up to date
        informer.exceptionHandler((isStarted, error) -> {
            if (closed) {
                return false;
            }
            LOG.log(System.Logger.Level.WARNING, "Job informer in namespace '" + namespace + "' failed ("
                    + (isStarted ? "after" : "before") + " its first list); retrying: " + error);
            return true;
        });
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Job job) {
                fire(job, JobStates.of(job));
            }

            @Override
            public void onUpdate(Job before, Job after) {
                fire(after, JobStates.of(after));
            }

            @Override
            public void onDelete(Job job, boolean finalStateUnknown) {
                fire(job, LaunchState.NOT_FOUND);
            }
        });
    }

    /** Starts the informer; {@link #awaitSynced} waits for its first list. */
    synchronized void start() {
        if (started == null) {
            started = informer.start().toCompletableFuture();
        }
    }

    /**
     * Waits until the first list has filled the cache: before that every Job would look absent,
     * and a reconciler would take running crawlers for lost ones.
     *
     * @throws IllegalStateException when the cache is not filled within the sync wait
     */
    void awaitSynced() {
        if (informer.hasSynced()) {
            return;
        }
        if (started == null) {
            throw new IllegalStateException("the Job cache was never started");
        }
        try {
            started.get(syncWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Job cache", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the Job cache of namespace '" + namespace + "' has not synced: "
                    + "cannot tell running Jobs from vanished ones yet", e);
        }
        if (!informer.hasSynced()) {
            throw new IllegalStateException("the Job cache of namespace '" + namespace + "' has not synced");
        }
    }

    Optional<Job> get(String jobName) {
        return Optional.ofNullable(informer.getStore().getByKey(namespace + "/" + jobName));
    }

    void addListener(Consumer<JobChange> listener) {
        listeners.add(listener);
    }

    private void fire(Job job, LaunchState state) {
        Map<String, String> annotations = job.getMetadata().getAnnotations();
        String taskId = annotations == null ? null : annotations.get(JobLabels.TASK_ID);
        if (taskId == null) {
            return; // carries our labels but not our annotation: not a Job this scheduler made
        }
        JobChange change = new JobChange(taskId, job.getMetadata().getName(), state);
        for (var listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                // a failing listener must not stop the informer's event thread
                LOG.log(System.Logger.Level.WARNING, "Job change listener failed for " + change, e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        informer.close();
    }
}
