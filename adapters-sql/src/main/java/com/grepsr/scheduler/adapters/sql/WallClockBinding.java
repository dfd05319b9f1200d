package com.grepsr.scheduler.adapters.sql;

import org.jooq.Converter;

import java.time.LocalDateTime;

/** The {@code *_local} columns: wall-clock date-times of a schedule's own zone, stored as given. */
public final class WallClockBinding extends JavaTimeBinding<LocalDateTime> {

    public WallClockBinding() {
        super(Converter.ofNullable(LocalDateTime.class, LocalDateTime.class, t -> t, t -> t));
    }
}
