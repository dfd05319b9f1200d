package com.grepsr.scheduler.domain.recurrence;

import java.time.LocalDate;
import java.time.ZoneId;

/** A recurrence restricted by {@link Bounds}. */
final class BoundedRecurrence extends Recurrence {

    private static final long SECONDS_PER_DAY = 86_400L;

    private final Recurrence inner;
    private final Bounds bounds;
    private final ZoneTimeline timeline;
    private final long start;
    private final long end;
    /** The instant of the maxRuns-th occurrence once computed; 0 means not yet known. */
    private volatile long lastByCount;
    private volatile boolean lastByCountKnown;

    BoundedRecurrence(Recurrence inner, Bounds bounds) {
        this.inner = inner;
        this.bounds = bounds;
        this.timeline = new ZoneTimeline(inner.zone(), DstPolicy.Gap.SHIFT);
        // occurrences are whole seconds: round the start up and the end down. None exist before
        // MIN_SUPPORTED, so an earlier start (Instant.MIN) counts runs from there; this also keeps
        // the count's search inside the range the zone rules and java.time can represent
        this.start = bounds.start() == null ? MIN_SUPPORTED
                : Math.max(MIN_SUPPORTED, bounds.start().getEpochSecond() + (bounds.start().getNano() > 0 ? 1 : 0));
        this.end = bounds.end() == null ? Long.MAX_VALUE : bounds.end().getEpochSecond();
    }

    @Override
    public ZoneId zone() {
        return inner.zone();
    }

    @Override
    public String describe() {
        return inner.describe() + " within " + bounds;
    }

    @Override
    long nextEpochSecond(long after) {
        long limit = bounds.maxRuns() == null ? end : Math.min(end, lastByCount());
        return nextWithin(after, limit);
    }

    private long nextWithin(long after, long limit) {
        long from = Math.max(after, start - 1);
        while (true) {
            if (from >= MAX_SUPPORTED) {
                // a start beyond the supported years: nothing can follow, and asking the inner
                // recurrence about instants near Instant.MAX would overflow java.time
                return NONE;
            }
            long n = inner.nextEpochSecond(from);
            if (n == NONE || n > limit) {
                return NONE;
            }
            if (!isExcluded(n)) {
                return n;
            }
            from = Math.max(n, startOfNextLocalDay(n) - 1);
        }
    }

    /** maxRuns is an end in disguise: the instant of the last allowed run, found once. */
    private long lastByCount() {
        if (!lastByCountKnown) {
            synchronized (this) {
                if (!lastByCountKnown) {
                    long t = start - 1;
                    long last = start - 1;
                    for (int i = 0; i < bounds.maxRuns(); i++) {
                        long n = nextWithin(t, end);
                        if (n == NONE) {
                            last = Long.MAX_VALUE;
                            break;
                        }
                        last = n;
                        t = n;
                    }
                    lastByCount = last;
                    lastByCountKnown = true;
                }
            }
        }
        return lastByCount;
    }

    private boolean isExcluded(long instant) {
        if (bounds.excludedDates().isEmpty()) {
            return false;
        }
        long day = Math.floorDiv(timeline.toLocal(instant), SECONDS_PER_DAY);
        return bounds.excludedDates().contains(LocalDate.ofEpochDay(day));
    }

    private long startOfNextLocalDay(long instant) {
        long day = Math.floorDiv(timeline.toLocal(instant), SECONDS_PER_DAY);
        return timeline.firstInstantAtOrAfter((day + 1) * SECONDS_PER_DAY);
    }
}
