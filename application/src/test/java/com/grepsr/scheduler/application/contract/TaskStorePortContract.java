package com.grepsr.scheduler.application.contract;

import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.PageTokens;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.model.TaskStats;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.error.AlreadyExistsException;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.VersionConflictException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskKind;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static com.grepsr.scheduler.application.contract.ContractFixtures.ACCOUNT_A;
import static com.grepsr.scheduler.application.contract.ContractFixtures.ACCOUNT_B;
import static com.grepsr.scheduler.application.contract.ContractFixtures.BASE;
import static com.grepsr.scheduler.application.contract.ContractFixtures.assertRejectedAsPageToken;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aChildOf;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aManualTask;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aParentTask;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aReport;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aReportOf;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aTaskId;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aTestTask;
import static com.grepsr.scheduler.application.contract.ContractFixtures.finished;
import static com.grepsr.scheduler.application.contract.ContractFixtures.hoursAfterBase;
import static com.grepsr.scheduler.application.contract.ContractFixtures.inParallel;
import static com.grepsr.scheduler.application.contract.ContractFixtures.launched;
import static com.grepsr.scheduler.application.contract.ContractFixtures.minutesAfterBase;
import static com.grepsr.scheduler.application.contract.ContractFixtures.running;
import static com.grepsr.scheduler.application.contract.ContractFixtures.walkAllPages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@link com.grepsr.scheduler.application.port.out.TaskStorePort} contract. Uses
 * {@link Stores#tasks()}, and {@link Stores#schedules()}/{@link Stores#runs()} to store what
 * scheduled tasks refer to.
 */
public abstract class TaskStorePortContract extends StoreContract implements RefusesForeignPageTokens {

    private static final Comparator<Task> NEWEST_FIRST =
            Comparator.comparing(Task::createdAt).thenComparing(Task::id).reversed();

    // ---- insert and find ----------------------------------------------------------------------

    @Test
    void a_stored_task_comes_back_with_every_field_intact() {
        Task scheduled = aStoredScheduledTask();
        Task done = finished(scheduled, TaskStatus.SUCCEEDED, minutesAfterBase(1), Duration.ofSeconds(42));
        stores.tasks().update(done, scheduled.version());
        Task parent = aParentTask(aReport(), 3, BASE);
        Task child = launched(aChildOf(parent, 2, BASE), minutesAfterBase(1));
        Task test = aTestTask(aReport(), BASE);
        List.of(parent, child, test).forEach(stores.tasks()::insert);

        for (Task t : List.of(done, parent, child, test)) {
            assertSameTask(stores.tasks().find(t.id()).orElseThrow(), t);
        }
    }

    @Test
    void an_unknown_task_is_not_found() {
        assertThat(stores.tasks().find(aTaskId())).isEmpty();
    }

    @Test
    void inserting_a_taken_id_fails_and_keeps_the_first() {
        Task t = aManualTask(aReport(), BASE);
        stores.tasks().insert(t);

        assertThatThrownBy(() -> stores.tasks().insert(launched(t, BASE))).isInstanceOf(AlreadyExistsException.class);
        assertThat(stores.tasks().find(t.id()).orElseThrow().status()).isEqualTo(TaskStatus.QUEUED);
    }

    // ---- compare-and-set update ---------------------------------------------------------------

    @Test
    void an_update_at_the_stored_version_replaces_the_task() {
        Task t = aManualTask(aReport(), BASE);
        stores.tasks().insert(t);
        Task run = running(t, minutesAfterBase(2));

        stores.tasks().update(run, t.version());

        assertSameTask(stores.tasks().find(t.id()).orElseThrow(), run);
    }

    @Test
    void an_update_at_a_stale_version_is_a_conflict_and_changes_nothing() {
        Task t = aManualTask(aReport(), BASE);
        stores.tasks().insert(t);
        Task stopped = t.moveTo(TaskStatus.STOPPED, minutesAfterBase(1));
        stores.tasks().update(stopped, t.version());

        assertThatThrownBy(() -> stores.tasks().update(launched(t, minutesAfterBase(2)), t.version()))
                .isInstanceOf(VersionConflictException.class);
        assertSameTask(stores.tasks().find(t.id()).orElseThrow(), stopped);
    }

    @Test
    void updating_an_unknown_task_is_not_found() {
        Task t = aManualTask(aReport(), BASE);
        assertThatThrownBy(() -> stores.tasks().update(launched(t, BASE), 1)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void of_writers_racing_on_one_version_exactly_one_wins() {
        Task t = aManualTask(aReport(), BASE);
        stores.tasks().insert(t);
        AtomicInteger writer = new AtomicInteger();

        var outcomes = inParallel(8, () -> {
            Task mine = t.moveTo(TaskStatus.STOPPED, null, "writer " + writer.incrementAndGet(), minutesAfterBase(1));
            stores.tasks().update(mine, t.version());
            return mine.message();
        });

        assertThat(outcomes).filteredOn(o -> o.succeeded()).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.succeeded())
                .allSatisfy(o -> assertThat(o.error()).isInstanceOf(VersionConflictException.class));
        String winner = outcomes.stream().filter(o -> o.succeeded()).findFirst().orElseThrow().value();
        assertThat(stores.tasks().find(t.id()).orElseThrow().message()).isEqualTo(winner);
    }

    // ---- findAll and findByLaunchName ---------------------------------------------------------

    @Test
    void find_all_returns_the_existing_tasks_among_the_ids_once_each() {
        Task a = aManualTask(aReport(), BASE);
        Task b = aManualTask(aReport(), BASE);
        Task c = aManualTask(aReport(), BASE);
        List.of(a, b, c).forEach(stores.tasks()::insert);

        assertThat(stores.tasks().findAll(List.of(a.id(), aTaskId(), c.id(), a.id())))
                .extracting(Task::id).containsExactlyInAnyOrder(a.id(), c.id());
        assertThat(stores.tasks().findAll(List.of())).isEmpty();
    }

    @Test
    void a_launched_task_is_found_by_its_launch_name() {
        Task t = aManualTask(aReport(), BASE);
        stores.tasks().insert(t);
        stores.tasks().insert(aManualTask(aReport(), BASE));
        Task l = launched(t, minutesAfterBase(1));
        stores.tasks().update(l, t.version());

        assertThat(stores.tasks().findByLaunchName(l.launchName().orElseThrow())).map(Task::id).contains(t.id());
        assertThat(stores.tasks().findByLaunchName("crawl-nobody")).isEmpty();
    }

    // ---- list ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "page size {0}")
    @ValueSource(ints = {1, 4, 30, 500})
    void walking_every_page_returns_each_task_once_newest_first(int pageSize) {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // three tasks share each creation instant: the id breaks ties
            tasks.add(aManualTask(aReport(), minutesAfterBase(i / 3)));
        }
        tasks.forEach(stores.tasks()::insert);

        assertThat(walkAllPages(pageSize, p -> stores.tasks().list(TaskFilter.none(), p)))
                .extracting(Task::id)
                .containsExactlyElementsOf(tasks.stream().sorted(NEWEST_FIRST).map(Task::id).toList());
    }

    @ParameterizedTest(name = "page size {0}")
    @ValueSource(ints = {1, 4, 500})
    void walking_the_pages_of_several_statuses_returns_each_match_once_newest_first(int pageSize) {
        // the admin's GetActiveTasksV2: statuses interleave in creation order, so a store that
        // reads each status on its own must still merge them into one newest-first order
        List<Task> active = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            Task t = aManualTask(aReport(), minutesAfterBase(i / 3)); // three per instant: the id breaks ties
            Task stored = switch (i % 4) {
                case 0 -> t;
                case 1 -> launched(t, minutesAfterBase(i));
                case 2 -> running(t, minutesAfterBase(i));
                default -> finished(t, TaskStatus.SUCCEEDED, minutesAfterBase(i), Duration.ofMinutes(1));
            };
            stores.tasks().insert(stored);
            if (i % 4 != 3) {
                active.add(stored);
            }
        }
        TaskFilter activeOnly = TaskFilter.none()
                .withStatuses(Set.of(TaskStatus.QUEUED, TaskStatus.LAUNCHING, TaskStatus.RUNNING));

        assertThat(walkAllPages(pageSize, p -> stores.tasks().list(activeOnly, p)))
                .extracting(Task::id)
                .containsExactlyElementsOf(active.stream().sorted(NEWEST_FIRST).map(Task::id).toList());
    }

    @Test
    void lists_filter_by_account_report_schedule_parent_status_and_kind() {
        ReportRef ofA = aReportOf(ACCOUNT_A);
        ReportRef ofB = aReportOf(ACCOUNT_B);
        Task manualA = insert(aManualTask(ofA, BASE));
        Task testB = insert(aTestTask(ofB, BASE));
        Task parentA = insert(aParentTask(ofA, 2, BASE));
        Task child0 = insert(aChildOf(parentA, 0, minutesAfterBase(1)));
        Task child1 = insert(aChildOf(parentA, 1, minutesAfterBase(1)));
        Task scheduled = aStoredScheduledTask();
        Task failedB = insert(aManualTask(ofB, BASE));
        stores.tasks().update(finished(failedB, TaskStatus.FAILED, BASE, Duration.ofMinutes(3)), 1);

        assertThat(ids(TaskFilter.none().withAccount(Optional.of(ofB.accountId()))))
                .containsExactlyInAnyOrder(testB.id(), failedB.id());
        assertThat(ids(new TaskFilter(null, Optional.of(ofA.reportId()), null, null, null, null, null, null, null)))
                .containsExactlyInAnyOrder(manualA.id(), parentA.id(), child0.id(), child1.id());
        assertThat(ids(TaskFilter.none().withSchedule(scheduled.scheduleId().orElseThrow())))
                .containsExactly(scheduled.id());
        assertThat(ids(TaskFilter.none().withParent(parentA.id()))).as("same instant: id descending")
                .containsExactly(child1.id(), child0.id());
        assertThat(ids(TaskFilter.none().withStatuses(Set.of(TaskStatus.FAILED)))).containsExactly(failedB.id());
        assertThat(ids(TaskFilter.none().withStatuses(Set.of(TaskStatus.FAILED, TaskStatus.SUCCEEDED))))
                .containsExactly(failedB.id());
        assertThat(ids(new TaskFilter(null, null, null, null, null, Set.of(TaskKind.TEST, TaskKind.SCHEDULED),
                null, null, null))).containsExactlyInAnyOrder(testB.id(), scheduled.id());
        assertThat(ids(new TaskFilter(Optional.of(ofA.accountId()), null, null, null,
                Set.of(TaskStatus.QUEUED), Set.of(TaskKind.CHILD), null, null, null)))
                .containsExactlyInAnyOrder(child0.id(), child1.id());
    }

    @Test
    void lists_filter_by_finish_window_inclusive_and_last_update() {
        Task early = finishedTaskEndingAt(hoursAfterBase(1));
        Task middle = finishedTaskEndingAt(hoursAfterBase(2));
        Task late = finishedTaskEndingAt(hoursAfterBase(3));
        Task active = insert(aManualTask(aReport(), BASE));

        assertThat(ids(window(hoursAfterBase(1), hoursAfterBase(2))))
                .containsExactlyInAnyOrder(early.id(), middle.id());
        assertThat(ids(window(hoursAfterBase(2), null))).containsExactlyInAnyOrder(middle.id(), late.id());
        assertThat(ids(window(null, hoursAfterBase(1)))).containsExactly(early.id());
        assertThat(ids(new TaskFilter(null, null, null, null, null, null, null, null,
                Optional.of(hoursAfterBase(2))))).as("updated strictly before")
                .containsExactlyInAnyOrder(early.id(), active.id());
    }

    @Test
    void a_well_formed_token_with_a_nonsense_key_is_a_validation_error_on_page_token() {
        assertPageTokenRejected(PageTokens.encode("yesterday", "t1"));
        assertPageTokenRejected(PageTokens.encode(BASE.toString(), "not an id!"));
        assertPageTokenRejected(PageTokens.encode("one"));
    }

    // ---- stats --------------------------------------------------------------------------------

    @Test
    void stats_count_every_status_and_measure_finished_runs_exactly() {
        ReportRef report = aReport();
        finishedTask(report, TaskStatus.SUCCEEDED, Duration.ofSeconds(10));
        finishedTask(report, TaskStatus.SUCCEEDED, Duration.ofSeconds(20));
        finishedTask(report, TaskStatus.SUCCEEDED, Duration.ofMinutes(1).plusNanos(4000));
        finishedTask(report, TaskStatus.FAILED, Duration.ofSeconds(30));
        Task stopped = insert(aManualTask(report, BASE)); // stopped before it started: no duration
        stores.tasks().update(stopped.moveTo(TaskStatus.STOPPED, minutesAfterBase(1)), 1);
        Task runningNow = insert(aManualTask(report, BASE));
        stores.tasks().update(running(runningNow, BASE), 1);
        insert(aManualTask(report, BASE));
        finishedTask(aReportOf(ACCOUNT_B), TaskStatus.FAILED, Duration.ofHours(5)); // another account

        TaskStats stats = stores.tasks().stats(TaskFilter.none().withAccount(Optional.of(report.accountId())));

        assertThat(stats.countsByStatus()).isEqualTo(Map.of(TaskStatus.SUCCEEDED, 3L, TaskStatus.FAILED, 1L,
                TaskStatus.STOPPED, 1L, TaskStatus.RUNNING, 1L, TaskStatus.QUEUED, 1L));
        assertThat(stats.total()).isEqualTo(7);
        assertThat(stats.succeeded()).isEqualTo(3);
        assertThat(stats.finished()).isEqualTo(5);
        assertThat(stats.successRate()).isEqualTo(0.6);
        assertThat(stats.averageDuration()).as("(10 + 20 + 60.000004 + 30) / 4 s")
                .isEqualTo(Duration.ofSeconds(30).plusNanos(1000));
        assertThat(stats.maxDuration()).isEqualTo(Duration.ofMinutes(1).plusNanos(4000));
    }

    @Test
    void stats_over_nothing_are_zero() {
        TaskStats stats = stores.tasks().stats(TaskFilter.none());
        assertThat(stats.total()).isZero();
        assertThat(stats.finished()).isZero();
        assertThat(stats.successRate()).isZero();
        assertThat(stats.averageDuration()).isEqualTo(Duration.ZERO);
        assertThat(stats.maxDuration()).isEqualTo(Duration.ZERO);
    }

    @Test
    void stats_honour_the_filter() {
        ReportRef report = aReport();
        finishedTask(report, TaskStatus.SUCCEEDED, Duration.ofSeconds(10));
        finishedTask(aReport(), TaskStatus.SUCCEEDED, Duration.ofSeconds(50));

        TaskStats stats = stores.tasks().stats(new TaskFilter(null, Optional.of(report.reportId()), null, null,
                null, null, null, null, null));

        assertThat(stats.total()).isEqualTo(1);
        assertThat(stats.averageDuration()).isEqualTo(Duration.ofSeconds(10));
    }

    // ---- helpers ------------------------------------------------------------------------------

    @Override
    public void assertPageTokenRejected(String token) {
        IntStream.range(0, 3).forEach(i -> insert(aManualTask(aReport(), BASE)));
        assertRejectedAsPageToken(() -> stores.tasks().list(TaskFilter.none(), new PageRequest(2, token)));
    }

    private Task insert(Task t) {
        stores.tasks().insert(t);
        return t;
    }

    private void finishedTask(ReportRef report, TaskStatus status, Duration ranFor) {
        Task t = insert(aManualTask(report, BASE));
        stores.tasks().update(finished(t, status, minutesAfterBase(1), ranFor), t.version());
    }

    private Task finishedTaskEndingAt(java.time.Instant end) {
        Task t = insert(aManualTask(aReport(), BASE));
        Task done = finished(t, TaskStatus.SUCCEEDED, end.minusSeconds(60), Duration.ofSeconds(60));
        stores.tasks().update(done, t.version());
        return done;
    }

    private static TaskFilter window(java.time.Instant from, java.time.Instant to) {
        return new TaskFilter(null, null, null, null, null, null, Optional.ofNullable(from), Optional.ofNullable(to),
                null);
    }

    private List<TaskId> ids(TaskFilter f) {
        return walkAllPages(PageRequest.MAX_SIZE, p -> stores.tasks().list(f, p)).stream().map(Task::id).toList();
    }

    /** Every field, not only id and version (what {@link Task#equals} compares). */
    static void assertSameTask(Task actual, Task expected) {
        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
    }
}
