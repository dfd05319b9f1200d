package com.grepsr.scheduler.bootstrap.wiring;

import com.grepsr.scheduler.adapters.k8s.KubernetesAdapters;
import com.grepsr.scheduler.bootstrap.config.Settings;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The Kubernetes adapter (client, Job launcher with its informer, crawler catalog) when the
 * {@code kubernetes} launcher is configured and a role launches crawlers; the node closes it after
 * its services stopped.
 */
@Module
public interface KubernetesModule {

    @Provides
    @Singleton
    static Optional<KubernetesAdapters> kubernetes(Settings settings) {
        // a lone calculator never launches: it needs no client, no informer, no service account
        return settings.kubernetes().filter(k -> settings.launchesCrawlers()).map(KubernetesAdapters::create);
    }
}
