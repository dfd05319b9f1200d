package com.grepsr.scheduler.application.contract;

import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import com.grepsr.scheduler.domain.event.EventId;
import com.grepsr.scheduler.domain.event.ReportScheduleCreatedEvent;
import com.grepsr.scheduler.domain.event.ReportScheduleDeletedEvent;
import com.grepsr.scheduler.domain.event.ReportScheduleStoppedEvent;
import com.grepsr.scheduler.domain.event.ReportScheduleUnpausedEvent;
import com.grepsr.scheduler.domain.event.ReportScheduleUpdatedEvent;
import com.grepsr.scheduler.domain.event.ScheduledRunMissedEvent;
import com.grepsr.scheduler.domain.schedule.ScheduleId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Activity events for the publisher and feed contracts and the relay tests, built directly from
 * the records so they need no schedule. Ids count up, so later samples have greater ids.
 */
public final class ActivityEventSamples {

    /** 2026-03-10T09:15:00Z: an ordinary weekday morning, no DST transition near it. */
    public static final Instant T0 = Instant.parse("2026-03-10T09:15:00Z");

    private static final AtomicLong SEQ = new AtomicLong();

    private ActivityEventSamples() {
    }

    /** A fresh event id, greater than every one handed out before. */
    public static EventId anEventId() {
        return EventId.of(String.format("evt-%012d", SEQ.incrementAndGet()));
    }

    /** The report {@code report} of account {@code account} (project and service code fixed). */
    public static ReportRef report(String account, String report) {
        return ReportRef.of(report, "project-1", account, "amazon-products");
    }

    /** A created event of the given report at the given instant. */
    public static ActivityEvent createdAt(ReportRef report, Instant at) {
        return new ReportScheduleCreatedEvent(anEventId(), ScheduleId.of("sched-" + report.reportId().value()), report,
                "alice", at, Map.of("name", "nightly", "status", "ACTIVE"));
    }

    /** {@code n} created events of one report, one second apart from {@code from}, oldest first. */
    public static List<ActivityEvent> createdEvery(ReportRef report, Instant from, int n) {
        List<ActivityEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(createdAt(report, from.plusSeconds(i)));
        }
        return events;
    }

    /** One event of every kind the application emits, oldest first, with awkward details and times. */
    public static List<ActivityEvent> oneOfEachKind(ReportRef report) {
        ScheduleId s = ScheduleId.of("sched-kinds-" + report.reportId().value());
        return List.of(
                new ReportScheduleCreatedEvent(anEventId(), s, report, "alice", T0,
                        Map.of("name", "Nightly ünïcødé run ✓", "rrule", "FREQ=WEEKLY;BYDAY=MO,TH", "start",
                                "2026-03-02 09:00")),
                new ReportScheduleUpdatedEvent(anEventId(), s, report, "alice", T0.plusNanos(1),
                        Map.of("version", "2", "zone", "Asia/Kathmandu", "changed",
                                "cron: 0 4 * * * → 0 3 * * *; zone: UTC → Asia/Kathmandu")),
                // nanosecond and whole-second instants: the feed must keep both exactly
                new ReportScheduleStoppedEvent(anEventId(), s, report, "bob <bob@example.com>",
                        T0.plusSeconds(60).plusNanos(123_456_789), Map.of("paused_until", "2026-03-11T00:00:00Z")),
                new ScheduledRunMissedEvent(anEventId(), s, report, "scheduler", T0.plusSeconds(120),
                        Map.of("fire_at", "2026-03-10T09:16:00Z", "cause", "PAUSED")),
                new ReportScheduleUnpausedEvent(anEventId(), s, report, "scheduler", T0.plusSeconds(180),
                        Map.of()),
                new ReportScheduleDeletedEvent(anEventId(), s, report, "carol", T0.plusSeconds(240),
                        Map.of("name", "line one\nline two", "status", "DELETED")));
    }
}
