package com.grepsr.scheduler.bootstrap.runtime;

import com.grepsr.scheduler.application.daemon.DaemonLoop;
import com.grepsr.scheduler.bootstrap.observe.Health;
import io.micrometer.core.instrument.Timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * A daemon's {@link DaemonLoop} as a service, its ticks timed. Stopping closes the loop: no new
 * tick starts, the one in flight finishes, the thread is joined.
 */
public final class DaemonService implements Service {

    private final DaemonLoop loop;
    private final String name;
    private final Runnable onStop;
    private final Duration maxBackoff;
    private volatile Duration longestSleep;

    /**
     * @param tick one tick at an instant, returning how long to sleep after it
     */
    public DaemonService(String name, Clock clock, Function<Instant, Duration> tick, Timer timer, Duration maxBackoff) {
        this(name, clock, tick, timer, maxBackoff, () -> { });
    }

    /**
     * @param onStop told first when the service stops, so a long tick in flight can cut itself
     *               short (the processor stops dispatching its batch) before the loop is joined
     */
    public DaemonService(String name, Clock clock, Function<Instant, Duration> tick, Timer timer, Duration maxBackoff,
                         Runnable onStop) {
        this.name = name;
        this.loop = new DaemonLoop(name, clock, now -> timer.record(() -> tick.apply(now)), maxBackoff);
        this.onStop = onStop;
        this.maxBackoff = maxBackoff;
        this.longestSleep = maxBackoff;
    }

    /** The longest this daemon plans to sleep between healthy ticks (its health bound derives from it). */
    public DaemonService sleepingAtMost(Duration sleep) {
        this.longestSleep = sleep;
        return this;
    }

    /** This daemon as health watches it. */
    public Health.Watched watched() {
        return new Health.Watched(loop, longestSleep, maxBackoff);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        onStop.run();
        loop.close();
    }

    /** Ends the loop's current sleep: there is work sooner than it planned. */
    public void wakeUp() {
        loop.wakeUp();
    }

    public long ticks() {
        return loop.ticks();
    }
}
