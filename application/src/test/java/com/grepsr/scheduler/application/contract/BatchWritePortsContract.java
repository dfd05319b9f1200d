package com.grepsr.scheduler.application.contract;

import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.port.out.TaskStorePort.Update;
import com.grepsr.scheduler.domain.error.AlreadyExistsException;
import com.grepsr.scheduler.domain.error.VersionConflictException;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;
import com.grepsr.scheduler.domain.task.TaskOrigin;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static com.grepsr.scheduler.application.contract.ContractFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The batch methods the processor fires a claimed batch with (ScheduleStorePort.findAll,
 * TaskStorePort.insertAll/updateAll, TaskHistoryStorePort.appendAll, ScheduledRunStorePort.settleAll):
 * each does what its one-at-a-time method does for every element, and the all-or-none ones change
 * nothing when one element fails. Sizes pass the SQL stores' statement chunk (500 rows).
 */
public abstract class BatchWritePortsContract extends StoreContract {

    private static final int MORE_THAN_A_CHUNK = 601;

    @Test
    void find_all_schedules_returns_the_existing_ones_among_the_ids_once_each() {
        Schedule a = aStoredSchedule();
        Schedule b = aStoredSchedule();
        aStoredSchedule();

        assertThat(stores.schedules().findAll(List.of(a.id(), aScheduleId(), b.id(), a.id())))
                .extracting(Schedule::id).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(stores.schedules().findAll(List.of())).isEmpty();
    }

    @Test
    void insert_all_stores_every_task_intact() {
        List<Task> created = manualTasks(MORE_THAN_A_CHUNK);

        stores.transactions().run(() -> stores.tasks().insertAll(created));

        assertThat(stores.tasks().findAll(created.stream().map(Task::id).toList())).hasSize(created.size());
        TaskStorePortContract.assertSameTask(stores.tasks().find(created.get(600).id()).orElseThrow(), created.get(600));
    }

