package com.grepsr.scheduler.application.model;

import com.grepsr.scheduler.domain.error.ValidationException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Bounds on times a client sends: the years 0001-9999, which every store and the recurrence
 * engine can hold. Without it {@code Instant.MAX} plus a window overflows, and a database
 * refuses (or silently wraps) what a timestamp column cannot store.
 */
public final class ClientTimes {

    public static final Instant MIN = Instant.parse("0001-01-02T00:00:00Z");
    public static final Instant MAX = Instant.parse("9999-12-30T00:00:00Z");
    private static final LocalDateTime MIN_LOCAL = LocalDateTime.parse("0001-01-02T00:00:00");
    private static final LocalDateTime MAX_LOCAL = LocalDateTime.parse("9999-12-30T00:00:00");

    private ClientTimes() {
    }

    public static Instant require(String field, Instant t) {
        if (t != null && (t.isBefore(MIN) || t.isAfter(MAX))) {
            throw outside(field, t);
        }
        return t;
    }

    public static Optional<Instant> require(String field, Optional<Instant> t) {
        t.ifPresent(x -> require(field, x));
        return t;
    }

    public static LocalDateTime require(String field, LocalDateTime t) {
        if (t != null && (t.isBefore(MIN_LOCAL) || t.isAfter(MAX_LOCAL))) {
            throw outside(field, t);
        }
        return t;
    }

    public static LocalDate require(String field, LocalDate d) {
        return d == null ? null : require(field, d.atStartOfDay()).toLocalDate();
    }

    private static ValidationException outside(String field, Object t) {
        return ValidationException.of(field, "must be within the years 0001-9999, was " + t);
    }
}
