package com.grepsr.scheduler.application.run;

import com.grepsr.scheduler.application.schedule.ScheduleUseCaseFixture;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.port.in.GetAllMissedRunsUseCase;
import com.grepsr.scheduler.application.port.in.GetMissedScheduleRunsUseCase;
import com.grepsr.scheduler.application.port.in.GetScheduledTasksUseCase;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.error.AccessDeniedException;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.run.MissCause;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.TaskId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.grepsr.scheduler.application.schedule.ScheduleUseCaseFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunQueriesTest {

    private static final Instant H11 = Instant.parse("2026-03-02T11:00:00Z");
    private static final Instant H12 = Instant.parse("2026-03-02T12:00:00Z");
    private static final Instant H13 = Instant.parse("2026-03-02T13:00:00Z");
    private static final Instant H14 = Instant.parse("2026-03-02T14:00:00Z");
    private static final Instant H15 = Instant.parse("2026-03-02T15:00:00Z");

    private final ScheduleUseCaseFixture f = new ScheduleUseCaseFixture();
    private Schedule acme1;
    private Schedule acme2;
    private Schedule globex;

    /** At 14:30: acme1 missed 11:00 and 13:00, skipped 12:00 by overlap, fired 14:00; 15:00 is pending. */
    @BeforeEach
    void three_schedules_with_a_history() {
        acme1 = f.hourlySchedule(ALICE, acmeReport("r1"));
        acme2 = f.hourlySchedule(ALICE, acmeReport("r2"));
        globex = f.hourlySchedule(BOB, globexReport("g1"));
        List<ScheduledRun> a = f.pendingRuns(acme1, H11, H12, H13, H14, H15);
        f.clock.set(Instant.parse("2026-03-02T14:30:00Z"));
        settle(a.get(0).miss(MissCause.SCHEDULER_DOWN, f.clock.instant()));
        settle(a.get(1).skip(MissCause.OVERLAP, f.clock.instant()));
        settle(a.get(2).miss(MissCause.PAUSED, f.clock.instant()));
        settle(a.get(3).dispatch(TaskId.of("t14"), f.clock.instant()));
        settle(f.pendingRuns(acme2, H11, H15).get(0).miss(MissCause.SCHEDULER_DOWN, f.clock.instant()));
        settle(f.pendingRuns(globex, H12, H15).get(0).miss(MissCause.DEADLINE, f.clock.instant()));
    }

    // ---- GetMissedScheduleRuns --------------------------------------------------------------

    @Test
    void lists_a_schedules_missed_runs_newest_first_with_their_cause() {
        List<ScheduledRun> runs = missed(ALICE, GetMissedScheduleRunsUseCase.Query.ofSchedule(acme1.id(), page(10)));

        assertThat(runs).extracting(ScheduledRun::fireAt).containsExactly(H13, H11);
        assertThat(runs).extracting(ScheduledRun::missCause).containsExactly(MissCause.PAUSED, MissCause.SCHEDULER_DOWN);
    }

    @Test
    void lists_overlap_skips_on_request() {
        List<ScheduledRun> runs = missed(ALICE, new GetMissedScheduleRunsUseCase.Query(Optional.of(acme1.id()), null,
                null, true, null, null, page(10)));

        assertThat(runs).extracting(ScheduledRun::fireAt, ScheduledRun::status).containsExactly(
                org.assertj.core.api.Assertions.tuple(H13, RunStatus.MISSED),
                org.assertj.core.api.Assertions.tuple(H12, RunStatus.SKIPPED),
                org.assertj.core.api.Assertions.tuple(H11, RunStatus.MISSED));
    }

    @Test
    void lists_a_reports_missed_runs_within_a_window() {
        assertThat(missed(ALICE, GetMissedScheduleRunsUseCase.Query.ofReport(ReportId.of("r2"), page(10))))
                .extracting(ScheduledRun::scheduleId).containsExactly(acme2.id());
        assertThat(missed(ALICE, new GetMissedScheduleRunsUseCase.Query(null, Optional.of(ReportId.of("r1")), null,
                false, Optional.of(H12), Optional.of(H14), page(10)))).extracting(ScheduledRun::fireAt)
                .containsExactly(H13);
    }

    @Test
    void a_report_query_sees_only_the_callers_account() {
        assertThat(missed(BOB, GetMissedScheduleRunsUseCase.Query.ofReport(ReportId.of("r1"), page(10)))).isEmpty();
        assertThatThrownBy(() -> missed(BOB, new GetMissedScheduleRunsUseCase.Query(null, Optional.of(ReportId.of("r1")),
                Optional.of(ACME), false, null, null, page(10)))).isInstanceOf(AccessDeniedException.class);
        assertThat(missed(ADMIN, GetMissedScheduleRunsUseCase.Query.ofReport(ReportId.of("r1"), page(10)))).hasSize(2);
    }

    @Test
    void naming_an_unknown_or_foreign_schedule_fails() {
        assertThatThrownBy(() -> missed(ALICE, GetMissedScheduleRunsUseCase.Query.ofSchedule(ScheduleId.of("nope"),
                page(10)))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> missed(BOB, GetMissedScheduleRunsUseCase.Query.ofSchedule(acme1.id(), page(10))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void refuses_bad_missed_run_queries_each_on_its_own_field() {
        assertViolation(() -> new GetMissedScheduleRunsUseCase.Query(null, null, Optional.of(ACME), false, null, null,
                null), "schedule_id");
        assertViolation(() -> new GetMissedScheduleRunsUseCase.Query(Optional.of(acme1.id()), null, null, false,
                Optional.of(H12), Optional.of(H11), null), "to");
        assertViolation(() -> missed(ALICE, GetMissedScheduleRunsUseCase.Query.ofSchedule(acme1.id(),
                new PageRequest(10, "garbage"))), "page_token");
    }

    @Test
    void missed_run_pages_walk_every_run_once_newest_first() {
        Schedule busy = f.hourlySchedule(ALICE, acmeReport("busy"));
        List<Instant> fireAts = new ArrayList<>();
        for (int i = 0; i < 37; i++) {
            fireAts.add(Instant.parse("2026-03-01T00:00:00Z").plus(Duration.ofMinutes(i)));
        }
        f.pendingRuns(busy, fireAts.toArray(Instant[]::new)).forEach(r ->
                settle(r.miss(MissCause.SCHEDULER_DOWN, f.clock.instant())));

        List<Instant> walked = new ArrayList<>();
        PageRequest request = page(10);
        while (true) {
            Page<ScheduledRun> p = f.getMissedScheduleRuns().execute(ALICE,
                    GetMissedScheduleRunsUseCase.Query.ofSchedule(busy.id(), request)).page();
            p.items().forEach(r -> walked.add(r.fireAt()));
            if (!p.hasNext()) {
                break;
            }
            request = new PageRequest(10, p.nextPageToken());
        }

        java.util.Collections.reverse(fireAts);
        assertThat(walked).containsExactlyElementsOf(fireAts);
    }

    // ---- GetAllMissedRuns -------------------------------------------------------------------

    @Test
    void an_admin_sees_every_accounts_missed_runs_or_one_accounts() {
        List<ScheduledRun> all = f.getAllMissedRuns().execute(ADMIN, GetAllMissedRunsUseCase.Query.all(page(10))).page().items();
        assertThat(all).extracting(ScheduledRun::scheduleId).containsExactlyInAnyOrder(acme1.id(), acme1.id(),
                acme2.id(), globex.id());
        assertThat(all).extracting(ScheduledRun::fireAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        assertThat(f.getAllMissedRuns().execute(ADMIN, new GetAllMissedRunsUseCase.Query(Optional.of(GLOBEX), true,
                Optional.of(H11), Optional.of(H15), page(10))).page().items())
                .extracting(ScheduledRun::scheduleId).containsExactly(globex.id());
    }

    @Test
    void all_missed_runs_is_for_admins_only() {
        assertThatThrownBy(() -> f.getAllMissedRuns().execute(ALICE, GetAllMissedRunsUseCase.Query.all(page(10))))
                .isInstanceOf(AccessDeniedException.class);
        assertViolation(() -> new GetAllMissedRunsUseCase.Query(null, false, Optional.of(H12), Optional.of(H11),
                null), "to");
    }

    // ---- GetScheduledTasks ------------------------------------------------------------------

    @Test
    void lists_pending_runs_soonest_first_confined_to_the_callers_account() {
        f.pendingRuns(acme1, Instant.parse("2026-03-02T16:00:00Z"));

        List<ScheduledRun> runs = scheduled(ALICE, new GetScheduledTasksUseCase.Query(null, null, null, null, null,
                page(10)));

        assertThat(runs).allMatch(r -> r.status() == RunStatus.PENDING);
        assertThat(runs).extracting(ScheduledRun::fireAt).containsExactly(H15, H15, Instant.parse("2026-03-02T16:00:00Z"));
        assertThat(runs).extracting(r -> r.report().accountId()).containsOnly(ACME);
    }

    @Test
    void filters_scheduled_tasks_by_schedule_report_account_and_window() {
        f.pendingRuns(acme1, Instant.parse("2026-03-02T16:00:00Z"));

        assertThat(scheduled(ALICE, GetScheduledTasksUseCase.Query.ofSchedule(acme2.id(), page(10))))
                .extracting(ScheduledRun::scheduleId).containsExactly(acme2.id());
        assertThat(scheduled(ALICE, new GetScheduledTasksUseCase.Query(null, Optional.of(ReportId.of("r1")), null,
                Optional.of(Instant.parse("2026-03-02T15:30:00Z")), null, page(10))))
                .extracting(ScheduledRun::fireAt).containsExactly(Instant.parse("2026-03-02T16:00:00Z"));
        assertThat(scheduled(ADMIN, GetScheduledTasksUseCase.Query.ofAccount(GLOBEX, page(10))))
                .extracting(ScheduledRun::scheduleId).containsExactly(globex.id());
        assertThat(scheduled(ADMIN, new GetScheduledTasksUseCase.Query(null, null, null, null, null, page(10))))
                .hasSize(4);
    }

    @Test
    void scheduled_tasks_of_unknown_or_foreign_schedules_or_accounts_fail() {
        assertThatThrownBy(() -> scheduled(ALICE, GetScheduledTasksUseCase.Query.ofSchedule(ScheduleId.of("nope"),
                page(10)))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> scheduled(ALICE, GetScheduledTasksUseCase.Query.ofSchedule(globex.id(), page(10))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> scheduled(ALICE, GetScheduledTasksUseCase.Query.ofAccount(GLOBEX, page(10))))
                .isInstanceOf(AccessDeniedException.class);
        assertViolation(() -> new GetScheduledTasksUseCase.Query(null, null, null, Optional.of(H15),
                Optional.of(H14), null), "to");
    }

    private void settle(ScheduledRun run) {
        assertThat(f.adapters.runs.settle(run)).isTrue();
    }

    private List<ScheduledRun> missed(com.grepsr.scheduler.application.model.Caller caller,
                                      GetMissedScheduleRunsUseCase.Query query) {
        return f.getMissedScheduleRuns().execute(caller, query).page().items();
    }

    private List<ScheduledRun> scheduled(com.grepsr.scheduler.application.model.Caller caller,
                                         GetScheduledTasksUseCase.Query query) {
        return f.getScheduledTasks().execute(caller, query).page().items();
    }

    private static PageRequest page(int size) {
        return PageRequest.first(size);
    }
}
