package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import com.grepsr.scheduler.domain.event.ActivityEvents;
import com.grepsr.scheduler.domain.event.EventId;
import com.grepsr.scheduler.domain.recurrence.DstPolicy;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.MisfirePolicy;
import com.grepsr.scheduler.domain.schedule.OverlapPolicy;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleDetails;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleTiming;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskOrigin;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/** Small builders for the SQL store tests; every value is pinned so a failure reproduces. */
final class Fixtures {

    /** A Tuesday morning in London, GMT (no DST transition near it). */
    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    private Fixtures() {
    }

    static ReportRef report(String account) {
        return ReportRef.of("report-1", "project-1", account, "amazon-products");
    }

    /** Hourly from T0 in London, with every optional part of the timing and details set. */
    static Schedule hourlySchedule(String id, String account) {
        ScheduleTiming timing = new ScheduleTiming(new RecurrenceSpec.FixedInterval(Duration.ofHours(1)),
                ZoneId.of("Europe/London"), LocalDateTime.of(2026, 12, 1, 9, 0),
                LocalDateTime.of(2027, 6, 30, 18, 0, 0, 123_456_000), 500,
                Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)),
                new DstPolicy(DstPolicy.Gap.SKIP, DstPolicy.Overlap.BOTH));
        ScheduleDetails details = new ScheduleDetails(timing,
                Parameters.of(Map.of("category", "shoes & socks", "region", "eu=west", "empty", "")),
                MisfirePolicy.fireAllWithin(Duration.ofMinutes(90)), OverlapPolicy.QUEUE_ONE, Duration.ofHours(2));
        return Schedule.create(ScheduleId.of(id), "Nightly prices, ünïcode", report(account), details, T0);
    }

    static Schedule oneTimeSchedule(String id, String account) {
        ScheduleTiming timing = ScheduleTiming.of(new RecurrenceSpec.OneTime(LocalDateTime.of(2026, 12, 24, 18, 30)),
                ZoneId.of("America/New_York"), null);
        return Schedule.create(ScheduleId.of(id), "Once", report(account), ScheduleDetails.of(timing), T0);
    }

    static ScheduledRun run(String id, String schedule, Instant fireAt) {
        return ScheduledRun.pending(ScheduledRunId.of(id), ScheduleId.of(schedule), report("acct-1"), fireAt, T0);
    }

    static Task manualTask(String id, String account, Instant createdAt) {
        return Task.queue(TaskId.of(id), TaskOrigin.manual(report(account), null, Parameters.NONE, null), createdAt);
    }

    static ActivityEvent createdEvent(String eventId, Schedule s) {
        return ActivityEvents.created(EventId.of(eventId), s, "alice@example.com", T0);
    }
}
