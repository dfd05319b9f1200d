package com.grepsr.scheduler.domain.recurrence.rrule;

import com.grepsr.scheduler.domain.recurrence.LocalSequence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * A parsed RFC 5545 RRULE: the wall-clock sequence it generates from DTSTART, plus its COUNT and
 * UNTIL, which the engine applies as bounds.
 *
 * @param text     the rule as normalised text (no {@code RRULE:} prefix)
 * @param sequence matching wall-clock times at or after DTSTART
 * @param until    the last instant allowed (UNTIL), or null
 * @param count    the most occurrences (COUNT), or null
 */
public record RRule(String text, LocalSequence sequence, Instant until, Integer count) {

    /**
     * Parses a rule with its DTSTART in {@code zone}.
     *
     * @throws IllegalArgumentException saying what is wrong, with a valid example
     */
    public static RRule parse(String rrule, LocalDateTime start, ZoneId zone) {
        throw new UnsupportedOperationException("TODO: RRULE parser");
    }
}
