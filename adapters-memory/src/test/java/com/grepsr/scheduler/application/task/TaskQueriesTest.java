package com.grepsr.scheduler.application.task;

import com.grepsr.scheduler.application.port.in.GetTaskInfoUseCase;
import com.grepsr.scheduler.application.port.in.GetTaskStatusUseCase;
import com.grepsr.scheduler.application.port.in.GetTasksStatusUseCase;
import com.grepsr.scheduler.domain.error.AccessDeniedException;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry.Source;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskKind;
import com.grepsr.scheduler.domain.task.TaskOrigin;
import com.grepsr.scheduler.domain.task.TaskStatus;
import com.grepsr.scheduler.domain.common.Parameters;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static com.grepsr.scheduler.application.task.TaskFixture.ACME;
import static com.grepsr.scheduler.application.task.TaskFixture.ADMIN;
import static com.grepsr.scheduler.application.task.TaskFixture.GLOBEX;
import static com.grepsr.scheduler.application.task.TaskFixture.acmeReport;
import static com.grepsr.scheduler.application.task.TaskFixture.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskQueriesTest {

    private final TaskFixture f = new TaskFixture();
    private final GetTaskStatusService getTaskStatus = new GetTaskStatusService(f.mem.tasks);
    private final GetTasksStatusService getTasksStatus = new GetTasksStatusService(f.mem.tasks);
    private final GetTaskInfoService getTaskInfo = new GetTaskInfoService(f.mem.tasks, f.clock);

    // --- GetTaskStatus

    @Test
    void tells_the_status_progress_and_message_of_a_task() {
        Task t = f.inStatus(acmeReport(), TaskStatus.RUNNING);
        f.recorder.record(t.id(), null, 30, "page 3 of 10", Map.of(), Source.CRAWLER);

        GetTaskStatusUseCase.Result r = getTaskStatus.execute(ACME, new GetTaskStatusUseCase.Query(t.id()));

        assertThat(r.taskId()).isEqualTo(t.id());
        assertThat(r.status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(r.progress()).contains(30);
        assertThat(r.message()).isEqualTo("page 3 of 10");
        assertThat(r.updatedAt()).isEqualTo(f.clock.instant());
    }

    @Test
    void an_admin_sees_any_accounts_task() {
        Task t = f.queued(acmeReport());

        assertThat(getTaskStatus.execute(ADMIN, new GetTaskStatusUseCase.Query(t.id())).status()).isEqualTo(TaskStatus.QUEUED);
    }

    @Test
    void the_status_of_an_unknown_task_is_not_found() {
        assertThatThrownBy(() -> getTaskStatus.execute(ACME, new GetTaskStatusUseCase.Query(TaskId.of("missing"))))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("missing");
    }

    @Test
    void the_status_of_another_accounts_task_is_denied() {
        Task t = f.queued(acmeReport());

        assertThatThrownBy(() -> getTaskStatus.execute(GLOBEX, new GetTaskStatusUseCase.Query(t.id())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_status_query_needs_a_task_id() {
        assertThatThrownBy(() -> new GetTaskStatusUseCase.Query(null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("task_id"));
    }

    // --- GetTasksStatus

    @Test
    void tells_many_statuses_in_the_order_asked_and_lists_unknown_ids_apart() {
        Task a = f.queued(acmeReport());
        Task b = f.inStatus(acmeReport(), TaskStatus.SUCCEEDED);

        GetTasksStatusUseCase.Result r = getTasksStatus.execute(ACME, new GetTasksStatusUseCase.Query(
                List.of(b.id(), TaskId.of("gone"), a.id(), b.id())));

        assertThat(r.statuses()).extracting(GetTaskStatusUseCase.Result::taskId).containsExactly(b.id(), a.id());
        assertThat(r.statuses()).extracting(GetTaskStatusUseCase.Result::status)
                .containsExactly(TaskStatus.SUCCEEDED, TaskStatus.QUEUED);
        assertThat(r.notFound()).containsExactly(TaskId.of("gone"));
    }

    @Test
    void many_statuses_including_another_accounts_task_are_denied() {
        Task mine = f.queued(acmeReport());
        Task theirs = f.queued(report("globex", "r9"));

        assertThatThrownBy(() -> getTasksStatus.execute(ACME, new GetTasksStatusUseCase.Query(List.of(mine.id(), theirs.id()))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void many_statuses_need_between_one_and_500_ids() {
        List<TaskId> tooMany = new ArrayList<>();
        for (int i = 0; i < GetTasksStatusUseCase.MAX_IDS + 1; i++) {
            tooMany.add(TaskId.of("t" + i));
        }
        assertThatThrownBy(() -> new GetTasksStatusUseCase.Query(tooMany)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("task_ids").hasMessageContaining("500");
        assertThatThrownBy(() -> new GetTasksStatusUseCase.Query(List.of())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("task_ids");
        assertThatThrownBy(() -> new GetTasksStatusUseCase.Query(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new GetTasksStatusUseCase.Query(Arrays.asList(TaskId.of("a"), null)))
                .isInstanceOf(ValidationException.class);
        assertThat(new GetTasksStatusUseCase.Query(Collections.nCopies(500, TaskId.of("a"))).taskIds()).hasSize(1);
    }

    // --- GetTaskInfo

    @Test
    void gives_the_full_detail_of_a_running_task_with_its_duration_so_far() {
        Task t = f.inStatus(acmeReport(), TaskStatus.RUNNING);
        f.clock.tick(Duration.ofMinutes(7));

        GetTaskInfoUseCase.Result r = getTaskInfo.execute(ACME, new GetTaskInfoUseCase.Query(t.id()));

        assertThat(r.task().origin().kind()).isEqualTo(TaskKind.MANUAL);
        assertThat(r.task().parameters().values()).containsEntry("category", "shoes");
        assertThat(r.task().launchName()).contains("job-" + t.id());
        assertThat(r.task().createdAt()).isEqualTo(TaskFixture.T0);
        assertThat(r.duration()).contains(Duration.ofMinutes(7));
        assertThat(r.children()).isEmpty();
    }

    @Test
    void a_finished_tasks_duration_stops_at_its_end_and_a_queued_one_has_none() {
        Task done = f.ran(acmeReport(), Duration.ofMinutes(12), TaskStatus.SUCCEEDED);
        Task waiting = f.queued(acmeReport());
        f.clock.tick(Duration.ofHours(1));

        assertThat(getTaskInfo.execute(ACME, new GetTaskInfoUseCase.Query(done.id())).duration())
                .contains(Duration.ofMinutes(12));
        assertThat(getTaskInfo.execute(ACME, new GetTaskInfoUseCase.Query(waiting.id())).duration()).isEmpty();
    }

    @Test
    void a_parents_detail_counts_its_children_by_status() {
        Task parent = Task.queue(f.mem.ids.taskId(), TaskOrigin.parent(acmeReport(), Parameters.NONE, 3, null),
                f.clock.instant());
        f.mem.tasks.insert(parent);
        Task c0 = child(parent, 0);
        Task c1 = child(parent, 1);
        child(parent, 2);
        f.move(f.move(f.launching(c0), TaskStatus.RUNNING), TaskStatus.SUCCEEDED);
        f.move(f.launching(c1), TaskStatus.RUNNING);

        GetTaskInfoUseCase.ChildCounts counts = getTaskInfo.execute(ACME, new GetTaskInfoUseCase.Query(parent.id()))
                .children().orElseThrow();

        assertThat(counts.total()).isEqualTo(3);
        assertThat(counts.active()).isEqualTo(2);
        assertThat(counts.byStatus()).containsExactlyInAnyOrderEntriesOf(Map.of(
                TaskStatus.SUCCEEDED, 1L, TaskStatus.RUNNING, 1L, TaskStatus.QUEUED, 1L));
    }

    @Test
    void the_detail_of_an_unknown_task_is_not_found_and_of_a_foreign_one_denied() {
        Task t = f.queued(acmeReport());

        assertThatThrownBy(() -> getTaskInfo.execute(ACME, new GetTaskInfoUseCase.Query(TaskId.of("x"))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> getTaskInfo.execute(GLOBEX, new GetTaskInfoUseCase.Query(t.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> new GetTaskInfoUseCase.Query(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("task_id");
    }

    private Task child(Task parent, int index) {
        Task c = Task.queue(f.mem.ids.taskId(), TaskOrigin.child(parent, index, "item-" + index), f.clock.instant());
        f.mem.tasks.insert(c);
        return c;
    }
}
