package com.grepsr.scheduler.application.task;

import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.TaskStats;
import com.grepsr.scheduler.application.model.TimeWindow;
import com.grepsr.scheduler.application.port.in.GetActiveTasksV2UseCase;
import com.grepsr.scheduler.application.port.in.GetCompletedTasksUseCase;
import com.grepsr.scheduler.application.port.in.GetStatsUseCase;
import com.grepsr.scheduler.application.port.in.GetStatsUseCase.Basis;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.error.AccessDeniedException;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskKind;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static com.grepsr.scheduler.application.task.TaskFixture.ACME;
import static com.grepsr.scheduler.application.task.TaskFixture.ADMIN;
import static com.grepsr.scheduler.application.task.TaskFixture.GLOBEX;
import static com.grepsr.scheduler.application.task.TaskFixture.T0;
import static com.grepsr.scheduler.application.task.TaskFixture.acmeReport;
import static com.grepsr.scheduler.application.task.TaskFixture.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskListsTest {

    private final TaskFixture f = new TaskFixture();
    private final GetActiveTasksV2Service getActiveTasksV2 = new GetActiveTasksV2Service(f.mem.tasks);
    private final GetCompletedTasksService getCompletedTasks = new GetCompletedTasksService(f.mem.tasks);
    private final GetStatsService getStats = new GetStatsService(f.mem.tasks);

    // --- GetActiveTasksV2

    @Test
    void lists_queued_launching_and_running_tasks_of_the_callers_account_only() {
        Task q = f.inStatus(acmeReport(), TaskStatus.QUEUED);
        Task l = f.inStatus(acmeReport(), TaskStatus.LAUNCHING);
        Task r = f.inStatus(acmeReport(), TaskStatus.RUNNING);
        f.inStatus(acmeReport(), TaskStatus.SUCCEEDED);
        f.inStatus(report("globex", "g1"), TaskStatus.RUNNING);

        Page<Task> page = getActiveTasksV2.execute(ACME, GetActiveTasksV2UseCase.Query.all(PageRequest.first(10))).tasks();

        assertThat(page.items()).extracting(Task::id).containsExactlyInAnyOrder(q.id(), l.id(), r.id());
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void active_tasks_filter_by_report_schedule_kind_and_status() {
        ScheduleId s = ScheduleId.of("s1");
        Task wanted = f.inStatus(report("acme", "r2"), s, TaskStatus.RUNNING);
        f.inStatus(report("acme", "r2"), s, TaskStatus.QUEUED);
        f.inStatus(report("acme", "r2"), TaskStatus.RUNNING);
        f.inStatus(acmeReport(), s, TaskStatus.RUNNING);

        Page<Task> page = getActiveTasksV2.execute(ACME, new GetActiveTasksV2UseCase.Query(Optional.empty(),
                Optional.of(ReportId.of("r2")), Optional.of(s), Set.of(TaskKind.MANUAL), Set.of(TaskStatus.RUNNING),
                PageRequest.first(10))).tasks();

        assertThat(page.items()).extracting(Task::id).containsExactly(wanted.id());
        assertThat(getActiveTasksV2.execute(ACME, new GetActiveTasksV2UseCase.Query(null, null, null,
                Set.of(TaskKind.SCHEDULED), null, PageRequest.first(10))).tasks().items()).isEmpty();
    }

    @Test
    void an_admin_lists_every_accounts_active_tasks_or_one_account() {
        f.inStatus(acmeReport(), TaskStatus.RUNNING);
        Task g = f.inStatus(report("globex", "g1"), TaskStatus.RUNNING);

        assertThat(getActiveTasksV2.execute(ADMIN, GetActiveTasksV2UseCase.Query.all(PageRequest.first(10))).tasks().items())
                .hasSize(2);
        assertThat(getActiveTasksV2.execute(ADMIN, new GetActiveTasksV2UseCase.Query(Optional.of(AccountId.of("globex")),
                null, null, null, null, PageRequest.first(10))).tasks().items()).extracting(Task::id)
                .containsExactly(g.id());
    }

    @Test
    void asking_for_another_accounts_active_tasks_is_denied() {
        assertThatThrownBy(() -> getActiveTasksV2.execute(GLOBEX, new GetActiveTasksV2UseCase.Query(
                Optional.of(AccountId.of("acme")), null, null, null, null, PageRequest.first(10))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void active_tasks_refuse_final_statuses() {
        assertThatThrownBy(() -> new GetActiveTasksV2UseCase.Query(null, null, null, null,
                Set.of(TaskStatus.RUNNING, TaskStatus.FAILED), null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("statuses"));
    }

    @Test
    void active_tasks_page_newest_first_without_duplicates_or_gaps() {
        List<Task> made = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            made.add(f.inStatus(acmeReport(), TaskStatus.RUNNING));
            if (i % 3 == 0) {
                f.clock.tick(Duration.ofSeconds(1)); // some tasks share a creation instant, some do not
            }
        }

        List<Task> seen = all(token -> getActiveTasksV2.execute(ACME, GetActiveTasksV2UseCase.Query.all(
                new PageRequest(4, token))).tasks(), 4);

        assertThat(seen).extracting(Task::id).doesNotHaveDuplicates()
                .containsExactlyElementsOf(newestFirst(made));
    }

    @Test
    void a_bad_page_size_or_token_is_a_validation_error() {
        assertThatThrownBy(() -> new PageRequest(501, "")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("page_size");
        assertThatThrownBy(() -> getActiveTasksV2.execute(ACME, GetActiveTasksV2UseCase.Query.all(new PageRequest(5, "zzz"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("page_token");
    }

    // --- GetCompletedTasks

    @Test
    void lists_tasks_that_finished_within_the_window_inclusive() {
        Task before = f.ran(acmeReport(), Duration.ofMinutes(5), TaskStatus.SUCCEEDED);  // ends T0+5m
        Task atStart = f.ran(acmeReport(), Duration.ofMinutes(5), TaskStatus.FAILED);    // ends T0+10m
        Task inside = f.ran(acmeReport(), Duration.ofMinutes(5), TaskStatus.TIMED_OUT); // ends T0+15m
        Task atEnd = f.ran(acmeReport(), Duration.ofMinutes(5), TaskStatus.SUCCEEDED);   // ends T0+20m
        f.ran(acmeReport(), Duration.ofMinutes(5), TaskStatus.SUCCEEDED);                // ends T0+25m
        f.inStatus(acmeReport(), TaskStatus.RUNNING);
        TimeWindow window = TimeWindow.of(T0.plus(Duration.ofMinutes(10)), T0.plus(Duration.ofMinutes(20)));

        List<Task> found = getCompletedTasks.execute(ACME, GetCompletedTasksUseCase.Query.in(window, PageRequest.first(50)))
                .tasks().items();

        assertThat(found).extracting(Task::id).containsExactly(atEnd.id(), inside.id(), atStart.id());
        assertThat(found).extracting(Task::id).doesNotContain(before.id());
    }

    @Test
    void completed_tasks_filter_by_status_and_stay_in_the_callers_account() {
        f.ran(acmeReport(), Duration.ofMinutes(1), TaskStatus.SUCCEEDED);
        Task failed = f.ran(acmeReport(), Duration.ofMinutes(1), TaskStatus.FAILED);
        f.ran(report("globex", "g1"), Duration.ofMinutes(1), TaskStatus.FAILED);
        TimeWindow day = TimeWindow.of(T0, T0.plus(Duration.ofDays(1)));

        List<Task> found = getCompletedTasks.execute(ACME, new GetCompletedTasksUseCase.Query(null, null, null, null,
                Set.of(TaskStatus.FAILED), day, PageRequest.first(50))).tasks().items();

        assertThat(found).extracting(Task::id).containsExactly(failed.id());
        assertThatThrownBy(() -> getCompletedTasks.execute(ACME, new GetCompletedTasksUseCase.Query(
                Optional.of(AccountId.of("globex")), null, null, null, null, day, null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void completed_tasks_page_without_duplicates_or_gaps() {
        List<Task> made = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            made.add(f.inStatus(acmeReport(), TaskStatus.SUCCEEDED));
        }
        TimeWindow day = TimeWindow.of(T0, T0.plus(Duration.ofDays(1)));

        List<Task> seen = all(token -> getCompletedTasks.execute(ACME, GetCompletedTasksUseCase.Query.in(day,
                new PageRequest(2, token))).tasks(), 2);

        assertThat(seen).extracting(Task::id).containsExactlyElementsOf(newestFirst(made));
    }

    @Test
    void completed_tasks_need_a_bounded_window_and_final_statuses() {
        assertThatThrownBy(() -> GetCompletedTasksUseCase.Query.in(null, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("from");
        assertThatThrownBy(() -> TimeWindow.of(null, T0)).hasMessageContaining("from: is required");
        assertThatThrownBy(() -> TimeWindow.of(T0, null)).hasMessageContaining("to: is required");
        assertThatThrownBy(() -> TimeWindow.of(T0, T0.minusSeconds(1))).hasMessageContaining("to: must not be before");
        assertThatThrownBy(() -> TimeWindow.of(T0, T0.plus(Duration.ofDays(93)).plusSeconds(1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("93 days");
        assertThat(TimeWindow.of(T0, T0.plus(Duration.ofDays(93)))).isNotNull();
        assertThatThrownBy(() -> new GetCompletedTasksUseCase.Query(null, null, null, null,
                Set.of(TaskStatus.RUNNING), TimeWindow.of(T0, T0), null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("statuses");
    }

    // --- GetStats

    /**
     * The known set: acme r1 creates, from T0, a 10-, 20- and 30-minute run (two succeed, one
     * fails), a task stopped while queued, one running and one queued; acme r2 has a 40-minute
     * success; globex has one success; and a 50-minute acme success was created the day before.
     */
    private void knownSet() {
        f.clock.set(T0.minus(Duration.ofDays(1)));
        f.ran(acmeReport(), Duration.ofMinutes(50), TaskStatus.SUCCEEDED);
        f.clock.set(T0);
        f.ran(acmeReport(), Duration.ofMinutes(10), TaskStatus.SUCCEEDED); // T0 .. T0+10m
        f.ran(acmeReport(), Duration.ofMinutes(20), TaskStatus.SUCCEEDED); // .. T0+30m
        f.ran(acmeReport(), Duration.ofMinutes(30), TaskStatus.FAILED);    // .. T0+60m
        f.inStatus(acmeReport(), TaskStatus.STOPPED);
        f.inStatus(acmeReport(), TaskStatus.RUNNING);
        f.inStatus(acmeReport(), TaskStatus.QUEUED);
        f.ran(report("acme", "r2"), Duration.ofMinutes(40), TaskStatus.SUCCEEDED); // T0+60m .. T0+100m
        f.ran(report("globex", "g1"), Duration.ofMinutes(5), TaskStatus.SUCCEEDED);
    }

    @Test
    void counts_an_accounts_tasks_created_in_the_window_exactly() {
        knownSet();

        GetStatsUseCase.Result r = getStats.execute(ACME, GetStatsUseCase.Query.of(Optional.empty(), Basis.CREATED,
                TimeWindow.of(T0, T0.plus(Duration.ofDays(1)))));

        TaskStats s = r.stats();
        assertThat(s.countsByStatus()).containsExactlyInAnyOrderEntriesOf(Map.of(TaskStatus.SUCCEEDED, 3L,
                TaskStatus.FAILED, 1L, TaskStatus.STOPPED, 1L, TaskStatus.RUNNING, 1L, TaskStatus.QUEUED, 1L));
        assertThat(s.total()).isEqualTo(7);
        assertThat(s.finished()).isEqualTo(5);
        assertThat(s.succeeded()).isEqualTo(3);
        assertThat(r.successRate()).isEqualTo(0.6);
        // the stopped task never started, so four runs are timed: (10 + 20 + 30 + 40) / 4
        assertThat(s.averageDuration()).isEqualTo(Duration.ofMinutes(25));
        assertThat(s.maxDuration()).isEqualTo(Duration.ofMinutes(40));
    }

    @Test
    void counts_one_reports_tasks_that_finished_in_the_window() {
        knownSet();

        TaskStats s = getStats.execute(ADMIN, new GetStatsUseCase.Query(Optional.of(AccountId.of("acme")),
                Optional.of(ReportId.of("r1")), null, null, Basis.FINISHED,
                TimeWindow.of(T0.plus(Duration.ofMinutes(30)), T0.plus(Duration.ofHours(2))))).stats();

        // the 20-minute success (ends T0+30m), the 30-minute failure and the stop (both at T0+60m);
        // the 10-minute run ended before the window and r2's run is another report
        assertThat(s.countsByStatus()).containsExactlyInAnyOrderEntriesOf(Map.of(TaskStatus.SUCCEEDED, 1L,
                TaskStatus.FAILED, 1L, TaskStatus.STOPPED, 1L));
        assertThat(s.successRate()).isEqualTo(1.0 / 3);
        assertThat(s.averageDuration()).isEqualTo(Duration.ofMinutes(25));
        assertThat(s.maxDuration()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void an_admin_counts_every_account_and_an_empty_window_counts_nothing() {
        knownSet();

        TaskStats all = getStats.execute(ADMIN, GetStatsUseCase.Query.of(Optional.empty(), Basis.CREATED,
                TimeWindow.of(T0.minus(Duration.ofDays(2)), T0.plus(Duration.ofDays(1))))).stats();
        TaskStats none = getStats.execute(ADMIN, GetStatsUseCase.Query.of(Optional.empty(), Basis.FINISHED,
                TimeWindow.of(T0.plus(Duration.ofDays(5)), T0.plus(Duration.ofDays(6))))).stats();

        assertThat(all.total()).isEqualTo(9);
        assertThat(all.succeeded()).isEqualTo(5);
        assertThat(all.maxDuration()).isEqualTo(Duration.ofMinutes(50));
        assertThat(none.total()).isZero();
        assertThat(none.successRate()).isZero();
        assertThat(none.averageDuration()).isEqualTo(Duration.ZERO);
    }

    @Test
    void stats_for_another_account_are_denied_and_need_a_window() {
        assertThatThrownBy(() -> getStats.execute(GLOBEX, GetStatsUseCase.Query.of(Optional.of(AccountId.of("acme")),
                Basis.CREATED, TimeWindow.of(T0, T0)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> GetStatsUseCase.Query.of(Optional.empty(), Basis.CREATED, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("from");
        assertThat(GetStatsUseCase.Query.of(Optional.empty(), null, TimeWindow.of(T0, T0)).basis())
                .isEqualTo(Basis.CREATED);
    }

    /** Follows next-page tokens to the end, checking every page but the last is full. */
    private static List<Task> all(Function<String, Page<Task>> fetch, int pageSize) {
        List<Task> seen = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            Page<Task> p = fetch.apply(token);
            if (p.hasNext()) {
                assertThat(p.items()).hasSize(pageSize);
            }
            seen.addAll(p.items());
            token = p.nextPageToken();
            assertThat(++pages).isLessThan(100);
        } while (!token.isEmpty());
        return seen;
    }

    private static List<TaskId> newestFirst(List<Task> tasks) {
        return tasks.stream().sorted(Comparator.comparing(Task::createdAt).thenComparing(Task::id).reversed())
                .map(Task::id).toList();
    }
}
