package com.grepsr.scheduler.adapters.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A ring of 60 one-minute buckets: constant memory however many runs launch, so the overview
 * reads the last hour without a store query.
 */
public final class DispatchRecorder implements DispatchMeters {

    private static final int MINUTES = 60;

    private final Clock clock;
    private final long[] minute = new long[MINUTES];
    private final long[] launched = new long[MINUTES];
    private final long[] lagNanos = new long[MINUTES];
    private final long[] maxLagNanos = new long[MINUTES];

    public DispatchRecorder(Clock clock) {
        this.clock = clock;
    }

    /** A run was launched {@code lag} after it came due. */
    public synchronized void launched(Duration lag) {
        long m = currentMinute();
        int i = (int) Math.floorMod(m, (long) MINUTES);
        if (minute[i] != m) { // the bucket still holds an hour-old minute
            minute[i] = m;
            launched[i] = 0;
            lagNanos[i] = 0;
            maxLagNanos[i] = 0;
        }
        long nanos = Math.max(0, lag.toNanos());
        launched[i]++;
        lagNanos[i] += nanos;
        maxLagNanos[i] = Math.max(maxLagNanos[i], nanos);
    }

    @Override
    public synchronized List<Minute> lastHour() {
        long now = currentMinute();
        List<Minute> out = new ArrayList<>(MINUTES);
        for (long m = now - MINUTES + 1; m <= now; m++) {
            int i = (int) Math.floorMod(m, (long) MINUTES);
            Instant start = Instant.EPOCH.plus(m, ChronoUnit.MINUTES);
            if (minute[i] == m && launched[i] > 0) {
                out.add(new Minute(start, launched[i], Duration.ofNanos(lagNanos[i] / launched[i]),
                        Duration.ofNanos(maxLagNanos[i])));
            } else {
                out.add(new Minute(start, 0, Duration.ZERO, Duration.ZERO));
            }
        }
        return out;
    }

    private long currentMinute() {
        return clock.instant().getEpochSecond() / 60;
    }
}
