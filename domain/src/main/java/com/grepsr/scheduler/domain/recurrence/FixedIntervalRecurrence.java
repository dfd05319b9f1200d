package com.grepsr.scheduler.domain.recurrence;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** Every N seconds of elapsed time from an anchor; daylight saving does not move it. */
final class FixedIntervalRecurrence extends Recurrence {

    /** One occurrence a second is the finest grain the engine keeps. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    /** Longer than this is a calendar schedule in disguise: use an RRULE. */
    static final Duration MAX_INTERVAL = Duration.ofDays(366);

    private final long period;
    private final long anchor;
    private final ZoneId zone;

    FixedIntervalRecurrence(Duration interval, Instant anchor, ZoneId zone) {
        if (interval == null || anchor == null) {
            throw new IllegalArgumentException("a fixed interval needs an interval and an anchor, e.g. PT15M from 2026-12-01T09:00:00Z");
        }
        if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0 || interval.getNano() != 0) {
            throw new IllegalArgumentException("a fixed interval must be whole seconds between " + MIN_INTERVAL
                    + " and " + MAX_INTERVAL + ", was " + interval + "; e.g. PT15M");
        }
        if (anchor.getEpochSecond() < MIN_SUPPORTED || anchor.getEpochSecond() > MAX_SUPPORTED) {
            throw new IllegalArgumentException("anchor " + anchor + " is outside the years 0001-9999");
        }
        this.period = interval.getSeconds();
        this.anchor = anchor.getEpochSecond() + (anchor.getNano() > 0 ? 1 : 0);
        this.zone = zone;
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public String describe() {
        return "every " + Duration.ofSeconds(period) + " from " + Instant.ofEpochSecond(anchor) + " in " + zone.getId();
    }

    @Override
    long nextEpochSecond(long after) {
        if (after < anchor) {
            return anchor;
        }
        return anchor + (Math.floorDiv(after - anchor, period) + 1) * period;
    }
}
