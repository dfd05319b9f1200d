package com.grepsr.scheduler.domain.event;

import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.schedule.ScheduleId;

import java.time.Instant;
import java.util.Map;

/**
 * A schedule lifecycle change for the platform's activity feed. Written to the outbox in the
 * same transaction as the change and relayed exactly once (its {@link #id()} is the idempotency
 * key).
 */
public sealed interface ActivityEvent
        permits ReportScheduleCreatedEvent, ReportScheduleStoppedEvent, ReportScheduleDeletedEvent,
                ReportScheduleUnpausedEvent, ReportScheduleUpdatedEvent, ScheduledRunMissedEvent {

    EventId id();

    ScheduleId scheduleId();

    ReportRef report();

    /** Who made the change: a user or token name, or {@code scheduler} for automatic changes. */
    String actor();

    Instant occurredAt();

    /** What changed, as small key/values (e.g. the new recurrence, the resume instant). */
    Map<String, String> details();

    /** The feed's type name, e.g. {@code ReportScheduleCreatedEvent}. */
    default String type() {
        return getClass().getSimpleName();
    }
}
