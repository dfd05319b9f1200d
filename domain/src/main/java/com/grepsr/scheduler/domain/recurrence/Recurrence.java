package com.grepsr.scheduler.domain.recurrence;

import com.grepsr.scheduler.domain.recurrence.cron.CronSequence;
import com.grepsr.scheduler.domain.recurrence.rrule.RRule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When something fires: a one-time local date-time, an RFC 5545 RRULE, a fixed interval or a cron
 * expression, each in a time zone and within optional {@link Bounds}.
 *
 * <p>All forms share one engine: a {@link LocalSequence} of wall-clock times turned into instants
 * by a {@link ZoneTimeline} under a {@link DstPolicy} (the fixed interval counts elapsed time and
 * needs no wall clock). {@link #next(Instant)} is exact: no occurrence lies between its argument
 * and its answer. Instances are immutable and thread-safe; they are usable on their own by any
 * application.
 *
 * <p>Occurrences are whole seconds in the years 0001–9999.
 */
public abstract sealed class Recurrence permits ZonedRecurrence, FixedIntervalRecurrence, BoundedRecurrence {

    /** The internal "no occurrence" answer of {@link #nextEpochSecond(long)}. */
    static final long NONE = LocalSequence.NONE;
    static final long MIN_SUPPORTED = Instant.parse("0001-01-02T00:00:00Z").getEpochSecond();
    static final long MAX_SUPPORTED = Instant.parse("9999-12-30T00:00:00Z").getEpochSecond();
    /** The most occurrences {@link #occurrences(Instant, Instant)} lists before refusing. */
    public static final int MAX_LISTED = 1_000_000;

    Recurrence() {
    }

    // ---- factories -------------------------------------------------------------------------

    /** A cron expression (5, 6 or 7 fields, macros, Quartz extensions) in a zone. */
    public static Recurrence cron(String expression, ZoneId zone) {
        return cron(expression, zone, DstPolicy.DEFAULT);
    }

    /** A cron expression with an explicit daylight-saving policy. */
    public static Recurrence cron(String expression, ZoneId zone, DstPolicy dst) {
        requireZone(zone);
        return new ZonedRecurrence(CronSequence.parse(expression), zone, dst, "cron " + expression.trim());
    }

    /**
     * An RFC 5545 recurrence rule ({@code FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH}, with or without
     * the {@code RRULE:} prefix) whose DTSTART is {@code start} on the wall clock of {@code zone}.
     * COUNT and UNTIL become the recurrence's bounds.
     */
    public static Recurrence rrule(String rrule, LocalDateTime start, ZoneId zone) {
        return rrule(rrule, start, zone, DstPolicy.DEFAULT);
    }

    /** An RFC 5545 recurrence rule with an explicit daylight-saving policy. */
    public static Recurrence rrule(String rrule, LocalDateTime start, ZoneId zone, DstPolicy dst) {
        requireZone(zone);
        if (start == null) {
            throw new IllegalArgumentException("an RRULE needs a start (DTSTART), e.g. 2026-12-01T09:00");
        }
        RRule rule = RRule.parse(rrule, start, zone);
        ZonedRecurrence unbounded = new ZonedRecurrence(rule.sequence(), zone, dst, "rrule " + rule.text());
        long startLocal = start.toEpochSecond(java.time.ZoneOffset.UTC);
        Instant startInstant = Instant.ofEpochSecond(unbounded.timeline().firstInstantAtOrAfter(startLocal));
        Bounds bounds = Bounds.NONE.startingAt(startInstant);
        if (rule.until() != null) {
            bounds = bounds.endingAt(rule.until());
        }
        if (rule.count() != null) {
            bounds = bounds.limitedTo(rule.count());
        }
        return new BoundedRecurrence(unbounded, bounds);
    }

    /** Fires once, at a wall-clock date-time in a zone. */
    public static Recurrence once(LocalDateTime at, ZoneId zone) {
        return once(at, zone, DstPolicy.DEFAULT);
    }

    /** Fires once, with an explicit daylight-saving policy for a nonexistent or ambiguous time. */
    public static Recurrence once(LocalDateTime at, ZoneId zone, DstPolicy dst) {
        requireZone(zone);
        if (at == null) {
            throw new IllegalArgumentException("a one-time recurrence needs a date-time, e.g. 2026-12-01T09:00");
        }
        long local = at.toEpochSecond(java.time.ZoneOffset.UTC);
        LocalSequence single = after -> after < local ? local : LocalSequence.NONE;
        return new ZonedRecurrence(single, zone, dst, "once " + at);
    }

    /**
     * Every {@code interval} of elapsed time from {@code anchor} (which is the first occurrence),
     * regardless of the wall clock. The zone only places excluded dates.
     */
    public static Recurrence every(Duration interval, Instant anchor, ZoneId zone) {
        requireZone(zone);
        return new FixedIntervalRecurrence(interval, anchor, zone);
    }

    private static void requireZone(ZoneId zone) {
        if (zone == null) {
            throw new IllegalArgumentException("a recurrence needs a time zone (an IANA id such as Europe/London)");
        }
    }

    // ---- queries ---------------------------------------------------------------------------

    /** The first occurrence strictly after {@code after}, if there is one. */
    public final Optional<Instant> next(Instant after) {
        Objects.requireNonNull(after, "after");
        long n = nextClamped(after.getEpochSecond());
        return n == NONE ? Optional.empty() : Optional.of(Instant.ofEpochSecond(n));
    }

    /** Up to {@code limit} occurrences strictly after {@code after}, in order. */
    public final List<Instant> upcoming(Instant after, int limit) {
        Objects.requireNonNull(after, "after");
        if (limit < 0 || limit > MAX_LISTED) {
            throw new IllegalArgumentException("limit must be between 0 and " + MAX_LISTED + ", was " + limit);
        }
        List<Instant> out = new ArrayList<>(Math.min(limit, 1024));
        long t = after.getEpochSecond();
        while (out.size() < limit && (t = nextClamped(t)) != NONE) {
            out.add(Instant.ofEpochSecond(t));
        }
        return out;
    }

    /**
     * Every occurrence in {@code (fromExclusive, toInclusive]}, in order; equal to calling
     * {@link #next(Instant)} repeatedly. Refuses windows holding more than {@link #MAX_LISTED}.
     */
    public final List<Instant> occurrences(Instant fromExclusive, Instant toInclusive) {
        Objects.requireNonNull(fromExclusive, "fromExclusive");
        Objects.requireNonNull(toInclusive, "toInclusive");
        List<Instant> out = new ArrayList<>();
        long to = toInclusive.getEpochSecond();
        long t = fromExclusive.getEpochSecond();
        while ((t = nextClamped(t)) != NONE && t <= to) {
            if (out.size() == MAX_LISTED) {
                throw new IllegalArgumentException("more than " + MAX_LISTED + " occurrences between "
                        + fromExclusive + " and " + toInclusive + "; narrow the window or use next()");
            }
            out.add(Instant.ofEpochSecond(t));
        }
        return out;
    }

    /** This recurrence restricted to {@code bounds} (start, end, maximum runs, excluded dates). */
    public Recurrence within(Bounds bounds) {
        Objects.requireNonNull(bounds, "bounds");
        return bounds.equals(Bounds.NONE) ? this : new BoundedRecurrence(this, bounds);
    }

    /** The zone whose wall clock this recurrence follows. */
    public abstract ZoneId zone();

    /** A short human-readable form, e.g. {@code cron 0 9 * * MON in Europe/London}. */
    public abstract String describe();

    @Override
    public final String toString() {
        return describe();
    }

    // ---- engine ----------------------------------------------------------------------------

    private long nextClamped(long after) {
        if (after >= MAX_SUPPORTED) {
            return NONE;
        }
        long n = nextEpochSecond(Math.max(after, MIN_SUPPORTED));
        return n == NONE || n > MAX_SUPPORTED ? NONE : n;
    }

    /** The first occurrence (epoch second) strictly after {@code after}, or {@link #NONE}. */
    abstract long nextEpochSecond(long after);
}
