package com.grepsr.scheduler.domain.event;

import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.Schedule;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the activity event for each schedule change, with the details the feed shows: plain
 * values a person reads (see {@link ScheduleDescription}), never a Java object's text.
 */
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
        s.pausedUntil().ifPresent(until -> details.put("paused_until", ScheduleDescription.instant(until)));
        return new ReportScheduleStoppedEvent(id, s.id(), s.report(), actor, now, details);
    }

    public static ReportScheduleDeletedEvent deleted(EventId id, Schedule s, String actor, Instant now) {
        return new ReportScheduleDeletedEvent(id, s.id(), s.report(), actor, now, describe(s));
    }

    public static ReportScheduleUnpausedEvent unpaused(EventId id, Schedule s, String actor, Instant now) {
        return new ReportScheduleUnpausedEvent(id, s.id(), s.report(), actor, now, describe(s));
    }

    /**
     * The schedule as it is after the update, plus {@code changed} (what changed from what to
     * what, e.g. {@code cron: 0 4 * * * → 0 3 * * *}) and {@code skipped} (occurrences this update
     * skipped), each only when there is something to say.
     */
    public static ReportScheduleUpdatedEvent updated(EventId id, Schedule before, Schedule after, String actor,
                                                     Instant now) {
        Map<String, String> details = describe(after);
        String changed = ScheduleDescription.changes(describe(before), details);
        if (!changed.isEmpty()) {
            details.put("changed", changed);
        }
        String skipped = ScheduleDescription.newSkips(before, after);
        if (!skipped.isEmpty()) {
            details.put("skipped", skipped);
        }
        return new ReportScheduleUpdatedEvent(id, after.id(), after.report(), actor, now, details);
    }

    public static ScheduledRunMissedEvent missed(EventId id, ScheduledRun run, Instant now) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("scheduled_run_id", run.id().value());
        details.put("fire_at", ScheduleDescription.instant(run.fireAt()));
        details.put("cause", String.valueOf(run.missCause()));
        return new ScheduledRunMissedEvent(id, run.scheduleId(), run.report(), SCHEDULER, now, details);
    }

    private static Map<String, String> describe(Schedule s) {
        return ScheduleDescription.of(s);
    }
}
