package com.grepsr.scheduler.adapters.grpc.mapping;

import com.google.protobuf.Timestamp;
import com.grepsr.scheduler.domain.error.ValidationException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Times between the wire and the domain. A client can send any bits: a Timestamp with nanos of
 * two billion, a Duration whose parts disagree in sign, "yesterday" as a date-time. Each is a
 * {@link ValidationException} on the request's field path here, so the client gets
 * INVALID_ARGUMENT naming the field instead of an exception deep inside the use case.
 */
public final class ProtoTime {

    /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the range google.protobuf.Timestamp defines. */
    static final long MIN_SECONDS = -62_135_596_800L;
    static final long MAX_SECONDS = 253_402_300_799L;
    /** ±10,000 years: the range google.protobuf.Duration defines. */
    static final long MAX_DURATION_SECONDS = 315_576_000_000L;
    private static final int MAX_NANOS = 999_999_999;
    /** Longer than any ISO date-time; keeps a megabyte "date" out of error messages and parsers. */
    private static final int MAX_TEXT = 40;

    private ProtoTime() {
    }

    public static Instant instant(String field, Timestamp t) {
        if (t.getSeconds() < MIN_SECONDS || t.getSeconds() > MAX_SECONDS) {
            throw ValidationException.of(field, "seconds must be within the years 0001-9999, was " + t.getSeconds());
        }
        if (t.getNanos() < 0 || t.getNanos() > MAX_NANOS) {
            throw ValidationException.of(field, "nanos must be between 0 and " + MAX_NANOS + ", was " + t.getNanos());
        }
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    /** Empty when the field is unset (proto3 message presence). */
    public static Optional<Instant> instant(String field, boolean present, Timestamp t) {
        return present ? Optional.of(instant(field, t)) : Optional.empty();
    }

    public static Timestamp timestamp(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    public static Duration duration(String field, com.google.protobuf.Duration d) {
        long s = d.getSeconds();
        int n = d.getNanos();
        if (s < -MAX_DURATION_SECONDS || s > MAX_DURATION_SECONDS) {
            throw ValidationException.of(field, "seconds must be within ±" + MAX_DURATION_SECONDS + ", was " + s);
        }
        if (n < -MAX_NANOS || n > MAX_NANOS) {
            throw ValidationException.of(field, "nanos must be within ±" + MAX_NANOS + ", was " + n);
        }
        if ((s > 0 && n < 0) || (s < 0 && n > 0)) {
            throw ValidationException.of(field, "seconds and nanos must have the same sign");
        }
        return Duration.ofSeconds(s, n);
    }

    public static Optional<Duration> duration(String field, boolean present, com.google.protobuf.Duration d) {
        return present ? Optional.of(duration(field, d)) : Optional.empty();
    }

    public static com.google.protobuf.Duration duration(Duration d) {
        return com.google.protobuf.Duration.newBuilder().setSeconds(d.getSeconds()).setNanos(d.getNano()).build();
    }

    /** A wall-clock date-time such as {@code 2026-12-01T09:00}; null for an empty string. */
    public static LocalDateTime localDateTime(String field, String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(bounded(field, text).strip());
        } catch (DateTimeParseException e) {
            throw ValidationException.of(field, "must be an ISO local date-time such as 2026-12-01T09:00 (no offset; "
                    + "the timing's zone applies), was '" + text + "'");
        }
    }

    /** A date such as {@code 2026-12-24}; null for an empty string. */
    public static LocalDate localDate(String field, String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(bounded(field, text).strip());
        } catch (DateTimeParseException e) {
            throw ValidationException.of(field, "must be an ISO date such as 2026-12-24, was '" + text + "'");
        }
    }

    private static String bounded(String field, String text) {
        if (text.length() > MAX_TEXT) {
            throw ValidationException.of(field, "must be at most " + MAX_TEXT + " characters");
        }
        return text;
    }
}
