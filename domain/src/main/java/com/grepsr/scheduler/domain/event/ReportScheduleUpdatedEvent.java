package com.grepsr.scheduler.domain.event;

import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.schedule.ScheduleId;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** A schedule's name, timing, parameters or policies changed. */
public record ReportScheduleUpdatedEvent(EventId id, ScheduleId scheduleId, ReportRef report, String actor, Instant occurredAt,
        Map<String, String> details) implements ActivityEvent {

    public ReportScheduleUpdatedEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(occurredAt, "occurredAt");
        actor = actor == null || actor.isBlank() ? ActivityEvents.SCHEDULER : actor;
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
