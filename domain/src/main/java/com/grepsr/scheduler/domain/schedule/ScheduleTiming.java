package com.grepsr.scheduler.domain.schedule;

import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.recurrence.Bounds;
import com.grepsr.scheduler.domain.recurrence.DstPolicy;
import com.grepsr.scheduler.domain.recurrence.Recurrence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.Set;

/**
 * When a schedule fires: its recurrence, zone, wall-clock start and end (both inclusive),
 * maximum number of runs, excluded dates and DST policy. Valid by construction: a bad expression,
 * an end before the start or a missing start where one is needed is a {@link ValidationException}.
 *
 * @param spec          the recurrence as the user wrote it
 * @param zone          the wall clock the schedule follows (never the system default)
 * @param start         first possible run (DTSTART for an RRULE, the anchor of a fixed interval)
 * @param end           last possible run, or null
 * @param maxRuns       at most this many runs from {@code start}, or null
 * @param excludedDates wall-clock dates that never fire
 * @param dst           gap/overlap handling
 */
public record ScheduleTiming(RecurrenceSpec spec, ZoneId zone, LocalDateTime start, LocalDateTime end,
                             Integer maxRuns, Set<LocalDate> excludedDates, DstPolicy dst) {

    public ScheduleTiming {
        if (spec == null) {
            throw ValidationException.of("timing.recurrence", "is required");
        }
        if (zone == null) {
            throw ValidationException.of("timing.zone", "is required (an IANA id such as Europe/London)");
        }
        excludedDates = excludedDates == null ? Set.of() : Set.copyOf(excludedDates);
        dst = dst == null ? DstPolicy.DEFAULT : dst;
        if (start != null && end != null && end.isBefore(start)) {
            throw ValidationException.of("timing.end", "end " + end + " is before start " + start);
        }
        if (start == null && (spec instanceof RecurrenceSpec.RRule || spec instanceof RecurrenceSpec.FixedInterval)) {
            throw ValidationException.of("timing.start", "is required for " + kindOf(spec) + " schedules");
        }
        if (maxRuns != null && start == null && !(spec instanceof RecurrenceSpec.OneTime)) {
            throw ValidationException.of("timing.max_runs", "needs a start to count from");
        }
        // checked here, not only by Bounds, so the violation names the field rather than "timing"
        if (maxRuns != null && (maxRuns < 1 || maxRuns > Bounds.MAX_RUNS)) {
            throw ValidationException.of("timing.max_runs", "must be between 1 and " + Bounds.MAX_RUNS
                    + ", was " + maxRuns);
        }
        if (excludedDates.size() > Bounds.MAX_EXCLUDED_DATES) {
            throw ValidationException.of("timing.excluded_dates", "at most " + Bounds.MAX_EXCLUDED_DATES
                    + " dates, got " + excludedDates.size());
        }
        // build once to validate the expression and the bounds together
        toRecurrence(spec, zone, start, end, maxRuns, excludedDates, dst);
    }

    /** A timing with just a recurrence and a zone. */
    public static ScheduleTiming of(RecurrenceSpec spec, ZoneId zone, LocalDateTime start) {
        return new ScheduleTiming(spec, zone, start, null, null, Set.of(), DstPolicy.DEFAULT);
    }

    /** The engine's view of this timing. Parsing is cheap but not free: callers keep the result. */
    public Recurrence toRecurrence() {
        return toRecurrence(spec, zone, start, end, maxRuns, excludedDates, dst);
    }

    public boolean isOneTime() {
        return spec instanceof RecurrenceSpec.OneTime;
    }

    private static Recurrence toRecurrence(RecurrenceSpec spec, ZoneId zone, LocalDateTime start, LocalDateTime end,
                                           Integer maxRuns, Set<LocalDate> excluded, DstPolicy dst) {
        Recurrence base;
        try {
            if (spec instanceof RecurrenceSpec.OneTime o) {
                base = Recurrence.once(o.at(), zone, dst);
            } else if (spec instanceof RecurrenceSpec.RRule r) {
                base = Recurrence.rrule(r.rule(), start, zone, dst);
            } else if (spec instanceof RecurrenceSpec.Cron c) {
                base = Recurrence.cron(c.expression(), zone, dst);
            } else {
                base = Recurrence.every(((RecurrenceSpec.FixedInterval) spec).every(), earliest(start, zone), zone);
            }
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("timing.recurrence", e.getMessage());
        }
        try {
            Instant startInstant = start == null || spec instanceof RecurrenceSpec.OneTime ? null : earliest(start, zone);
            Bounds bounds = new Bounds(startInstant, end == null ? null : latest(end, zone),
                    startInstant == null ? null : maxRuns, excluded);
            return base.within(bounds);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("timing", e.getMessage());
        }
    }

    /** The first instant at or after a wall-clock time (a time in a gap moves to the gap's end). */
    static Instant earliest(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition t = zone.getRules().getTransition(local);
        if (t != null && t.isGap()) {
            return t.getInstant();
        }
        return local.atZone(zone).withEarlierOffsetAtOverlap().toInstant();
    }

    /** The last instant at or before a wall-clock time. */
    static Instant latest(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition t = zone.getRules().getTransition(local);
        if (t != null && t.isGap()) {
            return t.getInstant().minusSeconds(1);
        }
        return local.atZone(zone).withLaterOffsetAtOverlap().toInstant();
    }

    private static String kindOf(RecurrenceSpec spec) {
        return spec instanceof RecurrenceSpec.RRule ? "RRULE" : "fixed-interval";
    }
}
