package com.grepsr.scheduler.adapters.sql;

import org.jooq.impl.AbstractConverter;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Maps the zone-less {@code TIMESTAMP(6)} / {@code DATETIME(6)} columns named {@code *_at} and
 * {@code *_until} to instants: the columns hold UTC. Binding a {@link LocalDateTime} is never
 * shifted by a driver or a session time zone, on any of the three vendors. Instants are cut to
 * microseconds here, not rounded by the database, so what a store returns is exactly what a
 * later read of the same row returns.
 */
public final class UtcInstantConverter extends AbstractConverter<LocalDateTime, Instant> {

    public UtcInstantConverter() {
        super(LocalDateTime.class, Instant.class);
    }

    @Override
    public Instant from(LocalDateTime stored) {
        return stored == null ? null : stored.toInstant(ZoneOffset.UTC);
    }

    @Override
    public LocalDateTime to(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    /** An instant as it reads back from storage (microsecond precision). */
    public static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
