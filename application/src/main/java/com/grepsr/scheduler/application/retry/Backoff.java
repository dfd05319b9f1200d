package com.grepsr.scheduler.application.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How long to wait after the n-th failure in a row: {@code initial × multiplier^(n−1)}, capped at
 * {@code max}, then shortened at random by up to {@code jitter} of itself. Every retry loop of the
 * scheduler (daemon ticks, the activity relay, Kubernetes API calls, deadlocked transactions, the
 * command line's retries) takes its pause from one of these, so they all grow and spread alike.
 * <p>
 * Jitter exists because replicas that fail together (the database went away, the API server
 * answered 429 to everyone) would otherwise retry together and fail together again.
 *
 * @param initial    the wait after the first failure (zero: retry at once, every time)
 * @param max        the longest wait, however many failures
 * @param multiplier how much each further failure stretches the wait (at least 1)
 * @param jitter     fraction in [0, 1] by which a wait is randomly shortened: {@link #NO_JITTER},
 *                   {@link #EQUAL_JITTER} (between half and all of it), {@link #FULL_JITTER}
 *                   (anywhere up to it)
 */
public record Backoff(Duration initial, Duration max, double multiplier, double jitter) {

    public static final double NO_JITTER = 0;
    public static final double EQUAL_JITTER = 0.5;
    public static final double FULL_JITTER = 1;

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 <= initial <= max, was " + initial + " and " + max);
        }
        if (!(multiplier >= 1 && multiplier < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be within [0, 1], was " + jitter);
        }
    }

    /** Doubling from {@code initial} up to {@code max}, without jitter. */
    public static Backoff doubling(Duration initial, Duration max) {
        return new Backoff(initial, max, 2, NO_JITTER);
    }

    public Backoff withJitter(double fraction) {
        return new Backoff(initial, max, multiplier, fraction);
    }

    /** The wait after {@code failures} failures in a row, jittered with {@link ThreadLocalRandom}. */
    public Duration delay(int failures) {
        return delay(failures, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * The wait after {@code failures} failures in a row.
     *
     * @param random uniform numbers in [0, 1); drawn only when there is jitter (tests fix it)
     */
    public Duration delay(int failures, DoubleSupplier random) {
        Duration ceiling = ceiling(failures);
        if (jitter == NO_JITTER) {
            return ceiling;
        }
        double cut = jitter * random.getAsDouble();
        return Duration.ofNanos((long) (ceiling.toNanos() * (1.0 - cut)));
    }

    /** The wait after {@code failures} failures before jitter: the most {@link #delay} can be. */
    public Duration ceiling(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, was " + failures);
        }
        if (initial.isZero()) {
            return Duration.ZERO;
        }
        long cap = max.toNanos();
        // a double: the power overflows any long after a few dozen failures, and then the cap holds
        double grown = initial.toNanos() * Math.pow(multiplier, failures - 1);
        return Duration.ofNanos(grown < cap ? (long) grown : cap);
    }
}
