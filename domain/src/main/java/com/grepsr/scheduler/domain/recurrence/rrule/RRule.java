package com.grepsr.scheduler.domain.recurrence.rrule;

import com.grepsr.scheduler.domain.recurrence.LocalSequence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;

/**
 * A parsed RFC 5545 RRULE: the wall-clock sequence it generates from DTSTART, plus its COUNT and
 * UNTIL, which the engine applies as bounds.
 *
 * <p>Semantics follow RFC 5545 §3.3.10: BYxxx parts expand or limit by FREQ as its table says,
 * BYSETPOS selects within each period, parts the rule leaves out come from DTSTART, and invalid
 * dates (30 February) are skipped. DTSTART itself is an occurrence only when it matches the rule,
 * and nothing before it is produced. Nonexistent and ambiguous local times are the engine's
 * business ({@link com.grepsr.scheduler.domain.recurrence.DstPolicy}), not the rule's.
 *
 * @param text     the rule as normalised text (no {@code RRULE:} prefix)
 * @param sequence matching wall-clock times at or after DTSTART
 * @param until    the last instant allowed (UNTIL), or null
 * @param count    the most occurrences (COUNT), or null
 */
public record RRule(String text, LocalSequence sequence, Instant until, Integer count) {

    /**
     * Parses a rule with its DTSTART in {@code zone}. DTSTART is taken to the whole second.
     *
     * @throws IllegalArgumentException saying what is wrong, with a valid example
     */
    public static RRule parse(String rrule, LocalDateTime start, ZoneId zone) {
        if (start == null || zone == null) {
            throw new IllegalArgumentException("an RRULE needs a start (DTSTART) and a zone, e.g. 2026-12-01T09:00"
                    + " in Europe/London");
        }
        RuleParts parts = RRuleParser.parse(rrule);
        if (start.getYear() < 1 || start.getYear() > 9999) {
            throw new IllegalArgumentException("an RRULE's start (DTSTART) must be in the years 0001-9999, was "
                    + start);
        }
        LocalDateTime dtstart = start.truncatedTo(ChronoUnit.SECONDS);
        LocalSequence sequence = parts.freq().isSubDaily()
                ? new ClockSequence(parts, dtstart) : new CalendarSequence(parts, dtstart);
        Instant until = parts.until() == null ? null : parts.until().resolve(zone);
        if (until != null && until.isBefore(firstInstant(dtstart, zone))) {
            throw RuleErrors.invalid(rrule, "UNTIL " + until + " is before the start " + dtstart + " in " + zone,
                    "UNTIL");
        }
        return new RRule(parts.text(), sequence, until, parts.count());
    }

    /** Where the engine places DTSTART: a time in a spring-forward gap moves to the gap's end. */
    private static Instant firstInstant(LocalDateTime start, ZoneId zone) {
        ZoneOffsetTransition gap = zone.getRules().getTransition(start);
        return gap != null && gap.isGap() ? gap.getInstant() : start.atZone(zone).toInstant();
    }
}
