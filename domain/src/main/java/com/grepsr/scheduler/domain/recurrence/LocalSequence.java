package com.grepsr.scheduler.domain.recurrence;

/**
 * A strictly increasing sequence of wall-clock times, before any time zone is applied.
 *
 * <p>Times are <em>local epoch seconds</em>: seconds since 1970-01-01T00:00 on the wall clock
 * (the value {@code LocalDateTime.toEpochSecond(ZoneOffset.UTC)} gives). Working on a primitive
 * keeps the hot path free of {@code ZonedDateTime} churn; the engine turns local seconds into
 * instants under a {@link DstPolicy}. Public so that the cron and RRULE packages can implement
 * it; applications use {@link Recurrence}.
 */
public interface LocalSequence {

    /** Returned by {@link #nextLocal(long)} when the sequence has no further element. */
    long NONE = Long.MIN_VALUE;

    /**
     * The first element strictly greater than {@code afterLocal}, or {@link #NONE}.
     * Must never skip an element: no element lies between {@code afterLocal} and the answer.
     */
    long nextLocal(long afterLocal);
}
