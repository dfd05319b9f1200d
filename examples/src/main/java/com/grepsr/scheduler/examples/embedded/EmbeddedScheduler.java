package com.grepsr.scheduler.examples.embedded;

import com.grepsr.scheduler.adapters.sql.SqlAdapters;
import com.grepsr.scheduler.adapters.sql.SqlVendor;
import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.application.service.CalculatorDaemon;
import com.grepsr.scheduler.application.service.DaemonLoop;
import com.grepsr.scheduler.application.service.DaemonSettings;
import com.grepsr.scheduler.application.service.ProcessorDaemon;
import com.grepsr.scheduler.application.service.ReconcilerDaemon;
import com.grepsr.scheduler.application.service.SchedulerCore;
import com.grepsr.scheduler.application.service.SchedulerPorts;
import com.grepsr.scheduler.application.service.TimeOrderedIds;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Example 3: the scheduler embedded in an app, wired by hand from the app's own DataSource,
 * crawler launcher, crawler catalog and clock: no Dagger, no bootstrap, no gRPC server. The app
 * calls the use cases on {@link #core()} directly and runs the three daemons on its own threads
 * ({@link #start()}), or ticks them itself ({@link #tick()}).
 */
public final class EmbeddedScheduler implements AutoCloseable {

    private final Clock clock;
    private final SchedulerCore core;
    private final CalculatorDaemon calculator;
    private final ProcessorDaemon processor;
    private final ReconcilerDaemon reconciler;
    private final List<DaemonLoop> loops = new ArrayList<>();

    /**
     * @param dataSource the app's pool (it stays the app's to close); migrated to the scheduler's schema here
     * @param vendor     which database it is (e.g. {@code SqlVendor.detect(dataSource)})
     * @param launcher   how the app runs a crawler for a task
     * @param catalog    which crawler runs which service code
     * @param clock      the app's clock ({@code Clock.systemUTC()}; a settable one in tests)
     */
    public EmbeddedScheduler(DataSource dataSource, SqlVendor vendor, CrawlerLauncherPort launcher,
                             CrawlerCatalogPort catalog, Clock clock) {
        this.clock = clock;
        SqlAdapters stores = SqlAdapters.create(dataSource, vendor, clock);
        this.core = new SchedulerCore(new SchedulerPorts(stores.schedules(), stores.runs(), stores.tasks(),
                stores.history(), stores.queue(), stores.outbox(), stores.requests(), launcher, catalog,
                stores.transactions(), new TimeOrderedIds(clock), clock), DaemonSettings.DEFAULTS);
        this.calculator = core.calculator();
        this.processor = core.processor("embedded-1");
        this.reconciler = core.reconciler();
    }

    /** Every use case: {@code core().useCases().schedule().execute(caller, command)} and the rest. */
    public SchedulerCore core() {
        return core;
    }

    /** Runs the daemons on their own threads until {@link #close()}: calculate, fire, follow the crawls. */
    public EmbeddedScheduler start() {
        loops.add(loop("calculator", now -> calculator.tick(now)));
        loops.add(loop("processor", now -> processor.tick(now)));
        loops.add(loop("reconciler", now -> reconciler.tick(now)));
        loops.forEach(DaemonLoop::start);
        return this;
    }

    /** One tick of each daemon at the clock's instant, on the caller's thread (tests, or an app's own timer). */
    public void tick() {
        Instant now = clock.instant();
        calculator.tick(now);
        processor.tick(now);
        reconciler.tick(now);
    }

    private DaemonLoop loop(String name, java.util.function.Consumer<Instant> tick) {
        return new DaemonLoop(name, clock, now -> {
            tick.accept(now);
            return Duration.ofSeconds(1);
        }, Duration.ofMinutes(1));
    }

    @Override
    public void close() {
        loops.forEach(DaemonLoop::close);
        loops.clear();
    }
}
