package com.grepsr.scheduler.application.schedule;

import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.port.in.GetAllSchedulesUseCase;
import com.grepsr.scheduler.application.port.in.GetScheduleUseCase;
import com.grepsr.scheduler.application.port.in.GetSchedulesUseCase;
import com.grepsr.scheduler.application.port.in.GetSchedulesUseCase.ScheduleSummary;
import com.grepsr.scheduler.application.port.in.StopScheduleUseCase;
import com.grepsr.scheduler.domain.common.ProjectId;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.error.AccessDeniedException;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static com.grepsr.scheduler.application.schedule.ScheduleUseCaseFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleQueriesTest {

    private final ScheduleUseCaseFixture f = new ScheduleUseCaseFixture();

    // ---- GetSchedules -----------------------------------------------------------------------

    @Test
    void lists_a_reports_schedules_with_their_next_run() {
        Schedule a = f.hourlySchedule(ALICE, acmeReport("r1"));
        Schedule b = f.hourlySchedule(ALICE, acmeReport("r1"));
        f.hourlySchedule(ALICE, acmeReport("r2"));

        Page<ScheduleSummary> page = f.getSchedules().execute(ALICE,
                GetSchedulesUseCase.Query.ofReport(ReportId.of("r1"), PageRequest.first(10))).page();

        assertThat(page.items()).extracting(s -> s.schedule().id()).containsExactly(a.id(), b.id());
        assertThat(page.items()).allSatisfy(s ->
                assertThat(s.nextRunAt()).contains(Instant.parse("2026-03-02T11:00:00Z")));
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void lists_a_projects_schedules() {
        f.hourlySchedule(ALICE, acmeReport("r1"));
        f.hourlySchedule(ALICE, acmeReport("r2"));

        assertThat(f.getSchedules().execute(ALICE, GetSchedulesUseCase.Query.ofProject(ProjectId.of("proj-1"),
                PageRequest.first(10))).page().items()).hasSize(2);
    }

    @Test
    void hides_deleted_schedules_unless_asked_and_filters_by_status() {
        Schedule kept = f.hourlySchedule(ALICE, acmeReport("r1"));
        Schedule paused = f.hourlySchedule(ALICE, acmeReport("r1"));
        Schedule deleted = f.hourlySchedule(ALICE, acmeReport("r1"));
        f.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.pause(paused.id()));
        f.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.delete(deleted.id()));

        assertThat(ids(aliceReportR1.apply(Set.of()))).containsExactly(kept.id(), paused.id());
        assertThat(ids(aliceReportR1.apply(Set.of(ScheduleStatus.DELETED)))).containsExactly(deleted.id());
        assertThat(ids(aliceReportR1.apply(Set.of(ScheduleStatus.PAUSED)))).containsExactly(paused.id());
        ScheduleSummary pausedSummary = f.getSchedule().execute(ALICE, new GetScheduleUseCase.Query(paused.id())).schedule();
        assertThat(pausedSummary.nextRunAt()).isEmpty();
    }

    @Test
    void confines_an_account_caller_to_its_own_schedules() {
        f.hourlySchedule(ALICE, acmeReport("shared-id"));
        Schedule theirs = f.hourlySchedule(BOB, globexReport("shared-id"));

        assertThat(ids(f.getSchedules().execute(BOB, GetSchedulesUseCase.Query.ofReport(ReportId.of("shared-id"),
                PageRequest.first(10))).page())).containsExactly(theirs.id());
        assertThat(f.getSchedules().execute(ADMIN, GetSchedulesUseCase.Query.ofReport(ReportId.of("shared-id"),
                PageRequest.first(10))).page().items()).hasSize(2);
    }

    @Test
    void asking_for_another_account_is_denied() {
        assertThatThrownBy(() -> f.getSchedules().execute(BOB, new GetSchedulesUseCase.Query(Optional.of(ReportId.of("r1")),
                Optional.empty(), Optional.of(ACME), Set.of(), PageRequest.first(10))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_account_caller_naming_no_report_or_project_lists_all_its_accounts_schedules_page_by_page() {
        List<ScheduleId> mine = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            mine.add(f.hourlySchedule(ALICE, acmeReport("r" + (i % 3))).id());
            f.hourlySchedule(BOB, globexReport("g1"));
        }
        Schedule deleted = f.hourlySchedule(ALICE, acmeReport("r1"));
        f.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.delete(deleted.id()));

        List<ScheduleId> walked = new ArrayList<>();
        PageRequest request = PageRequest.first(3);
        int pages = 0;
        while (true) {
            Page<ScheduleSummary> page = f.getSchedules().execute(ALICE,
                    new GetSchedulesUseCase.Query(null, null, null, Set.of(), request)).page();
            pages++;
            walked.addAll(ids(page));
            if (!page.hasNext()) {
                break;
            }
            request = new PageRequest(3, page.nextPageToken());
        }

        assertThat(walked).containsExactlyElementsOf(mine);
        assertThat(pages).isEqualTo(3);
        assertThat(ids(f.getSchedules().execute(ADMIN, new GetSchedulesUseCase.Query(null, null,
                Optional.of(ACME), Set.of(), PageRequest.first(50))).page())).containsExactlyElementsOf(mine);
        assertThatThrownBy(() -> f.getSchedules().execute(BOB, new GetSchedulesUseCase.Query(null, null,
                Optional.of(ACME), Set.of(), PageRequest.first(50)))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_admin_naming_no_report_project_or_account_is_pointed_to_get_all_schedules() {
        assertViolation(() -> f.getSchedules().execute(ADMIN, new GetSchedulesUseCase.Query(null, null, null,
                Set.of(), PageRequest.first(10))), "report_id");
    }

    @Test
    void needs_sane_page_fields() {
        assertViolation(() -> GetSchedulesUseCase.Query.ofReport(ReportId.of("r1"), PageRequest.first(501)), "page_size");
        assertViolation(() -> f.getSchedules().execute(ALICE, GetSchedulesUseCase.Query.ofReport(ReportId.of("r1"),
                new PageRequest(10, "not-a-token"))), "page_token");
    }

    @Test
    void pages_walk_every_schedule_once_in_creation_order() {
        List<ScheduleId> created = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            created.add(f.hourlySchedule(ALICE, acmeReport("r1")).id());
        }

        List<ScheduleId> walked = new ArrayList<>();
        PageRequest request = PageRequest.first(5);
        int pages = 0;
        while (true) {
            Page<ScheduleSummary> page = f.getSchedules().execute(ALICE,
                    GetSchedulesUseCase.Query.ofReport(ReportId.of("r1"), request)).page();
            pages++;
            walked.addAll(ids(page));
            if (!page.hasNext()) {
                break;
            }
            request = new PageRequest(5, page.nextPageToken());
        }

        assertThat(walked).containsExactlyElementsOf(created);
        assertThat(pages).isEqualTo(5);
    }

    // ---- GetAllSchedules --------------------------------------------------------------------

    @Test
    void an_admin_lists_all_schedules_optionally_of_one_account() {
        Schedule mine = f.hourlySchedule(ALICE, acmeReport("r1"));
        Schedule theirs = f.hourlySchedule(BOB, globexReport("g1"));

        assertThat(ids(f.getAllSchedules().execute(ADMIN, GetAllSchedulesUseCase.Query.all(PageRequest.first(10))).page()))
                .containsExactly(mine.id(), theirs.id());
        assertThat(ids(f.getAllSchedules().execute(ADMIN, new GetAllSchedulesUseCase.Query(Optional.of(GLOBEX), null, null,
                null, PageRequest.first(10))).page())).containsExactly(theirs.id());
    }

    @Test
    void all_schedules_is_for_admins_only() {
        assertThatThrownBy(() -> f.getAllSchedules().execute(ALICE, GetAllSchedulesUseCase.Query.all(PageRequest.first(10))))
                .isInstanceOf(AccessDeniedException.class);
    }

    // ---- GetSchedule ------------------------------------------------------------------------

    @Test
    void gets_one_schedule_with_its_version_and_next_run() {
        Schedule s = f.hourlySchedule(ALICE, acmeReport("r1"));

        ScheduleSummary got = f.getSchedule().execute(ALICE, new GetScheduleUseCase.Query(s.id())).schedule();

        assertThat(got.schedule().version()).isEqualTo(1);
        assertThat(got.nextRunAt()).contains(Instant.parse("2026-03-02T11:00:00Z"));
    }

    @Test
    void getting_an_unknown_or_foreign_schedule_fails() {
        Schedule s = f.hourlySchedule(ALICE, acmeReport("r1"));

        assertViolation(() -> new GetScheduleUseCase.Query(null), "schedule_id");
        assertThatThrownBy(() -> f.getSchedule().execute(ALICE, new GetScheduleUseCase.Query(ScheduleId.of("nope"))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.getSchedule().execute(BOB, new GetScheduleUseCase.Query(s.id())))
                .isInstanceOf(AccessDeniedException.class);
    }

    private final Function<Set<ScheduleStatus>, Page<ScheduleSummary>> aliceReportR1 = statuses ->
            f.getSchedules().execute(ALICE, new GetSchedulesUseCase.Query(Optional.of(ReportId.of("r1")), null, null,
                    statuses, PageRequest.first(10))).page();

    private static List<ScheduleId> ids(Page<ScheduleSummary> page) {
        return page.items().stream().map(s -> s.schedule().id()).toList();
    }
}
