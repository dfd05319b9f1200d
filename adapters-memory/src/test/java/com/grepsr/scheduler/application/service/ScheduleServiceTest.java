package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.adapters.memory.StaticCrawlerCatalog;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.ScheduleFilter;
import com.grepsr.scheduler.application.model.TimingInput;
import com.grepsr.scheduler.application.port.in.ScheduleUseCase;
import com.grepsr.scheduler.application.port.in.ScheduleUseCase.Command;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.error.AccessDeniedException;
import com.grepsr.scheduler.domain.event.ReportScheduleCreatedEvent;
import com.grepsr.scheduler.domain.schedule.MisfirePolicy;
import com.grepsr.scheduler.domain.schedule.OverlapPolicy;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleForm;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.grepsr.scheduler.application.service.ScheduleUseCaseFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleServiceTest {

    private final ScheduleUseCaseFixture f = new ScheduleUseCaseFixture();

    @Test
    void creates_an_active_schedule_at_version_1_and_shows_its_next_fire_times() {
        ScheduleUseCase.Result result = f.create().execute(ALICE, Command.of("Nightly", acmeReport("r1"), hourly()));

        Schedule s = result.schedule();
        assertThat(s.status()).isEqualTo(ScheduleStatus.ACTIVE);
        assertThat(s.version()).isEqualTo(1);
        assertThat(s.name()).isEqualTo("Nightly");
        assertThat(s.createdAt()).isEqualTo(T0);
        assertThat(f.stored(s)).isEqualTo(s);
        assertThat(result.nextFireTimes()).containsExactly(Instant.parse("2026-03-02T11:00:00Z"),
                Instant.parse("2026-03-02T12:00:00Z"), Instant.parse("2026-03-02T13:00:00Z"),
                Instant.parse("2026-03-02T14:00:00Z"), Instant.parse("2026-03-02T15:00:00Z"));
    }

    @Test
    void emits_one_created_event_by_the_caller() {
        Schedule s = f.create().execute(ALICE, Command.of("Nightly", acmeReport("r1"), hourly())).schedule();

        assertThat(f.events()).singleElement().isInstanceOfSatisfying(ReportScheduleCreatedEvent.class, e -> {
            assertThat(e.scheduleId()).isEqualTo(s.id());
            assertThat(e.actor()).isEqualTo("alice");
            assertThat(e.occurredAt()).isEqualTo(T0);
            assertThat(e.report()).isEqualTo(acmeReport("r1"));
        });
    }

    @Test
    void keeps_parameters_policies_and_task_timeout() {
        Command command = new Command("With options", acmeReport("r1"), hourly(),
                Parameters.of(Map.of("category", "shoes")), MisfirePolicy.fireAllWithin(Duration.ofHours(2)),
                OverlapPolicy.SKIP, Optional.of(Duration.ofMinutes(30)));

        Schedule s = f.create().execute(ALICE, command).schedule();

        assertThat(s.details().parameters().values()).containsEntry("category", "shoes");
        assertThat(s.details().misfire()).isEqualTo(MisfirePolicy.fireAllWithin(Duration.ofHours(2)));
        assertThat(s.details().overlap()).isEqualTo(OverlapPolicy.SKIP);
        assertThat(s.details().taskTimeout()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void accepts_the_platforms_form_in_the_users_zone() {
        // New York is on EST (UTC-5) on 2026-03-05, before its 2026-03-08 spring-forward
        ScheduleForm once = new ScheduleForm(LocalDateTime.parse("2026-03-05T09:00:00"), ScheduleForm.Repeat.NEVER,
                0, null, null, null);

        ScheduleUseCase.Result result = f.create().execute(ALICE,
                Command.of("From the form", acmeReport("r1"), TimingInput.ofForm(once, "America/New_York")));

        assertThat(result.nextFireTimes()).containsExactly(Instant.parse("2026-03-05T14:00:00Z"));
        assertThat(result.schedule().timing().zone().getId()).isEqualTo("America/New_York");
    }

    @Test
    void an_admin_may_create_for_any_account() {
        Schedule s = f.create().execute(ADMIN, Command.of("ops", globexReport("g1"), hourly())).schedule();

        assertThat(s.report().accountId()).isEqualTo(GLOBEX);
        assertThat(f.events()).singleElement().extracting(e -> e.actor()).isEqualTo("root");
    }

    @Test
    void refuses_a_report_of_another_account_and_writes_nothing() {
        assertThatThrownBy(() -> f.create().execute(BOB, Command.of("x", acmeReport("r1"), hourly())))
                .isInstanceOf(AccessDeniedException.class);

        assertNothingWritten();
    }

    @Test
    void refuses_an_unknown_zone_on_timing_zone_and_writes_nothing() {
        assertViolation(() -> f.create().execute(ALICE, Command.of("x", acmeReport("r1"),
                TimingInput.of(new RecurrenceSpec.FixedInterval(Duration.ofHours(1)), "Mars/Olympus_Mons",
                        LocalDateTime.parse("2026-03-02T11:00:00")))), "timing.zone");

        assertNothingWritten();
    }

    @Test
    void refuses_a_missing_or_absurd_zone() {
        RecurrenceSpec spec = new RecurrenceSpec.OneTime(LocalDateTime.parse("2026-03-05T09:00:00"));
        assertViolation(() -> TimingInput.of(spec, null, null), "timing.zone");
        assertViolation(() -> TimingInput.of(spec, "  ", null), "timing.zone");
        assertViolation(() -> TimingInput.of(spec, "Europe/" + "x".repeat(10_000), null), "timing.zone");
    }

    @Test
    void refuses_timing_with_neither_or_both_of_recurrence_and_form() {
        ScheduleForm form = new ScheduleForm(LocalDateTime.parse("2026-03-05T09:00:00"), ScheduleForm.Repeat.NEVER,
                0, null, null, null);
        RecurrenceSpec spec = new RecurrenceSpec.OneTime(LocalDateTime.parse("2026-03-05T09:00:00"));

        assertViolation(() -> new TimingInput(null, LONDON, null, null, null, null, null, null), "timing.recurrence");
        assertViolation(() -> new TimingInput(spec, LONDON, null, null, null, null, null, form), "timing.form");
        assertViolation(() -> new TimingInput(null, LONDON, LocalDateTime.parse("2026-03-05T09:00:00"), null, null,
                null, null, form), "timing.start");
        assertViolation(() -> new TimingInput(null, LONDON, null, null, 3, null, null, form), "timing.max_runs");
        assertViolation(() -> new TimingInput(null, LONDON, null, null, null, Set.of(LocalDate.parse("2026-03-06")),
                null, form), "timing.excluded_dates");
    }

    @Test
    void refuses_bad_timing_fields_each_on_its_own_field() {
        LocalDateTime start = LocalDateTime.parse("2026-03-02T11:00:00");
        RecurrenceSpec hourly = new RecurrenceSpec.FixedInterval(Duration.ofHours(1));

        assertViolation(() -> Command.of("x", acmeReport("r1"), TimingInput.of(hourly, LONDON, null)), "timing.start");
        assertViolation(() -> Command.of("x", acmeReport("r1"), new TimingInput(hourly, LONDON, start,
                start.minusDays(1), null, null, null, null)), "timing.end");
        assertViolation(() -> Command.of("x", acmeReport("r1"), every(Duration.ZERO)), "timing.recurrence");
        assertViolation(() -> Command.of("x", acmeReport("r1"), new TimingInput(hourly, LONDON, start, null, 0,
                null, null, null)), "timing.max_runs");
    }

    @Test
    void refuses_bad_command_fields_each_on_its_own_field() {
        assertViolation(() -> Command.of("x".repeat(Schedule.MAX_NAME_LENGTH + 1), acmeReport("r1"), hourly()), "name");
        assertViolation(() -> Command.of("x", null, hourly()), "report");
        assertViolation(() -> Command.of("x", acmeReport("r1"), null), "timing");
        assertViolation(() -> new Command("x", acmeReport("r1"), hourly(), null, null, null,
                Optional.of(Duration.ofDays(30))), "task_timeout");
        assertViolation(() -> new Command("x", acmeReport("r1"), hourly(), Parameters.of(Map.of("1bad", "v")),
                null, null, Optional.empty()), "parameters");
    }

    @Test
    void refuses_a_timing_that_never_fires_again_and_writes_nothing() {
        assertViolation(() -> f.create().execute(ALICE, Command.of("too late", acmeReport("r1"),
                onceAt("2026-03-01T09:00:00"))), "timing");

        assertNothingWritten();
    }

    @Test
    void refuses_a_service_code_no_crawler_is_configured_for() {
        ScheduleService strict = new ScheduleService(f.adapters.schedules, f.adapters.outbox,
                StaticCrawlerCatalog.strict(), f.adapters.ids, f.requests(), f.clock);

        assertViolation(() -> strict.execute(ALICE, Command.of("x", acmeReport("r1"), hourly())), "service_code");
        assertNothingWritten();
    }

    @Test
    void a_failure_after_the_event_was_appended_leaves_neither_schedule_nor_event() {
        ScheduleService failing = f.create(f.outboxFailingAfterAppend());

        assertThatThrownBy(() -> failing.execute(ALICE, Command.of("x", acmeReport("r1"), hourly())))
                .isInstanceOf(IllegalStateException.class);

        assertNothingWritten();
    }

    private void assertNothingWritten() {
        assertThat(f.adapters.schedules.list(ScheduleFilter.all(), PageRequest.first(10)).items()).isEmpty();
        assertThat(f.events()).isEmpty();
    }
}
