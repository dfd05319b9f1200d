package com.grepsr.scheduler.domain.event;

import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.Schedule;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the activity event for each schedule change, with the details the feed shows. */
public final class ActivityEvents {

    /** The actor of changes the scheduler makes by itself (auto-resume, missed runs). */
    public static final String SCHEDULER = "scheduler";

    private ActivityEvents() {
    }

    public static ReportScheduleCreatedEvent created(EventId id, Schedule s, String actor, Instant now) {
        return new ReportScheduleCreatedEvent(id, s.id(), s.report(), actor, now, describe(s));
    }

    public static ReportScheduleStoppedEvent stopped(EventId id, Schedule s, String actor, Instant now) {
        Map<String, String> details = describe(s);
        s.pausedUntil().ifPresent(until -> details.put("paused_until", until.toString()));
        return new ReportScheduleStoppedEvent(id, s.id(), s.report(), actor, now, details);
    }

    public static ReportScheduleDeletedEvent deleted(EventId id, Schedule s, String actor, Instant now) {
        return new ReportScheduleDeletedEvent(id, s.id(), s.report(), actor, now, describe(s));
    }

    public static ReportScheduleUnpausedEvent unpaused(EventId id, Schedule s, String actor, Instant now) {
        return new ReportScheduleUnpausedEvent(id, s.id(), s.report(), actor, now, describe(s));
    }

    public static ReportScheduleUpdatedEvent updated(EventId id, Schedule s, String actor, Instant now) {
        return new ReportScheduleUpdatedEvent(id, s.id(), s.report(), actor, now, describe(s));
    }

    public static ScheduledRunMissedEvent missed(EventId id, ScheduledRun run, Instant now) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("scheduled_run_id", run.id().value());
        details.put("fire_at", run.fireAt().toString());
        details.put("cause", String.valueOf(run.missCause()));
        return new ScheduledRunMissedEvent(id, run.scheduleId(), run.report(), SCHEDULER, now, details);
    }

    private static Map<String, String> describe(Schedule s) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("name", s.name());
        details.put("status", s.status().name());
        details.put("recurrence", s.timing().spec().toString());
        details.put("zone", s.timing().zone().getId());
        details.put("version", Long.toString(s.version()));
        return details;
    }
}
