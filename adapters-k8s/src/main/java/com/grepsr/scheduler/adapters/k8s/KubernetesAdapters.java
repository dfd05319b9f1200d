package com.grepsr.scheduler.adapters.k8s;

import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The Kubernetes adapter assembled: a fabric8 client, the Job launcher with its informer already
 * started, and the crawler catalog. The bootstrap calls {@link #create(KubernetesSettings)} when a
 * cluster is configured and closes the result on shutdown.
 *
 * <p>The client is configured the usual fabric8 way: {@code KUBECONFIG} / {@code ~/.kube/config},
 * or the pod's service account when running in a cluster; {@link KubernetesSettings} adds the
 * namespace, rate limit, retries and Job defaults (its Javadoc lists the environment variables).
 * The catalog comes from {@code settings.catalogFile()}; without one every service code is unknown,
 * so requests for them fail validation instead of launching anything.
 */
public final class KubernetesAdapters implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(KubernetesAdapters.class.getName());
    private static final Duration CATALOG_RECHECK = Duration.ofSeconds(10);
    /** How long inspect waits for a cache still doing its first list (a reconciler tick may wait this long). */
    private static final Duration SYNC_WAIT = Duration.ofSeconds(10);

    private final KubernetesClient client;
    private final JobStatusCache cache;
    private final KubernetesCrawlerLauncher launcher;
    private final CrawlerCatalogPort catalog;
    private final String namespace;

    private KubernetesAdapters(KubernetesClient client, JobStatusCache cache, KubernetesCrawlerLauncher launcher,
                               CrawlerCatalogPort catalog, String namespace) {
        this.client = client;
        this.cache = cache;
        this.launcher = launcher;
        this.catalog = catalog;
        this.namespace = namespace;
    }

    /** Against the cluster fabric8 finds (kubeconfig or in-cluster), on the system clock. */
    public static KubernetesAdapters create(KubernetesSettings settings) {
        return create(Config.autoConfigure(null), settings, Clock.systemUTC());
    }

    /**
     * Against the cluster {@code config} describes. Sets the config's own request retries to 0:
     * this adapter retries itself, so that every retry passes its rate limiter and the attempts
     * stay bounded by {@code settings}.
     */
    public static KubernetesAdapters create(Config config, KubernetesSettings settings, Clock clock) {
        return create(config, settings, clock, TokenBucket.system(settings.qps(), settings.burst()), TokenBucket.Sleeper.SYSTEM);
    }

    static KubernetesAdapters create(Config config, KubernetesSettings settings, Clock clock, TokenBucket limiter,
                                     TokenBucket.Sleeper sleeper) {
        config.setRequestRetryBackoffLimit(0);
        String namespace = settings.configuredNamespace()
                .or(() -> Optional.ofNullable(config.getNamespace()).filter(n -> !n.isBlank()))
                .orElse("default");
        CrawlerCatalogPort catalog = catalog(settings, clock);
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        try {
            ApiCalls api = new ApiCalls(limiter, new ApiCalls.RetryPolicy(settings.maxAttempts(),
                    settings.initialBackoff(), settings.maxBackoff()), sleeper, namespace);
            JobStatusCache cache = new JobStatusCache(client, namespace, JobLabels.selector(settings.instance()),
                    settings.resync(), SYNC_WAIT);
            cache.start();
            KubernetesCrawlerLauncher launcher = new KubernetesCrawlerLauncher(client, api, settings, cache, clock);
            return new KubernetesAdapters(client, cache, launcher, catalog, namespace);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private static CrawlerCatalogPort catalog(KubernetesSettings settings, Clock clock) {
        if (settings.catalogFile() != null) {
            return FileCrawlerCatalog.load(settings.catalogFile(), clock, CATALOG_RECHECK);
        }
        LOG.log(System.Logger.Level.WARNING, "no crawler catalog file configured (PHOENIX_CRAWLER_CATALOG_FILE): "
                + "every service code is unknown");
        return serviceCode -> Optional.empty();
    }

    public KubernetesCrawlerLauncher launcher() {
        return launcher;
    }

    public CrawlerCatalogPort catalog() {
        return catalog;
    }

    /** The namespace Jobs are created in. */
    public String namespace() {
        return namespace;
    }

    /** The underlying client, e.g. for health checks; owned by this object. */
    public KubernetesClient client() {
        return client;
    }

    /** Stops the informer and closes the client. */
    @Override
    public void close() {
        try {
            cache.close();
        } finally {
            client.close();
        }
    }
}
