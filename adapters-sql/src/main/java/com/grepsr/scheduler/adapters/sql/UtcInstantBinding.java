package com.grepsr.scheduler.adapters.sql;

import java.time.Instant;

/** The {@code *_at} / {@code *_until} columns: UTC instants (see {@link UtcInstantConverter}). */
public final class UtcInstantBinding extends JavaTimeBinding<Instant> {

    public UtcInstantBinding() {
        super(new UtcInstantConverter());
    }
}
