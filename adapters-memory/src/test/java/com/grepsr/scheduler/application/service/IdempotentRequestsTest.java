package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.adapters.memory.InMemoryScheduler;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.RequestId;
import com.grepsr.scheduler.application.model.ScheduleFilter;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.model.TimingInput;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.port.in.MultiProcessRunUseCase;
import com.grepsr.scheduler.application.port.in.OneTimeRunUseCase;
import com.grepsr.scheduler.application.port.in.OneTimeTestRunUseCase;
import com.grepsr.scheduler.application.port.in.ScheduleUseCase;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.Task;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A request id makes Schedule, OneTimeRun, OneTimeTestRun and MultiProcessRun safe to retry. */
class IdempotentRequestsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Caller ACME = Caller.ofAccount("alice@acme", AccountId.of("acme"));
    private static final Caller ACME_OTHER_USER = Caller.ofAccount("carol@acme", AccountId.of("acme"));
    private static final Caller GLOBEX = Caller.ofAccount("bob@globex", AccountId.of("globex"));
    private static final RequestId ID = new RequestId("3f1c1f0e-8d5a-4d8e-9c1e-2b1f6a7d9e01");

    private final InMemoryScheduler s = InMemoryScheduler.startingAt(T0);

    private static ReportRef report(String account) {
        return ReportRef.of("report-1", "project-1", account, "svc");
    }

    private static ScheduleUseCase.Command hourly(String account, String name) {
        return new ScheduleUseCase.Command(name, report(account), TimingInput.of(
                new RecurrenceSpec.FixedInterval(Duration.ofHours(1)), "UTC", LocalDateTime.parse("2026-12-01T09:00")),
                Parameters.of(Map.of("country", "de")), null, null, Optional.empty(), Optional.of(ID));
    }

    private long schedules() {
        return s.core().ports().schedules().list(ScheduleFilter.all(), PageRequest.first(100)).items().size();
    }

    private long tasks() {
        return s.adapters().tasks.listAll(TaskFilter.none()).size();
    }

    // ---- Schedule ------------------------------------------------------------------------------

    @Test
    void the_same_schedule_request_twice_creates_one_schedule_and_answers_alike() {
        ScheduleUseCase.Result first = s.core().useCases().schedule().execute(ACME, hourly("acme", "nightly"));
        ScheduleUseCase.Result again = s.core().useCases().schedule().execute(ACME, hourly("acme", "nightly"));

        assertThat(again).isEqualTo(first);
        assertThat(schedules()).isEqualTo(1);
        assertThat(s.adapters().outbox.all()).as("one created event").hasSize(1);
    }

    @Test
    void another_user_of_the_same_account_retrying_gets_the_same_schedule() {
        ScheduleUseCase.Result first = s.core().useCases().schedule().execute(ACME, hourly("acme", "nightly"));

        assertThat(s.core().useCases().schedule().execute(ACME_OTHER_USER, hourly("acme", "nightly")).schedule().id())
                .isEqualTo(first.schedule().id());
        assertThat(schedules()).isEqualTo(1);
    }

    @Test
    void the_same_id_with_another_schedule_request_is_refused_on_request_id_and_writes_nothing() {
        s.core().useCases().schedule().execute(ACME, hourly("acme", "nightly"));

        assertThatThrownBy(() -> s.core().useCases().schedule().execute(ACME, hourly("acme", "renamed")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("request_id")));
        assertThat(schedules()).isEqualTo(1);
        assertThat(s.adapters().outbox.all()).hasSize(1);
    }

    @Test
    void another_accounts_same_id_is_another_request() {
        ScheduleId acme = s.core().useCases().schedule().execute(ACME, hourly("acme", "nightly")).schedule().id();

        ScheduleId globex = s.core().useCases().schedule().execute(GLOBEX, hourly("globex", "nightly")).schedule().id();

        assertThat(globex).isNotEqualTo(acme);
        assertThat(schedules()).isEqualTo(2);
    }

    @Test
    void without_a_request_id_every_call_creates() {
        ScheduleUseCase.Command noId = ScheduleUseCase.Command.of("nightly", report("acme"), TimingInput.of(
                new RecurrenceSpec.FixedInterval(Duration.ofHours(1)), "UTC", LocalDateTime.parse("2026-12-01T09:00")));

        s.core().useCases().schedule().execute(ACME, noId);
        s.core().useCases().schedule().execute(ACME, noId);

        assertThat(schedules()).isEqualTo(2);
    }

    @Test
    void a_set_given_in_another_order_is_the_same_request() {
        TimingInput a = new TimingInput(new RecurrenceSpec.FixedInterval(Duration.ofHours(1)), "UTC",
                LocalDateTime.parse("2026-12-01T09:00"), null, null,
                Set.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-31")),
                null, null);
        TimingInput b = new TimingInput(a.recurrence(), a.zone(), a.start(), null, null,
                Set.of(LocalDate.parse("2026-12-31"), LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25")),
                null, null);
        ScheduleUseCase.Command first = new ScheduleUseCase.Command("x", report("acme"), a, null, null, null,
                Optional.empty(), Optional.of(ID));
        ScheduleUseCase.Command second = new ScheduleUseCase.Command("x", report("acme"), b, null, null, null,
                Optional.empty(), Optional.of(ID));

        assertThat(Fingerprints.of(second, IdempotentRequests.REQUEST_ID))
                .isEqualTo(Fingerprints.of(first, IdempotentRequests.REQUEST_ID));
        assertThat(Fingerprints.of(first.withRequestId(new RequestId("other")), IdempotentRequests.REQUEST_ID))
                .as("the id itself is not part of the request").isEqualTo(Fingerprints.of(first, IdempotentRequests.REQUEST_ID));
    }

    @Test
    void an_id_older_than_the_retention_is_forgotten_and_counts_as_unseen() {
        ScheduleId first = s.core().useCases().schedule().execute(ACME, hourly("acme", "nightly")).schedule().id();
        s.clock().tick(DaemonSettings.DEFAULTS.requestIdRetention().plusSeconds(1));

        assertThat(s.reconciler().tick(s.clock().instant()).requestIdsForgotten()).isEqualTo(1);
        ScheduleId second = s.core().useCases().schedule().execute(ACME, hourly("acme", "renamed")).schedule().id();

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void an_id_within_the_retention_is_kept_by_the_reconciler() {
        s.core().useCases().schedule().execute(ACME, hourly("acme", "nightly"));
        s.clock().tick(DaemonSettings.DEFAULTS.requestIdRetention().minusSeconds(1));

        assertThat(s.reconciler().tick(s.clock().instant()).requestIdsForgotten()).isZero();
        s.core().useCases().schedule().execute(ACME, hourly("acme", "nightly"));
        assertThat(schedules()).isEqualTo(1);
    }

    // ---- OneTimeRun, OneTimeTestRun -----------------------------------------------------------

    @Test
    void the_same_run_request_twice_starts_one_task_and_one_crawler() {
        OneTimeRunUseCase.Command run = OneTimeRunUseCase.Command.now(report("acme")).withRequestId(ID);

        Task first = s.core().useCases().oneTimeRun().execute(ACME, run).task();
        Task again = s.core().useCases().oneTimeRun().execute(ACME, run).task();

        assertThat(again).isEqualTo(first);
        assertThat(tasks()).isEqualTo(1);
        assertThat(s.adapters().launcher.launchCalls()).isEqualTo(1);
    }

    @Test
    void the_same_id_with_another_run_request_is_refused() {
        s.core().useCases().oneTimeRun().execute(ACME, OneTimeRunUseCase.Command.now(report("acme")).withRequestId(ID));
        OneTimeRunUseCase.Command other = new OneTimeRunUseCase.Command(report("acme"), Optional.empty(),
                Optional.empty(), Parameters.of(Map.of("country", "fr")), Optional.empty(), Optional.of(ID));

        assertThatThrownBy(() -> s.core().useCases().oneTimeRun().execute(ACME, other)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("request_id");
        assertThat(tasks()).isEqualTo(1);
    }

    @Test
    void a_request_id_is_per_method() {
        s.core().useCases().oneTimeRun().execute(ACME, OneTimeRunUseCase.Command.now(report("acme")).withRequestId(ID));

        s.core().useCases().oneTimeTestRun().execute(ACME, OneTimeTestRunUseCase.Command.of(report("acme")).withRequestId(ID));

        assertThat(tasks()).isEqualTo(2);
    }

    @Test
    void the_same_test_run_request_twice_starts_one_task() {
        OneTimeTestRunUseCase.Command test = OneTimeTestRunUseCase.Command.of(report("acme")).withRequestId(ID);

        Task first = s.core().useCases().oneTimeTestRun().execute(ACME, test).task();
        Task again = s.core().useCases().oneTimeTestRun().execute(ACME, test).task();

        assertThat(again).isEqualTo(first);
        assertThat(tasks()).isEqualTo(1);
        assertThat(s.adapters().launcher.launchCalls()).isEqualTo(1);
    }

    @Test
    void a_request_id_does_not_go_with_a_scheduled_run() {
        assertThatThrownBy(() -> new OneTimeRunUseCase.Command(report("acme"), Optional.of(ScheduleId.of("s1")),
                Optional.of(ScheduledRunId.of("run-1")), Parameters.NONE, Optional.empty(), Optional.of(ID)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("request_id");
    }

    // ---- MultiProcessRun ----------------------------------------------------------------------

    @Test
    void the_same_multi_process_request_twice_creates_one_parent_and_its_children_once() {
        MultiProcessRunUseCase.Command multi = MultiProcessRunUseCase.Command.of(report("acme"), 3, 2).withRequestId(ID);

        MultiProcessRunUseCase.Result first = s.core().useCases().multiProcessRun().execute(ACME, multi);
        MultiProcessRunUseCase.Result again = s.core().useCases().multiProcessRun().execute(ACME, multi);

        assertThat(again.parent().id()).isEqualTo(first.parent().id());
        assertThat(again.children()).isEqualTo(first.children()).hasSize(3);
        assertThat(first.launched()).hasSize(2);
        assertThat(again.launched()).as("nothing more to launch").isEmpty();
        assertThat(tasks()).isEqualTo(4);
        assertThat(s.adapters().launcher.launchCalls()).isEqualTo(2);
    }

    @Test
    void the_same_id_with_another_multi_process_request_is_refused() {
        s.core().useCases().multiProcessRun().execute(ACME, MultiProcessRunUseCase.Command.of(report("acme"), 3, 2).withRequestId(ID));

        assertThatThrownBy(() -> s.core().useCases().multiProcessRun().execute(ACME,
                MultiProcessRunUseCase.Command.of(report("acme"), 4, 2).withRequestId(ID)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("request_id");
        assertThat(tasks()).isEqualTo(4);
    }
}
