package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.time.SettableClock;
import com.grepsr.scheduler.application.service.CalculatorDaemon;
import com.grepsr.scheduler.application.service.DaemonSettings;
import com.grepsr.scheduler.application.service.ProcessorDaemon;
import com.grepsr.scheduler.application.service.ReconcilerDaemon;
import com.grepsr.scheduler.application.service.SchedulerCore;
import com.grepsr.scheduler.application.service.SchedulerPorts;

import java.time.Duration;
import java.time.Instant;

/**
 * A whole scheduler in memory on a {@link SettableClock}: every use case and daemon over the
 * in-memory adapters and a simulated launcher. What other applications' tests embed:
 *
 * <pre>{@code
 * InMemoryScheduler s = InMemoryScheduler.startingAt(Instant.parse("2026-12-01T00:00:00Z"));
 * s.core().useCases().schedule().execute(caller, command);
 * s.clock().tick(Duration.ofHours(1));
 * s.tickAll();
 * }</pre>
 */
public final class InMemoryScheduler {

    private final SettableClock clock;
    private final InMemoryAdapters adapters;
    private final SchedulerCore core;
    private final CalculatorDaemon calculator;
    private final ProcessorDaemon processor;
    private final ReconcilerDaemon reconciler;

    public InMemoryScheduler(SettableClock clock, Duration crawlerRunTime, DaemonSettings settings) {
        this.clock = clock;
        this.adapters = new InMemoryAdapters(clock, crawlerRunTime);
        this.core = new SchedulerCore(new SchedulerPorts(adapters.schedules, adapters.runs, adapters.tasks,
                adapters.history, adapters.queue, adapters.outbox, adapters.requests, adapters.launcher,
                adapters.catalog, adapters.transactions, adapters.ids, clock), settings);
        this.calculator = core.calculator();
        this.processor = core.processor("memory");
        this.reconciler = core.reconciler();
    }

    /** Default settings, simulated crawls of one minute. */
    public static InMemoryScheduler startingAt(Instant start) {
        return new InMemoryScheduler(new SettableClock(start), Duration.ofMinutes(1), DaemonSettings.DEFAULTS);
    }

    public SettableClock clock() { return clock; }
    public InMemoryAdapters adapters() { return adapters; }
    public SchedulerCore core() { return core; }
    public CalculatorDaemon calculator() { return calculator; }
    public ProcessorDaemon processor() { return processor; }
    public ReconcilerDaemon reconciler() { return reconciler; }

    /** One tick of each daemon at the clock's instant: calculate, process, reconcile. */
    public void tickAll() {
        Instant now = clock.instant();
        calculator.tick(now);
        processor.tick(now);
        reconciler.tick(now);
    }

    /** Moves the clock in steps, ticking every daemon after each step. */
    public void advance(Duration total, Duration step) {
        Instant end = clock.instant().plus(total);
        while (clock.instant().isBefore(end)) {
            Duration left = Duration.between(clock.instant(), end);
            clock.tick(left.compareTo(step) < 0 ? left : step);
            tickAll();
        }
    }
}
