package com.grepsr.scheduler.adapters.k8s;

import java.util.function.LongSupplier;

/**
 * A token-bucket request-rate limiter: up to {@code burst} requests pass at once, and after that
 * {@code qps} per second. fabric8 has no client-side limiter (client-go has one), and a scheduler
 * launching a few hundred tasks at a fire time must not flood the API server.
 *
 * <p>Callers <em>reserve</em> a permit and are told how long to wait for it; the bucket may go
 * into debt, so concurrent callers queue fairly one interval apart instead of all waking at the
 * same refill. Time comes from an injected nanosecond ticker, so the arithmetic is tested with a
 * fake clock rather than by measuring sleeps.
 */
public final class TokenBucket {

    /** Pauses the calling thread; a seam for tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;

        /** Real sleeping. */
        Sleeper SYSTEM = nanos -> {
            if (nanos > 0) {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        };
    }

    private static final double NANOS_PER_SECOND = 1e9;

    private final double qps;
    private final double burst;
    private final LongSupplier ticker;
    private final Sleeper sleeper;
    private double tokens;
    private long last;

    /**
     * @param qps    sustained permits per second (> 0)
     * @param burst  permits available at once after a quiet period (≥ 1)
     * @param ticker monotonic nanoseconds, e.g. {@code System::nanoTime}
     */
    public TokenBucket(double qps, int burst, LongSupplier ticker, Sleeper sleeper) {
        if (!(qps > 0) || Double.isInfinite(qps)) {
            throw new IllegalArgumentException("qps must be positive and finite, was " + qps);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, was " + burst);
        }
        this.qps = qps;
        this.burst = burst;
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.tokens = burst;
        this.last = ticker.getAsLong();
    }

    /** A limiter on the system's monotonic clock that really sleeps. */
    public static TokenBucket system(double qps, int burst) {
        return new TokenBucket(qps, burst, System::nanoTime, Sleeper.SYSTEM);
    }

    /**
     * Takes one permit and returns how many nanoseconds the caller must wait before using it
     * (0 when a token was in the bucket).
     */
    public synchronized long reserve() {
        long now = ticker.getAsLong();
        // refill for the time passed; a bucket in debt first pays its debt off
        tokens = Math.min(burst, tokens + (now - last) * qps / NANOS_PER_SECOND);
        last = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / qps * NANOS_PER_SECOND);
    }

    /** Takes one permit, sleeping until it is due. */
    public void acquire() throws InterruptedException {
        sleeper.sleepNanos(reserve());
    }

    public double qps() {
        return qps;
    }

    public int burst() {
        return (int) burst;
    }
}
