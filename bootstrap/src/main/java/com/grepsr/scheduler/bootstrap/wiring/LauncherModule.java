package com.grepsr.scheduler.bootstrap.wiring;

import com.grepsr.scheduler.adapters.memory.SimulatedCrawlerLauncher;
import com.grepsr.scheduler.adapters.memory.StaticCrawlerCatalog;
import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort;
import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.bootstrap.config.CatalogFile;
import com.grepsr.scheduler.bootstrap.config.Settings;
import com.grepsr.scheduler.bootstrap.observe.ObservedLauncher;
import com.grepsr.scheduler.bootstrap.observe.SchedulerMetrics;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Chooses the crawler launcher and catalog the {@code launcher} and {@code catalog.file} settings name. */
@Module
public interface LauncherModule {

    /** What every service code runs when there is no catalog file and crawls are simulated. */
    String SIMULATED_IMAGE = "phoenix/simulated-crawler:latest";

    @Provides
    @Singleton
    static CrawlerLauncherPort launcher(Settings settings, Clock clock, SchedulerMetrics metrics) {
        CrawlerLauncherPort launcher = switch (settings.launcher()) {
            case SIMULATED -> new SimulatedCrawlerLauncher(clock, settings.simulatedCrawl());
        };
        return new ObservedLauncher(launcher, metrics);
    }

    @Provides
    @Singleton
    static CrawlerCatalogPort catalog(Settings settings) {
        if (settings.catalogFile().isEmpty()) {
            // with no catalog any report runs, on the simulated crawler: the zero-setup experience
            return StaticCrawlerCatalog.withFallback(CrawlerSpec.image(SIMULATED_IMAGE));
        }
        StaticCrawlerCatalog catalog = StaticCrawlerCatalog.strict();
        CatalogFile.load(settings.catalogFile().get()).forEach(catalog::put);
        return catalog;
    }
}
