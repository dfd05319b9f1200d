package com.grepsr.scheduler.domain.run;

/** A materialized occurrence: PENDING until it is dispatched, missed, skipped or cancelled. */
public enum RunStatus {
    PENDING, DISPATCHED, MISSED, SKIPPED, CANCELLED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
