package com.grepsr.scheduler.application.model;

import com.grepsr.scheduler.domain.error.ValidationException;

import java.time.Duration;
import java.time.Instant;

/**
 * A closed time range [from, to] a query asks about, bounded so a query cannot make a store scan
 * all of history. Validates itself with the request's field names {@code from} and {@code to}.
 */
public record TimeWindow(Instant from, Instant to) {

    /** The widest window a query may ask for: three months and a bit (any quarter fits). */
    public static final Duration MAX_SPAN = Duration.ofDays(93);

    public TimeWindow {
        if (from == null) {
            throw ValidationException.of("from", "is required");
        }
        if (to == null) {
            throw ValidationException.of("to", "is required");
        }
        if (to.isBefore(from)) {
            throw ValidationException.of("to", "must not be before from (" + from + "), was " + to);
        }
        if (Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
            throw ValidationException.of("to", "the window may span at most " + MAX_SPAN.toDays() + " days");
        }
    }

    public static TimeWindow of(Instant from, Instant to) {
        return new TimeWindow(from, to);
    }
}
