package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.model.TaskStats;
import com.grepsr.scheduler.application.port.out.TaskHistoryStorePort;
import com.grepsr.scheduler.application.port.out.TaskQueuePort;
import com.grepsr.scheduler.application.port.out.TaskQueuePort.WorkItem;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.application.port.out.TransactionPort;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.error.AlreadyExistsException;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.VersionConflictException;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.grepsr.scheduler.adapters.sql.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the task, history and queue stores must do on every vendor. */
abstract class TaskChecks {

    private TaskStorePort tasks;
    private TaskHistoryStorePort history;
    private TaskQueuePort queue;
    private TransactionPort transactions;

    abstract SqlAdapters sql();

    @BeforeEach
    void emptyStores() {
        SqlAdapters sql = sql();
        tasks = sql.tasks();
        history = sql.history();
        queue = sql.queue();
        transactions = sql.transactions();
    }

    /**
     * The contract's case again here, because this suite also runs jOOQ's MYSQL dialect on
     * MariaDB (MySqlDialectOnMariaDbStoresTest), the SQL a MySQL 8 server gets.
     */
    @Test
    void insert_all_with_a_taken_id_names_that_id_and_stores_none_of_the_batch() {
        Task taken = Fixtures.manualTask("t-taken", "acct-1", T0);
        tasks.insert(taken);
        List<Task> batch = List.of(Fixtures.manualTask("t-a", "acct-1", T0), Fixtures.manualTask("t-b", "acct-1", T0),
                Fixtures.manualTask("t-taken", "acct-2", T0));

        assertThatThrownBy(() -> transactions.run(() -> tasks.insertAll(batch)))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> assertThat(e.id()).isEqualTo("t-taken"));
        assertThat(tasks.findAll(batch.stream().map(Task::id).toList())).singleElement()
                .satisfies(t -> assertThat(t.report().accountId().value()).isEqualTo("acct-1"));
    }

    @Test
    void tasks_read_back_and_update_by_compare_and_set() {
        Task t = Fixtures.manualTask("t-1", "acct-1", T0);
        tasks.insert(t);
        assertThatThrownBy(() -> tasks.insert(t)).isInstanceOf(AlreadyExistsException.class);
        Task launching = t.launching("job-t-1", T0.plusSeconds(1));
        tasks.update(launching, 1);
        Task running = launching.moveTo(TaskStatus.RUNNING, 10, "page 3", T0.plusSeconds(2));
        tasks.update(running, 2);
        assertThatThrownBy(() -> tasks.update(running, 2)).isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> tasks.update(Fixtures.manualTask("ghost", "a", T0), 1))
                .isInstanceOf(NotFoundException.class);

        Task back = tasks.findByLaunchName("job-t-1").orElseThrow();
        assertThat(back.status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(back.progress()).contains(10);
        assertThat(back.message()).isEqualTo("page 3");
        assertThat(back.startedAt()).contains(T0.plusSeconds(2));
        assertThat(back.origin()).isEqualTo(t.origin());
        assertThat(tasks.findAll(List.of(t.id(), t.id(), TaskId.of("nope")))).hasSize(1);
    }

    @Test
    void tasks_list_newest_first_in_keyset_pages() {
        for (int i = 0; i < 7; i++) {
            // two tasks per instant: the id breaks the tie
            tasks.insert(Fixtures.manualTask("t-" + i, i == 3 ? "acct-2" : "acct-1", T0.plusSeconds(i / 2)));
        }
        TaskFilter acct1 = TaskFilter.none().withAccount(Optional.of(AccountId.of("acct-1")));
        List<String> ids = new ArrayList<>();
        PageRequest request = PageRequest.first(2);
        Page<Task> page;
        do {
            page = tasks.list(acct1, request);
            page.items().forEach(t -> ids.add(t.id().value()));
            request = new PageRequest(2, page.nextPageToken());
        } while (page.hasNext());
        assertThat(ids).containsExactly("t-6", "t-5", "t-4", "t-2", "t-1", "t-0");
        TaskFilter created = new TaskFilter(null, null, null, null, null, null, null, null, null,
                Optional.of(T0.plusSeconds(1)), Optional.of(T0.plusSeconds(2)));
        assertThat(tasks.list(created, PageRequest.first(10)).items()).extracting(t -> t.id().value())
                .containsExactly("t-5", "t-4", "t-3", "t-2");
    }

    @Test
    void stats_count_by_status_and_time_finished_runs() {
        Task ok = Fixtures.manualTask("t-ok", "acct-1", T0).launching("j1", T0);
        ok = ok.moveTo(TaskStatus.RUNNING, T0.plusSeconds(10)).moveTo(TaskStatus.SUCCEEDED, T0.plusSeconds(70));
        Task failed = Fixtures.manualTask("t-bad", "acct-1", T0).launching("j2", T0);
        failed = failed.moveTo(TaskStatus.RUNNING, T0).moveTo(TaskStatus.FAILED, T0.plusSeconds(30));
        Task queued = Fixtures.manualTask("t-q", "acct-1", T0);
        tasks.insert(ok);
        tasks.insert(failed);
        tasks.insert(queued);
        tasks.insert(Fixtures.manualTask("t-other", "acct-2", T0));

        TaskStats stats = tasks.stats(TaskFilter.none().withAccount(Optional.of(AccountId.of("acct-1"))));
        assertThat(stats.countsByStatus()).isEqualTo(Map.of(TaskStatus.SUCCEEDED, 1L, TaskStatus.FAILED, 1L,
                TaskStatus.QUEUED, 1L));
        assertThat(stats.finished()).isEqualTo(2);
        assertThat(stats.succeeded()).isEqualTo(1);
        assertThat(stats.averageDuration()).isEqualTo(Duration.ofSeconds(45));
        assertThat(stats.maxDuration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(tasks.stats(TaskFilter.none().withStatuses(Set.of(TaskStatus.RUNNING))).total()).isZero();
    }

    @Test
    void history_appends_in_order_and_lists_newest_first() {
        Task t = Fixtures.manualTask("t-1", "acct-1", T0);
        List<TaskHistoryEntry> entries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            entries.add(new TaskHistoryEntry(0, t.id(), ScheduleId.of("s-1"), AccountId.of("acct-1"),
                    TaskStatus.RUNNING, i * 20, "step " + i, Map.of("rows", Integer.toString(i), "note", "a&b=c"),
                    TaskHistoryEntry.Source.CRAWLER, T0.plusSeconds(i)));
        }
        List<TaskHistoryEntry> stored = history.append(entries);
        assertThat(stored).extracting(TaskHistoryEntry::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(history.find(stored.get(2).sequence())).contains(stored.get(2));

        Page<TaskHistoryEntry> first = history.listByTask(t.id(), PageRequest.first(3));
        assertThat(first.items()).extracting(TaskHistoryEntry::message).containsExactly("step 4", "step 3", "step 2");
        Page<TaskHistoryEntry> second = history.listBySchedule(ScheduleId.of("s-1"),
                new PageRequest(3, first.nextPageToken()));
        assertThat(second.items()).extracting(TaskHistoryEntry::message).containsExactly("step 1", "step 0");
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void queue_hands_each_item_out_once_in_order_and_positions_keep_increasing() {
        TaskId parent = TaskId.of("parent-1");
        assertThat(queue.enqueue(parent, List.of("a", "b", "c"))).extracting(WorkItem::position)
                .containsExactly(0L, 1L, 2L);
        assertThat(queue.take(parent, 2)).extracting(WorkItem::payload).containsExactly("a", "b");
        assertThat(queue.pending(parent)).isEqualTo(1);
        assertThat(queue.enqueue(parent, List.of("d"))).extracting(WorkItem::position).containsExactly(3L);
        assertThat(queue.take(parent, 10)).extracting(WorkItem::payload).containsExactly("c", "d");
        assertThat(queue.take(parent, 10)).isEmpty();
        queue.enqueue(parent, List.of("e", "f"));
        assertThat(queue.clear(parent)).isEqualTo(2);
        assertThat(queue.pending(TaskId.of("parent-2"))).isZero();
    }
}
