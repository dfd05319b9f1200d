package com.grepsr.scheduler.domain.common;

import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.event.EventId;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.TaskId;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static com.grepsr.scheduler.domain.DomainFixtures.anyReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every id refuses bad input under its own field name and prints as its bare value. */
class IdsTest {

    @Test
    void each_id_names_its_field_when_it_refuses_a_value() {
        assertField(() -> AccountId.of("bad id"), "account_id");
        assertField(() -> ProjectId.of("bad id"), "project_id");
        assertField(() -> ReportId.of("bad id"), "report_id");
        assertField(() -> ServiceCode.of("bad id"), "service_code");
        assertField(() -> ScheduleId.of("bad id"), "schedule_id");
        assertField(() -> ScheduledRunId.of("bad id"), "scheduled_run_id");
        assertField(() -> TaskId.of("bad id"), "task_id");
        assertField(() -> EventId.of("bad id"), "event_id");
    }

    @Test
    void an_id_prints_as_its_value() {
        assertThat(TaskId.of("task-1")).hasToString("task-1");
        assertThat(ScheduleId.of("sch-1")).hasToString("sch-1");
        assertThat(ReportId.of("r-1")).hasToString("r-1");
    }

    @Test
    void time_ordered_ids_sort_by_their_value() {
        assertThat(TaskId.of("01A")).isLessThan(TaskId.of("01B"));
        assertThat(ScheduleId.of("01A")).isLessThan(ScheduleId.of("01B"));
        assertThat(ScheduledRunId.of("01A")).isLessThan(ScheduledRunId.of("01B"));
        assertThat(EventId.of("01A")).isLessThan(EventId.of("01B"));
    }

    @Test
    void a_report_reference_holds_the_four_platform_values() {
        ReportRef report = anyReport();

        assertThat(report.reportId()).isEqualTo(ReportId.of("report-42"));
        assertThat(report.projectId()).isEqualTo(ProjectId.of("project-7"));
        assertThat(report.accountId()).isEqualTo(AccountId.of("account-3"));
        assertThat(report.serviceCode()).isEqualTo(ServiceCode.of("amazon-products"));
    }

    @Test
    void a_report_reference_needs_all_four_values() {
        assertThatThrownBy(() -> new ReportRef(null, ProjectId.of("p"), AccountId.of("a"), ServiceCode.of("s")))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ReportRef.of("r", "p", "a", "")).isInstanceOf(ValidationException.class);
    }

    private static void assertField(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.violations().get(0).field()).isEqualTo(field));
    }
}
