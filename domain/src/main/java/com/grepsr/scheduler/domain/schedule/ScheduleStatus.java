package com.grepsr.scheduler.domain.schedule;

/**
 * Where a schedule is in its life: ACTIVE ⇄ PAUSED, either → DELETED, and ACTIVE → COMPLETED when
 * a one-time or bounded recurrence has nothing left to fire. DELETED and COMPLETED are final
 * (a COMPLETED schedule may still be deleted).
 */
public enum ScheduleStatus {
    ACTIVE, PAUSED, COMPLETED, DELETED;

    /** Whether the lifecycle allows moving from this status to {@code next}. */
    public boolean canMoveTo(ScheduleStatus next) {
        return switch (this) {
            case ACTIVE -> next == PAUSED || next == DELETED || next == COMPLETED;
            case PAUSED -> next == ACTIVE || next == DELETED;
            case COMPLETED -> next == DELETED;
            case DELETED -> false;
        };
    }
}
