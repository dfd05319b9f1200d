package com.grepsr.scheduler.domain.task;

import com.grepsr.scheduler.domain.error.ValidationException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static com.grepsr.scheduler.domain.DomainFixtures.NOW;
import static com.grepsr.scheduler.domain.DomainFixtures.anyReport;
import static com.grepsr.scheduler.domain.DomainFixtures.anyRunId;
import static com.grepsr.scheduler.domain.DomainFixtures.anyScheduleId;
import static com.grepsr.scheduler.domain.DomainFixtures.anyTaskId;
import static com.grepsr.scheduler.domain.DomainFixtures.parameters;
import static com.grepsr.scheduler.domain.DomainFixtures.queuedManualTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each kind of task names the parts it needs; a missing or absurd part names its field. */
class TaskOriginTest {

    @Test
    void a_manual_run_needs_only_its_report() {
        TaskOrigin origin = TaskOrigin.manual(anyReport(), null, null, null);

        assertThat(origin.kind()).isEqualTo(TaskKind.MANUAL);
        assertThat(origin.parameters().values()).isEmpty();
        assertThat(origin.timeout()).isNull();
    }

    @Test
    void a_manual_run_may_name_the_schedule_it_was_started_from() {
        assertThat(TaskOrigin.manual(anyReport(), anyScheduleId(), null, null).scheduleId()).isEqualTo(anyScheduleId());
    }

    @Test
    void a_scheduled_task_names_its_schedule_and_run() {
        TaskOrigin origin = TaskOrigin.scheduled(anyReport(), anyScheduleId(), anyRunId(), null, null);

        assertThat(origin.scheduleId()).isEqualTo(anyScheduleId());
        assertThat(origin.scheduledRunId()).isEqualTo(anyRunId());
    }

    @Test
    void a_scheduled_task_without_its_schedule_is_rejected_naming_the_schedule() {
        assertViolation(() -> TaskOrigin.scheduled(anyReport(), null, anyRunId(), null, null), "schedule_id");
    }

    @Test
    void a_scheduled_task_without_its_run_is_rejected_naming_the_run() {
        assertViolation(() -> TaskOrigin.scheduled(anyReport(), anyScheduleId(), null, null, null), "scheduled_run_id");
    }

    @Test
    void a_test_run_carries_its_row_limit() {
        assertThat(TaskOrigin.test(anyReport(), null, 1, null).testRowLimit()).isEqualTo(1);
        assertThat(TaskOrigin.test(anyReport(), null, TaskOrigin.MAX_TEST_ROWS, null).testRowLimit())
                .isEqualTo(TaskOrigin.MAX_TEST_ROWS);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, TaskOrigin.MAX_TEST_ROWS + 1})
    void a_test_run_row_limit_outside_its_range_is_rejected(int rows) {
        assertViolation(() -> TaskOrigin.test(anyReport(), null, rows, null), "row_limit");
    }

    @Test
    void a_test_run_without_a_row_limit_is_rejected() {
        assertViolation(() -> new TaskOrigin(TaskKind.TEST, anyReport(), null, null, null, null, null, null, null,
                null, null), "row_limit");
    }

    @Test
    void a_parent_carries_its_parallelism() {
        assertThat(TaskOrigin.parent(anyReport(), null, 1, null).parallelism()).isEqualTo(1);
        assertThat(TaskOrigin.parent(anyReport(), null, TaskOrigin.MAX_PARALLELISM, null).parallelism())
                .isEqualTo(TaskOrigin.MAX_PARALLELISM);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -3, TaskOrigin.MAX_PARALLELISM + 1})
    void a_parent_parallelism_outside_its_range_is_rejected(int parallelism) {
        assertViolation(() -> TaskOrigin.parent(anyReport(), null, parallelism, null), "parallelism");
    }

    @Test
    void a_child_inherits_report_schedule_parameters_and_timeout_from_its_parent() {
        TaskOrigin parentOrigin = TaskOrigin.parent(anyReport(), parameters("category", "shoes"), 4, Duration.ofHours(2));
        Task parent = Task.queue(anyTaskId(), parentOrigin, NOW);

        TaskOrigin child = TaskOrigin.child(parent, 3, "{\"page\": 3}");

        assertThat(child.kind()).isEqualTo(TaskKind.CHILD);
        assertThat(child.parentId()).isEqualTo(parent.id());
        assertThat(child.report()).isEqualTo(anyReport());
        assertThat(child.parameters()).isEqualTo(parentOrigin.parameters());
        assertThat(child.timeout()).isEqualTo(Duration.ofHours(2));
        assertThat(child.processorIndex()).isEqualTo(3);
        assertThat(child.workItem()).isEqualTo("{\"page\": 3}");
    }

    @Test
    void a_child_without_a_parent_is_rejected_naming_the_parent() {
        assertViolation(() -> new TaskOrigin(TaskKind.CHILD, anyReport(), null, null, null, null, null, null, 0, null,
                null), "parent_task_id");
    }

    @Test
    void a_child_without_a_processor_index_is_rejected_naming_the_index() {
        assertViolation(() -> new TaskOrigin(TaskKind.CHILD, anyReport(), null, null, anyTaskId(), null, null, null,
                null, null, null), "processor_index");
    }

    @Test
    void a_child_with_a_negative_processor_index_is_rejected_naming_the_index() {
        Task parent = Task.queue(anyTaskId(), TaskOrigin.parent(anyReport(), null, 2, null), NOW);

        assertViolation(() -> TaskOrigin.child(parent, -1, null), "processor_index");
    }

    @Test
    void only_a_multi_process_parent_can_have_children() {
        assertViolation(() -> TaskOrigin.child(queuedManualTask(), 0, null), "parent_task_id");
    }

    @Test
    void a_work_item_longer_than_allowed_is_rejected() {
        Task parent = Task.queue(anyTaskId(), TaskOrigin.parent(anyReport(), null, 2, null), NOW);

        assertThat(TaskOrigin.child(parent, 0, "w".repeat(TaskOrigin.MAX_WORK_ITEM_LENGTH)).workItem())
                .hasSize(TaskOrigin.MAX_WORK_ITEM_LENGTH);
        assertViolation(() -> TaskOrigin.child(parent, 0, "w".repeat(TaskOrigin.MAX_WORK_ITEM_LENGTH + 1)),
                "work_item");
    }

    @Test
    void a_timeout_must_be_positive_and_at_most_a_week() {
        assertThat(TaskOrigin.manual(anyReport(), null, null, Duration.ofDays(7)).timeout()).isEqualTo(Duration.ofDays(7));
        assertViolation(() -> TaskOrigin.manual(anyReport(), null, null, Duration.ZERO), "timeout");
        assertViolation(() -> TaskOrigin.manual(anyReport(), null, null, Duration.ofSeconds(-1)), "timeout");
        assertViolation(() -> TaskOrigin.manual(anyReport(), null, null, Duration.ofDays(7).plusSeconds(1)), "timeout");
    }

    private static void assertViolation(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.violations()).extracting(ValidationException.FieldViolation::field).containsExactly(field));
    }
}
