package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.adapters.memory.InMemoryAdapters;
import com.grepsr.scheduler.application.time.SettableClock;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.TimingInput;
import com.grepsr.scheduler.application.port.in.ScheduleUseCase;
import com.grepsr.scheduler.application.port.out.ActivityOutboxPort;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import com.grepsr.scheduler.domain.event.EventId;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

/**
 * The world the schedule use case tests run in: in-memory adapters on a settable clock, two
 * accounts and an admin, and sentences for the schedules and runs they need.
 */
final class ScheduleUseCaseFixture {

    /** Monday 2026-03-02 10:00 UTC; London is on GMT (UTC+0) until 2026-03-29, so local = UTC here. */
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    static final String LONDON = "Europe/London";
    static final AccountId ACME = AccountId.of("acme");
    static final AccountId GLOBEX = AccountId.of("globex");
    static final Caller ALICE = Caller.ofAccount("alice", ACME);
    static final Caller BOB = Caller.ofAccount("bob", GLOBEX);
    static final Caller ADMIN = Caller.admin("root");

    final SettableClock clock = new SettableClock(T0);
    final InMemoryAdapters adapters = new InMemoryAdapters(clock, Duration.ofMinutes(5));

    static ReportRef acmeReport(String reportId) {
        return ReportRef.of(reportId, "proj-1", "acme", "amazon-products");
    }

    static ReportRef globexReport(String reportId) {
        return ReportRef.of(reportId, "proj-9", "globex", "amazon-products");
    }

    /** Every hour from 11:00 on the first day (London wall clock). */
    static TimingInput hourly() {
        return TimingInput.of(new RecurrenceSpec.FixedInterval(Duration.ofHours(1)), LONDON,
                LocalDateTime.parse("2026-03-02T11:00:00"));
    }

    static TimingInput every(Duration interval) {
        return TimingInput.of(new RecurrenceSpec.FixedInterval(interval), LONDON,
                LocalDateTime.parse("2026-03-02T11:00:00"));
    }

    static TimingInput onceAt(String localDateTime) {
        return TimingInput.of(new RecurrenceSpec.OneTime(LocalDateTime.parse(localDateTime)), LONDON, null);
    }

    ScheduleService create() {
        return create(adapters.outbox);
    }

    ScheduleService create(ActivityOutboxPort outbox) {
        return new ScheduleService(adapters.schedules, outbox, adapters.catalog, adapters.ids, requests(),
                clock);
    }

    IdempotentRequests requests() {
        return new IdempotentRequests(adapters.requests, adapters.transactions, clock,
                DaemonSettings.DEFAULTS.requestIdRetention());
    }

    UpdateScheduleService update() {
        return update(adapters.outbox);
    }

    UpdateScheduleService update(ActivityOutboxPort outbox) {
        return new UpdateScheduleService(adapters.schedules, adapters.runs, outbox, adapters.transactions,
                adapters.ids, clock);
    }

    StopScheduleService stopSchedule() {
        return stopSchedule(adapters.outbox);
    }

    StopScheduleService stopSchedule(ActivityOutboxPort outbox) {
        return new StopScheduleService(adapters.schedules, adapters.runs, new TaskStopper(adapters.tasks,
                adapters.history, adapters.queue, adapters.launcher, adapters.transactions, clock), outbox,
                adapters.transactions, adapters.ids, clock);
    }

    UnpauseScheduleService unpauseSchedule() {
        return unpauseSchedule(adapters.outbox);
    }

    UnpauseScheduleService unpauseSchedule(ActivityOutboxPort outbox) {
        return new UnpauseScheduleService(adapters.schedules, outbox, adapters.transactions, adapters.ids, clock);
    }

    GetSchedulesService getSchedules() {
        return new GetSchedulesService(adapters.schedules, clock);
    }

    GetAllSchedulesService getAllSchedules() {
        return new GetAllSchedulesService(adapters.schedules, clock);
    }

    GetScheduleService getSchedule() {
        return new GetScheduleService(adapters.schedules, clock);
    }

    GetNextSchedulesService nextSchedules() {
        return new GetNextSchedulesService(adapters.schedules, clock);
    }

    GetUpcomingAccountSchedulesService upcoming() {
        return new GetUpcomingAccountSchedulesService(adapters.schedules, clock);
    }

    GetMissedScheduleRunsService getMissedScheduleRuns() {
        return new GetMissedScheduleRunsService(adapters.schedules, adapters.runs);
    }

    GetAllMissedRunsService getAllMissedRuns() {
        return new GetAllMissedRunsService(adapters.runs);
    }

    GetScheduledTasksService getScheduledTasks() {
        return new GetScheduledTasksService(adapters.schedules, adapters.runs);
    }

    /** An hourly schedule of {@code report} made by {@code caller}. */
    Schedule hourlySchedule(Caller caller, ReportRef report) {
        return create().execute(caller, ScheduleUseCase.Command.of("hourly " + report.reportId(), report, hourly()))
                .schedule();
    }

    Schedule stored(Schedule s) {
        return adapters.schedules.find(s.id()).orElseThrow();
    }

    /** Materializes PENDING runs of a schedule at the given instants, as the calculator would. */
    List<ScheduledRun> pendingRuns(Schedule s, Instant... fireAts) {
        List<ScheduledRun> runs = java.util.Arrays.stream(fireAts)
                .map(t -> ScheduledRun.pending(adapters.ids.runId(), s.id(), s.report(), t, clock.instant()))
                .toList();
        adapters.runs.insertIfAbsent(runs);
        return runs;
    }

    /** Asserts that {@code call} is refused with a validation error on exactly {@code field}. */
    static void assertViolation(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        org.assertj.core.api.Assertions.assertThatThrownBy(call)
                .isInstanceOfSatisfying(com.grepsr.scheduler.domain.error.ValidationException.class, e ->
                        org.assertj.core.api.Assertions.assertThat(e.violations())
                                .extracting(com.grepsr.scheduler.domain.error.ValidationException.FieldViolation::field)
                                .containsExactly(field));
    }

    List<ActivityEvent> events() {
        return adapters.outbox.all();
    }

    /** An outbox that appends, then fails: what a crash after the event was written looks like. */
    ActivityOutboxPort outboxFailingAfterAppend() {
        ActivityOutboxPort real = adapters.outbox;
        return new ActivityOutboxPort() {
            @Override
            public void append(ActivityEvent event) {
                real.append(event);
                throw new IllegalStateException("simulated failure after the event was appended");
            }

            @Override
            public List<ActivityEvent> undelivered(int limit) {
                return real.undelivered(limit);
            }

            @Override
            public void markDelivered(Collection<EventId> ids) {
                real.markDelivered(ids);
            }

            @Override
            public int deleteDeliveredBefore(java.time.Instant cutoff, int limit) {
                return real.deleteDeliveredBefore(cutoff, limit);
            }
        };
    }
}
