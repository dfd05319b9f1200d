package com.grepsr.scheduler.domain.event;

import com.grepsr.scheduler.domain.run.MissCause;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.schedule.MisfirePolicy;
import com.grepsr.scheduler.domain.schedule.OverlapPolicy;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.ScheduleDetails;
import com.grepsr.scheduler.domain.schedule.ScheduleTiming;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import static com.grepsr.scheduler.domain.DomainFixtures.NOW;
import static com.grepsr.scheduler.domain.DomainFixtures.anyReport;
import static com.grepsr.scheduler.domain.DomainFixtures.anyRunId;
import static com.grepsr.scheduler.domain.DomainFixtures.anyScheduleId;
import static com.grepsr.scheduler.domain.DomainFixtures.everyHourSchedule;
import static com.grepsr.scheduler.domain.DomainFixtures.hoursFromNow;
import static com.grepsr.scheduler.domain.DomainFixtures.runIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActivityEventsTest {

    private static final EventId EVENT = EventId.of("evt-0001");
    private static final String USER = "alice@example.com";

    @Test
    void a_created_schedule_is_a_report_schedule_created_event() {
        Schedule schedule = everyHourSchedule();

        ActivityEvent event = ActivityEvents.created(EVENT, schedule, USER, NOW);

        assertThat(event).isInstanceOf(ReportScheduleCreatedEvent.class);
        assertThat(event.type()).isEqualTo("ReportScheduleCreatedEvent");
        assertIdentifies(event, USER);
        assertThat(event.details()).containsEntry("name", "hourly prices").containsEntry("status", "ACTIVE")
                .containsEntry("zone", "Europe/London").containsEntry("version", "1")
                .containsEntry("every", "1h").containsEntry("start", "2026-12-01 09:00")
                .containsEntry("misfire", "fire once now").containsEntry("overlap", "allow");
    }

    @Test
    void details_are_plain_values_a_person_reads_never_a_java_object_s_text() {
        Schedule cron = scheduleWith(new ScheduleDetails(new ScheduleTiming(new RecurrenceSpec.Cron("0 3 * * *"),
                ZoneId.of("Europe/Berlin"), LocalDateTime.of(2026, 12, 1, 0, 0), LocalDateTime.of(2026, 12, 31, 23, 59), 10,
                Set.of(LocalDate.of(2026, 12, 25)), null), Parameters.of(Map.of("region", "us", "category", "x")),
                MisfirePolicy.fireAllWithin(Duration.ofMinutes(90)), OverlapPolicy.QUEUE_ONE, Duration.ofHours(2)));

        Map<String, String> details = ActivityEvents.created(EVENT, cron, USER, NOW).details();

        assertThat(details).containsEntry("cron", "0 3 * * *").containsEntry("zone", "Europe/Berlin")
                .containsEntry("end", "2026-12-31 23:59").containsEntry("max_runs", "10")
                .containsEntry("excluded_dates", "2026-12-25").containsEntry("misfire", "fire all within 1h 30m")
                .containsEntry("overlap", "queue one").containsEntry("task_timeout", "2h")
                .containsEntry("parameters", "category, region");
        assertThat(details.values()).noneMatch(v -> v.contains("[") || v.contains("=") || v.contains("PT"));
        assertThat(ActivityEvents.created(EVENT, scheduleWith(ScheduleDetails.of(ScheduleTiming.of(
                new RecurrenceSpec.RRule("FREQ=WEEKLY;BYDAY=MO"), ZoneId.of("UTC"), LocalDateTime.of(2026, 3, 2, 9, 0)))),
                USER, NOW).details()).containsEntry("rrule", "FREQ=WEEKLY;BYDAY=MO");
        assertThat(ActivityEvents.created(EVENT, scheduleWith(ScheduleDetails.of(ScheduleTiming.of(
                new RecurrenceSpec.OneTime(LocalDateTime.of(2026, 12, 9, 8, 30)), ZoneId.of("UTC"), null))),
                USER, NOW).details()).containsEntry("once_at", "2026-12-09 08:30").doesNotContainKey("start");
    }

    @Test
    void an_update_says_what_changed_from_what_to_what() {
        Schedule before = scheduleWith(ScheduleDetails.of(ScheduleTiming.of(new RecurrenceSpec.Cron("0 4 * * *"),
                ZoneId.of("UTC"), null)));
        Schedule after = before.update("nightly", ScheduleDetails.of(ScheduleTiming.of(
                new RecurrenceSpec.Cron("0 3 * * *"), ZoneId.of("Europe/Berlin"), null)), NOW);

        Map<String, String> details = ActivityEvents.updated(EVENT, before, after, USER, NOW).details();

        assertThat(details).containsEntry("cron", "0 3 * * *").containsEntry("version", "2")
                .containsEntry("changed", "name: hourly prices → nightly; cron: 0 4 * * * → 0 3 * * *; "
                        + "zone: UTC → Europe/Berlin");
    }

    @Test
    void an_update_that_skips_an_occurrence_names_it_in_the_schedule_s_wall_clock() {
        Schedule before = everyHourSchedule();
        Schedule after = before.skipOccurrence(hoursFromNow(1), NOW);

        Map<String, String> details = ActivityEvents.updated(EVENT, before, after, USER, NOW).details();

        assertThat(details).containsEntry("skipped", "2026-12-01 09:00").doesNotContainKey("changed");
    }

    private static Schedule scheduleWith(ScheduleDetails details) {
        return Schedule.create(anyScheduleId(), "hourly prices", anyReport(), details, NOW);
    }

    @Test
    void a_paused_schedule_is_a_report_schedule_stopped_event_with_its_resume_instant() {
        Schedule paused = everyHourSchedule().pause(hoursFromNow(5), NOW);

        ActivityEvent event = ActivityEvents.stopped(EVENT, paused, USER, NOW);

        assertThat(event.type()).isEqualTo("ReportScheduleStoppedEvent");
        assertIdentifies(event, USER);
        assertThat(event.details()).containsEntry("status", "PAUSED").containsEntry("version", "2")
                .containsEntry("paused_until", hoursFromNow(5).toString());
    }

    @Test
    void a_schedule_paused_without_end_has_no_resume_instant_in_its_event() {
        Schedule paused = everyHourSchedule().pause(null, NOW);

        assertThat(ActivityEvents.stopped(EVENT, paused, USER, NOW).details()).doesNotContainKey("paused_until");
    }

    @Test
    void a_deleted_schedule_is_a_report_schedule_deleted_event() {
        Schedule deleted = everyHourSchedule().delete(NOW);

        ActivityEvent event = ActivityEvents.deleted(EVENT, deleted, USER, NOW);

        assertThat(event.type()).isEqualTo("ReportScheduleDeletedEvent");
        assertIdentifies(event, USER);
        assertThat(event.details()).containsEntry("status", "DELETED");
    }

    @Test
    void a_resumed_schedule_is_a_report_schedule_unpaused_event_by_the_scheduler_when_automatic() {
        Schedule resumed = everyHourSchedule().pause(hoursFromNow(1), NOW).unpause(hoursFromNow(1));

        ActivityEvent event = ActivityEvents.unpaused(EVENT, resumed, ActivityEvents.SCHEDULER, hoursFromNow(1));

        assertThat(event.type()).isEqualTo("ReportScheduleUnpausedEvent");
        assertThat(event.actor()).isEqualTo("scheduler");
        assertThat(event.occurredAt()).isEqualTo(hoursFromNow(1));
        assertThat(event.details()).containsEntry("status", "ACTIVE").containsEntry("version", "3");
    }

    @Test
    void an_updated_schedule_is_a_report_schedule_updated_event() {
        Schedule schedule = everyHourSchedule();
        Schedule updated = schedule.update("renamed", schedule.details(), NOW);

        ActivityEvent event = ActivityEvents.updated(EVENT, schedule, updated, USER, NOW);

        assertThat(event.type()).isEqualTo("ReportScheduleUpdatedEvent");
        assertIdentifies(event, USER);
        assertThat(event.details()).containsEntry("name", "renamed").containsEntry("version", "2")
                .containsEntry("changed", "name: hourly prices → renamed");
    }

    @Test
    void a_missed_run_is_a_scheduled_run_missed_event_by_the_scheduler() {
        ScheduledRun missed = runIn(RunStatus.MISSED);

        ActivityEvent event = ActivityEvents.missed(EVENT, missed, NOW);

        assertThat(event.type()).isEqualTo("ScheduledRunMissedEvent");
        assertIdentifies(event, ActivityEvents.SCHEDULER);
        assertThat(event.details()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "scheduled_run_id", anyRunId().value(),
                "fire_at", hoursFromNow(1).toString(),
                "cause", MissCause.SCHEDULER_DOWN.name()));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void an_event_without_an_actor_is_the_scheduler_s(String actor) {
        assertThat(ActivityEvents.created(EVENT, everyHourSchedule(), actor, NOW).actor()).isEqualTo("scheduler");
        assertThat(ActivityEvents.stopped(EVENT, everyHourSchedule().pause(null, NOW), actor, NOW).actor())
                .isEqualTo("scheduler");
        assertThat(ActivityEvents.deleted(EVENT, everyHourSchedule(), actor, NOW).actor()).isEqualTo("scheduler");
        assertThat(ActivityEvents.unpaused(EVENT, everyHourSchedule(), actor, NOW).actor()).isEqualTo("scheduler");
        assertThat(ActivityEvents.updated(EVENT, everyHourSchedule(), everyHourSchedule(), actor, NOW).actor()).isEqualTo("scheduler");
    }

    @Test
    void event_details_cannot_be_changed_after_the_fact() {
        ActivityEvent event = ActivityEvents.created(EVENT, everyHourSchedule(), USER, NOW);

        assertThatThrownBy(() -> event.details().put("status", "DELETED"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void an_event_needs_its_ids_and_its_instant() {
        assertThatThrownBy(() -> new ReportScheduleCreatedEvent(null, anyScheduleId(), anyReport(), USER, NOW, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ReportScheduleDeletedEvent(EVENT, anyScheduleId(), anyReport(), USER, null, null))
                .isInstanceOf(NullPointerException.class);
        assertThat(new ReportScheduleDeletedEvent(EVENT, anyScheduleId(), anyReport(), USER, NOW, null).details())
                .isEmpty();
    }

    @Test
    void the_activity_events_are_a_closed_set_with_the_original_four_among_them() {
        assertThat(ActivityEvent.class.getPermittedSubclasses()).containsExactlyInAnyOrder(
                ReportScheduleCreatedEvent.class, ReportScheduleStoppedEvent.class, ReportScheduleDeletedEvent.class,
                ReportScheduleUnpausedEvent.class, ReportScheduleUpdatedEvent.class, ScheduledRunMissedEvent.class);
    }

    private static void assertIdentifies(ActivityEvent event, String actor) {
        assertThat(event.id()).isEqualTo(EVENT);
        assertThat(event.scheduleId()).isEqualTo(anyScheduleId());
        assertThat(event.report()).isEqualTo(anyReport());
        assertThat(event.actor()).isEqualTo(actor);
        assertThat(event.occurredAt()).isEqualTo(NOW);
    }
}
