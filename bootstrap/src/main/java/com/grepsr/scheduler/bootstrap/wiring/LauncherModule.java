package com.grepsr.scheduler.bootstrap.wiring;

import com.grepsr.scheduler.adapters.k8s.FileCrawlerCatalog;
import com.grepsr.scheduler.adapters.k8s.KubernetesAdapters;
import com.grepsr.scheduler.adapters.memory.SimulatedCrawlerLauncher;
import com.grepsr.scheduler.adapters.memory.StaticCrawlerCatalog;
import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort;
import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.bootstrap.config.Settings;
import com.grepsr.scheduler.bootstrap.observe.ObservedLauncher;
import com.grepsr.scheduler.bootstrap.observe.SchedulerMetrics;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Chooses the crawler launcher and catalog the {@code launcher} and {@code catalog.file} settings name. */
@Module
public interface LauncherModule {

    /** What every service code runs when there is no catalog file and crawls are simulated. */
    String SIMULATED_IMAGE = "phoenix/simulated-crawler:latest";

    /** How often the catalog file's modification time is looked at (a changed file is re-read). */
    Duration CATALOG_RECHECK = Duration.ofSeconds(10);

    @Provides
    @Singleton
    static CrawlerLauncherPort launcher(Settings settings, Clock clock, SchedulerMetrics metrics,
                                        Optional<KubernetesAdapters> kubernetes) {
        CrawlerLauncherPort launcher = switch (settings.launcher()) {
            case SIMULATED -> new SimulatedCrawlerLauncher(clock, settings.simulatedCrawl())
                    .crawlerTokens(settings.crawlerTokens());
            case KUBERNETES -> kubernetes.<CrawlerLauncherPort>map(KubernetesAdapters::launcher)
                    .orElseGet(NoLauncher::new);
        };
        return new ObservedLauncher(launcher, metrics);
    }

    @Provides
    @Singleton
    static CrawlerCatalogPort catalog(Settings settings, Clock clock, Optional<KubernetesAdapters> kubernetes) {
        if (kubernetes.isPresent()) {
            return kubernetes.get().catalog();
        }
        if (settings.catalogFile().isEmpty()) {
            // with no catalog any report runs, on the simulated crawler: the zero-setup experience
            return StaticCrawlerCatalog.withFallback(CrawlerSpec.image(SIMULATED_IMAGE));
        }
        return FileCrawlerCatalog.load(settings.catalogFile().get(), clock, CATALOG_RECHECK);
    }
}
