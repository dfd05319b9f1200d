package com.grepsr.scheduler.application.daemon;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the three daemons.
 *
 * @param horizon         how far ahead the calculator materializes runs (default 3 days)
 * @param refreshMargin   the calculator extends a schedule's runs once they reach less than
 *                        {@code horizon - refreshMargin} ahead, so an idle tick does no work
 * @param maxRunsPerTick  most runs one schedule gets per calculator tick (bounds seconds-level crons)
 * @param claimBatch      most runs one processor tick claims
 * @param claimLease      how long a claim lasts before a dead processor's runs are claimable again
 * @param maxSleep        longest a daemon loop sleeps between ticks
 * @param lostGrace       how long a launch may be unknown to the launcher before its task is LOST
 * @param maxCatchUp      how far back the calculator materializes occurrences after an outage
 * @param requestIdRetention how long a client's request id is remembered (at least
 *                        {@link #MIN_REQUEST_ID_RETENTION}: a client may retry for a day); the
 *                        reconciler forgets older ones
 */
public record DaemonSettings(Duration horizon, Duration refreshMargin, int maxRunsPerTick, int claimBatch,
                             Duration claimLease, Duration maxSleep, Duration lostGrace, Duration maxCatchUp,
                             Duration requestIdRetention) {

    public static final Duration MIN_REQUEST_ID_RETENTION = Duration.ofHours(24);

    public static final DaemonSettings DEFAULTS = new DaemonSettings(Duration.ofDays(3), Duration.ofHours(1), 10_000,
            200, Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofDays(7),
            Duration.ofHours(24));

    public DaemonSettings {
        Objects.requireNonNull(horizon, "horizon");
        if (horizon.isNegative() || horizon.isZero() || horizon.compareTo(Duration.ofDays(31)) > 0) {
            throw new IllegalArgumentException("horizon must be between 1 second and 31 days, was " + horizon);
        }
        if (refreshMargin.isNegative() || refreshMargin.compareTo(horizon) >= 0) {
            throw new IllegalArgumentException("refresh margin must be non-negative and below the horizon");
        }
        if (maxRunsPerTick < 1 || claimBatch < 1) {
            throw new IllegalArgumentException("batch sizes must be positive");
        }
        Objects.requireNonNull(requestIdRetention, "requestIdRetention");
        if (requestIdRetention.compareTo(MIN_REQUEST_ID_RETENTION) < 0) {
            throw new IllegalArgumentException("request id retention must be at least " + MIN_REQUEST_ID_RETENTION
                    + " (a client may retry for a day), was " + requestIdRetention);
        }
    }
}
