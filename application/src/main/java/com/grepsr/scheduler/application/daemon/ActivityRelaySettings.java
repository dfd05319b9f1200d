package com.grepsr.scheduler.application.daemon;

import com.grepsr.scheduler.application.retry.Backoff;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the {@link ActivityRelayDaemon}.
 *
 * @param batchSize         most events read from the outbox and published at once
 * @param maxBatchesPerTick most batches per tick, so one tick of a large backlog stays bounded
 * @param idleDelay         how long to sleep once the outbox is drained
 * @param initialBackoff    the wait after the first failure; it doubles with each further one
 * @param maxBackoff        the longest wait between attempts during an outage
 * @param jitter            fraction in [0, 1] by which a back-off is randomly shortened, so replicas
 *                          spread their retries instead of retrying in step
 */
public record ActivityRelaySettings(int batchSize, int maxBatchesPerTick, Duration idleDelay,
                                    Duration initialBackoff, Duration maxBackoff, double jitter) {

    public static final ActivityRelaySettings DEFAULTS = new ActivityRelaySettings(100, 50, Duration.ofSeconds(1),
            Duration.ofMillis(200), Duration.ofMinutes(1), 0.2);

    public ActivityRelaySettings {
        if (batchSize < 1 || batchSize > 1_000 || maxBatchesPerTick < 1) {
            throw new IllegalArgumentException("batch size must be 1..1000 and batches per tick positive");
        }
        Objects.requireNonNull(idleDelay, "idleDelay");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (idleDelay.isNegative() || initialBackoff.isNegative() || initialBackoff.isZero()
                || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("delays must be positive and the max back-off at least the initial one");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be within [0, 1], was " + jitter);
        }
    }

    public ActivityRelaySettings withBatchSize(int size) {
        return new ActivityRelaySettings(size, maxBatchesPerTick, idleDelay, initialBackoff, maxBackoff, jitter);
    }

    public ActivityRelaySettings withBackoff(Duration initial, Duration max, double jitterFraction) {
        return new ActivityRelaySettings(batchSize, maxBatchesPerTick, idleDelay, initial, max, jitterFraction);
    }

    /** The relay's pause after failures in a row: doubling from the initial back-off, jittered. */
    public Backoff backoff() {
        return new Backoff(initialBackoff, maxBackoff, 2, jitter);
    }
}
