package com.grepsr.scheduler.bootstrap.wiring;

import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.application.service.SchedulerCore;
import com.grepsr.scheduler.application.service.SchedulerPorts;
import com.grepsr.scheduler.bootstrap.config.Settings;
import com.grepsr.scheduler.bootstrap.observe.SchedulerMetrics;
import com.grepsr.scheduler.bootstrap.observe.TimedRunStore;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The application's ports and its {@link SchedulerCore}: the core wires the use cases and daemons
 * itself, so Dagger only hands it the chosen adapters.
 */
@Module
public interface CoreModule {

    @Provides
    @Singleton
    static SchedulerPorts ports(Stores s, CrawlerLauncherPort launcher, CrawlerCatalogPort catalog, Clock clock,
                                SchedulerMetrics metrics) {
        return new SchedulerPorts(s.schedules(), new TimedRunStore(s.runs(), metrics), s.tasks(), s.history(),
                s.queue(), s.outbox(), s.requests(), launcher, catalog, s.tx(), s.ids(), clock);
    }

    @Provides
    @Singleton
    static SchedulerCore core(SchedulerPorts ports, Settings settings, Wakeups wakeups) {
        // a schedule created, changed or unpaused through this process's API wakes its calculator,
        // so a schedule made to fire in ten seconds fires on time instead of at the next idle tick
        return new SchedulerCore(ports, settings.daemons(), settings.retention(), wakeups::calculator);
    }

    @Provides
    @Singleton
    static Wakeups wakeups() {
        return new Wakeups();
    }
}