    @Test
    void insert_all_with_one_taken_id_fails_and_stores_none_of_them() {
        Task taken = aManualTask(aReport(), BASE);
        stores.tasks().insert(taken);
        List<Task> created = List.of(aManualTask(aReport(), BASE), launched(taken, BASE), aManualTask(aReport(), BASE));

        assertThatThrownBy(() -> stores.transactions().run(() -> stores.tasks().insertAll(created)))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> assertThat(e.id()).isEqualTo(taken.id().value()));
        assertThat(stores.tasks().findAll(created.stream().map(Task::id).toList())).extracting(Task::id)
                .containsExactly(taken.id());
        assertThat(stores.tasks().find(taken.id()).orElseThrow().status()).isEqualTo(TaskStatus.QUEUED);
    }

    @Test
    void insert_all_names_the_taken_id_when_it_comes_last_and_stores_none_of_the_batch() {
        Task taken = aManualTask(aReport(), BASE);
        stores.tasks().insert(taken);
        // past the first statement chunk: the first 500 go in before the taken one is met
        List<Task> created = new ArrayList<>(manualTasks(MORE_THAN_A_CHUNK - 1));
        created.add(launched(taken, BASE));

        assertThatThrownBy(() -> stores.transactions().run(() -> stores.tasks().insertAll(created)))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> {
                    assertThat(e.id()).isEqualTo(taken.id().value());
                    assertThat(e.kind()).isEqualTo("task");
                });
        assertThat(stores.tasks().findAll(created.stream().map(Task::id).toList())).extracting(Task::id)
                .containsExactly(taken.id());
        TaskStorePortContract.assertSameTask(stores.tasks().find(taken.id()).orElseThrow(), taken);
    }

    @Test
    void insert_all_names_the_taken_id_among_a_few_new_ones() {
        Task taken = aManualTask(aReport(), BASE);
        stores.tasks().insert(taken);
        List<Task> created = new ArrayList<>(manualTasks(4));
        created.add(launched(taken, BASE));

        assertThatThrownBy(() -> stores.transactions().run(() -> stores.tasks().insertAll(created)))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> assertThat(e.id()).isEqualTo(taken.id().value()));
        assertThat(stores.tasks().findAll(created.stream().map(Task::id).toList())).extracting(Task::id)
                .containsExactly(taken.id());
    }

    @Test
    void update_all_replaces_every_task_at_its_expected_version() {
        List<Task> created = manualTasks(MORE_THAN_A_CHUNK);
        stores.transactions().run(() -> stores.tasks().insertAll(created));
        List<Task> launched = created.stream().map(t -> launched(t, minutesAfterBase(1))).toList();

        stores.transactions().run(() -> stores.tasks().updateAll(
                launched.stream().map(t -> new Update(t, created.get(0).version())).toList()));

        TaskStorePortContract.assertSameTask(stores.tasks().find(launched.get(0).id()).orElseThrow(), launched.get(0));
        TaskStorePortContract.assertSameTask(stores.tasks().find(launched.get(600).id()).orElseThrow(), launched.get(600));
        assertThat(stores.tasks().findAll(created.stream().map(Task::id).toList()))
                .allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.LAUNCHING));
    }

    @Test
    void update_all_with_one_stale_version_is_a_conflict_and_changes_none_of_them() {
        List<Task> created = manualTasks(3);
        stores.transactions().run(() -> stores.tasks().insertAll(created));
        Task stopped = created.get(1).moveTo(TaskStatus.STOPPED, minutesAfterBase(1));
        stores.tasks().update(stopped, created.get(1).version());

        assertThatThrownBy(() -> stores.transactions().run(() -> stores.tasks().updateAll(created.stream()
                .map(t -> new Update(launched(t, minutesAfterBase(2)), t.version())).toList())))
                .isInstanceOf(VersionConflictException.class);
        TaskStorePortContract.assertSameTask(stores.tasks().find(created.get(0).id()).orElseThrow(), created.get(0));
        TaskStorePortContract.assertSameTask(stores.tasks().find(created.get(1).id()).orElseThrow(), stopped);
        TaskStorePortContract.assertSameTask(stores.tasks().find(created.get(2).id()).orElseThrow(), created.get(2));
    }

    @Test
    void append_all_stores_the_entries_in_the_order_given() {
        Task t = aManualTask(aReport(), BASE);
        stores.tasks().insert(t);
        List<TaskHistoryEntry> entries = IntStream.range(0, MORE_THAN_A_CHUNK)
                .mapToObj(i -> aHistoryEntry(t, i % 2 == 0 ? TaskStatus.RUNNING : TaskStatus.LAUNCHING,
                        BASE.plus(Duration.ofSeconds(i)))).toList();

        stores.transactions().run(() -> stores.history().appendAll(entries));

        List<TaskHistoryEntry> newestFirst = stores.history()
                .listByTask(t.id(), PageRequest.first(PageRequest.MAX_SIZE)).items();
        assertThat(newestFirst).hasSize(Math.min(MORE_THAN_A_CHUNK, PageRequest.MAX_SIZE));
        // newest first by sequence: the last entry given got the highest sequence
        assertThat(newestFirst.get(0).withSequence(0)).isEqualTo(entries.get(entries.size() - 1).withSequence(0));
        assertThat(newestFirst.get(1).withSequence(0)).isEqualTo(entries.get(entries.size() - 2).withSequence(0));
    }

    /** Text that array literals and CSV-like encodings get wrong; batch writes must keep it exact. */
    private static final String AWKWARD = "a \"quoted\", {braced} back\\slash; NULL é 日本 \t tab";

    @Test
    void batch_writes_keep_awkward_text_and_empty_values_exact() {
        Task awkward = Task.queue(aTaskId(), TaskOrigin.manual(aReport(), null,
                Parameters.of(Map.of("q", AWKWARD, "NULL", "", "empty", "")), Duration.ofSeconds(90)), BASE);
        Task plain = aManualTask(aReport(), BASE);
        stores.transactions().run(() -> stores.tasks().insertAll(List.of(awkward, plain)));
        Task moved = awkward.moveTo(TaskStatus.STOPPED, null, AWKWARD, minutesAfterBase(1));
        stores.transactions().run(() -> stores.tasks().updateAll(List.of(new Update(moved, awkward.version()))));
        TaskHistoryEntry entry = new TaskHistoryEntry(0, awkward.id(), null, awkward.report().accountId(),
                TaskStatus.STOPPED, null, AWKWARD, Map.of("why", AWKWARD, "NULL", ""),
                TaskHistoryEntry.Source.SCHEDULER, minutesAfterBase(1));

        stores.transactions().run(() -> stores.history().appendAll(List.of(entry)));

        TaskStorePortContract.assertSameTask(stores.tasks().find(awkward.id()).orElseThrow(), moved);
        TaskStorePortContract.assertSameTask(stores.tasks().find(plain.id()).orElseThrow(), plain);
        assertThat(stores.history().listByTask(awkward.id(), PageRequest.first(10)).items())
                .singleElement().satisfies(e -> assertThat(e.withSequence(0)).isEqualTo(entry));
    }

    @Test
    void settle_all_settles_the_pending_runs_and_counts_only_those_it_changed() {
        Schedule s = aStoredSchedule();
        List<ScheduledRun> pending = pendingRuns(s, BASE, Duration.ofMinutes(1), MORE_THAN_A_CHUNK);
        stores.runs().insertIfAbsent(pending);
        stores.runs().settle(pending.get(5).cancel(BASE));
        List<ScheduledRun> dispatched = pending.stream().map(r -> r.dispatch(aTaskId(), minutesAfterBase(1))).toList();

        int changed = stores.transactions().inTransaction(() -> stores.runs().settleAll(dispatched));

        assertThat(changed).isEqualTo(MORE_THAN_A_CHUNK - 1);
        assertThat(stores.runs().find(pending.get(0).id())).contains(dispatched.get(0));
        assertThat(stores.runs().find(pending.get(600).id())).contains(dispatched.get(600));
        assertThat(stores.runs().find(pending.get(5).id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
    }

    @Test
    void settle_all_refuses_a_run_still_pending_and_settles_none() {
        Schedule s = aStoredSchedule();
        List<ScheduledRun> pending = pendingRuns(s, BASE, Duration.ofMinutes(1), 2);
        stores.runs().insertIfAbsent(pending);

        assertThatThrownBy(() -> stores.runs().settleAll(List.of(pending.get(0).dispatch(aTaskId(), BASE), pending.get(1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(stores.runs().find(pending.get(0).id()).orElseThrow().status()).isEqualTo(RunStatus.PENDING);
    }

    private static List<Task> manualTasks(int count) {
        return IntStream.range(0, count).mapToObj(i -> aManualTask(aReport(), BASE)).toList();
    }
}
