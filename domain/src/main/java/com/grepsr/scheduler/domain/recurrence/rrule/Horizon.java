package com.grepsr.scheduler.domain.recurrence.rrule;

import java.time.LocalDate;
import java.time.ZoneOffset;

/** The end of the searchable calendar: the engine supports years 0001–9999, so no search goes past them. */
final class Horizon {

    static final long SECONDS_PER_DAY = 86_400L;
    /** Epoch day of 10000-01-01. */
    static final long END_DAY = LocalDate.of(10_000, 1, 1).toEpochDay();
    /** Local epoch second of 10000-01-01T00:00. */
    static final long END_LOCAL = LocalDate.of(10_000, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);

    private Horizon() {
    }
}
