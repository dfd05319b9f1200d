package com.grepsr.scheduler.application.daemon;

import com.grepsr.scheduler.application.retry.Backoff;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Runs a daemon's tick on its own thread: tick, sleep as long as the tick says (or until
 * {@link #wakeUp()}), repeat. A failing tick is logged and retried with exponential backoff, so a
 * database outage slows the daemon down instead of killing it. {@link #close()} stops taking new
 * ticks, lets the one in flight finish and joins the thread.
 */
public final class DaemonLoop implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DaemonLoop.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);

    private final String name;
    private final Clock clock;
    private final Function<Instant, Duration> tick;
    private final Backoff backoff;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private volatile boolean running;
    private boolean wakeRequested;
    private Thread thread;
    private volatile long ticks;
    private volatile long failures;
    /** When the last tick succeeded (the start, before the first): what readiness looks at. */
    private volatile Instant lastSuccess;
    /** When the last tick ended, well or not (the start, before the first): what liveness looks at. */
    private volatile Instant lastAttempt;

    /**
     * @param tick       one unit of work at the given instant; returns how long to sleep after it
     * @param maxBackoff the longest wait between retries of a failing tick
     */
    public DaemonLoop(String name, Clock clock, Function<Instant, Duration> tick, Duration maxBackoff) {
        this.name = Objects.requireNonNull(name);
        this.clock = Objects.requireNonNull(clock);
        this.tick = Objects.requireNonNull(tick);
        // a max below the first retry's wait shortens that one too: it is the longest wait, as documented
        this.backoff = Backoff.doubling(FIRST_RETRY.compareTo(maxBackoff) < 0 ? FIRST_RETRY : maxBackoff, maxBackoff);
    }

    public synchronized DaemonLoop start() {
        if (thread != null) {
            throw new IllegalStateException(name + " already started");
        }
        running = true;
        lastSuccess = clock.instant();
        lastAttempt = lastSuccess;
        thread = new Thread(this::loop, "phoenix-" + name);
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Ends the current sleep early (e.g. a run was added that is due sooner). */
    public void wakeUp() {
        lock.lock();
        try {
            wakeRequested = true;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public long ticks() {
        return ticks;
    }

    public long failures() {
        return failures;
    }

    /** When the last tick succeeded (or the loop started, before any did); empty before the start. */
    public Optional<Instant> lastSuccess() {
        return Optional.ofNullable(lastSuccess);
    }

    /**
     * When the last tick ended, failed or not (or the loop started); empty before the start. A
     * loop whose ticks fail (the store is down) keeps attempting; one whose tick hangs does not.
     */
    public Optional<Instant> lastAttempt() {
        return Optional.ofNullable(lastAttempt);
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        wakeUp();
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        int failuresInRow = 0;
        while (running) {
            Duration sleep;
            try {
                sleep = tick.apply(clock.instant());
                ticks++;
                lastSuccess = clock.instant();
                failuresInRow = 0;
            } catch (RuntimeException e) {
                failures++;
                failuresInRow++;
                sleep = backoff.delay(failuresInRow);
                LOG.log(Level.WARNING, name + " tick failed; retrying in " + sleep, e);
            }
            lastAttempt = clock.instant();
            pause(sleep);
        }
    }

    private void pause(Duration sleep) {
        if (sleep.isZero() || sleep.isNegative()) {
            return;
        }
        lock.lock();
        try {
            long nanos = sleep.toNanos();
            while (running && !wakeRequested && nanos > 0) {
                nanos = woken.awaitNanos(nanos);
            }
            wakeRequested = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }
}
