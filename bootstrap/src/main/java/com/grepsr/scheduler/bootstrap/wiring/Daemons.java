package com.grepsr.scheduler.bootstrap.wiring;

import com.grepsr.scheduler.application.port.out.ActivityPublisherPort;
import com.grepsr.scheduler.application.port.out.RunTriggerPort;
import com.grepsr.scheduler.application.daemon.ActivityRelayDaemon;
import com.grepsr.scheduler.application.daemon.ActivityRelaySettings;
import com.grepsr.scheduler.application.daemon.CalculatorDaemon;
import com.grepsr.scheduler.application.daemon.ProcessorDaemon;
import com.grepsr.scheduler.application.daemon.reconcile.ReconcilerDaemon;
import com.grepsr.scheduler.application.SchedulerCore;
import com.grepsr.scheduler.bootstrap.config.Settings;
import com.grepsr.scheduler.bootstrap.observe.ObservedRunTrigger;
import com.grepsr.scheduler.bootstrap.observe.SchedulerMetrics;
import com.grepsr.scheduler.bootstrap.runtime.DaemonService;

import java.time.Clock;
import java.time.Duration;

/** Builds the daemon loops of the calculator, processor and reconciler roles (and the activity relay). */
final class Daemons {

    /** A failing tick (say, the database is down) is retried at most this far apart. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final Settings settings;
    private final Clock clock;
    private final SchedulerCore core;
    private final SchedulerMetrics metrics;
    private final Wakeups wakeups;

    Daemons(Settings settings, Clock clock, SchedulerCore core, SchedulerMetrics metrics, Wakeups wakeups) {
        this.settings = settings;
        this.clock = clock;
        this.core = core;
        this.metrics = metrics;
        this.wakeups = wakeups;
    }

    DaemonService calculator() {
        CalculatorDaemon calculator = core.calculator();
        Duration sleep = settings.daemons().maxSleep();
        DaemonService d = new DaemonService("calculator", clock, now -> {
            CalculatorDaemon.TickResult r = calculator.tick(now);
            if (r.runsInserted() > 0) {
                wakeups.processor();
            }
            return sleep;
        }, metrics.tickTimer("calculator"), MAX_BACKOFF).sleepingAtMost(sleep);
        wakeups.calculatorIs(d);
        return d;
    }

    DaemonService processor(RunTriggerPort remoteOrNull) {
        RunTriggerPort base = remoteOrNull != null ? remoteOrNull : core.inProcessTrigger();
        ProcessorDaemon processor = core.processor(settings.replica(), new ObservedRunTrigger(base, metrics, clock));
        int batch = settings.daemons().claimBatch();
        DaemonService d = new DaemonService("processor", clock, now -> {
            ProcessorDaemon.TickResult r = processor.tick(now);
            metrics.runsMissed(r.missed());
            // a full batch means more runs are due right now; otherwise sleep until the next one
            return r.fullBatch(batch) ? Duration.ZERO : processor.untilNextDue(clock.instant());
        }, metrics.tickTimer("processor"), MAX_BACKOFF, processor::stopDispatching)
                .sleepingAtMost(settings.daemons().maxSleep());
        wakeups.processorIs(d);
        return d;
    }

    /** Publishes the outbox's activity events, backing off while DynamoDB is down. */
    DaemonService relay(ActivityPublisherPort publisher) {
        ActivityRelaySettings relaySettings = ActivityRelaySettings.DEFAULTS;
        ActivityRelayDaemon relay = new ActivityRelayDaemon(core.ports().outbox(), publisher, core.ports().tx(),
                relaySettings);
        return new DaemonService("activity-relay", clock, now -> {
            ActivityRelayDaemon.TickResult r = relay.tick(now);
            metrics.activityPublished(r.published());
            return r.nextDelay();
        }, metrics.tickTimer("activity-relay"), MAX_BACKOFF).sleepingAtMost(relaySettings.maxBackoff());
    }

    DaemonService reconciler() {
        ReconcilerDaemon reconciler = core.reconciler();
        Duration sleep = settings.daemons().maxSleep();
        return new DaemonService("reconciler", clock, now -> {
            ReconcilerDaemon.TickResult r = reconciler.tick(now);
            metrics.runsMissed(r.runsMissed());
            metrics.pruned(r.pruned());
            return sleep;
        }, metrics.tickTimer("reconciler"), MAX_BACKOFF).sleepingAtMost(sleep);
    }
}
