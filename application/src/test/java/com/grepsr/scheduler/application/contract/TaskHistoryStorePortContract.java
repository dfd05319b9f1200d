package com.grepsr.scheduler.application.contract;

import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.PageTokens;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import static com.grepsr.scheduler.application.contract.ContractFixtures.BASE;
import static com.grepsr.scheduler.application.contract.ContractFixtures.assertRejectedAsPageToken;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aHistoryEntry;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aManualTask;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aPendingRun;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aReport;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aScheduleId;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aScheduledTask;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aTaskId;
import static com.grepsr.scheduler.application.contract.ContractFixtures.minutesAfterBase;
import static com.grepsr.scheduler.application.contract.ContractFixtures.walkAllPages;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link com.grepsr.scheduler.application.port.out.TaskHistoryStorePort} contract: append
 * order and newest-first pages. Uses {@link Stores#history()}, and the schedule, run and task
 * stores for the records entries belong to.
 */
public abstract class TaskHistoryStorePortContract extends StoreContract implements RefusesForeignPageTokens {

    private static final Comparator<TaskHistoryEntry> NEWEST_FIRST =
            Comparator.comparingLong(TaskHistoryEntry::sequence).reversed();

    @Test
    void appended_entries_get_increasing_sequences_in_the_order_given() {
        Task t = aStoredTask();
        List<TaskHistoryEntry> entries = List.of(aHistoryEntry(t, TaskStatus.LAUNCHING, minutesAfterBase(2)),
                aHistoryEntry(t, TaskStatus.RUNNING, minutesAfterBase(1)),
                aHistoryEntry(t, TaskStatus.SUCCEEDED, minutesAfterBase(3)));

        List<TaskHistoryEntry> stored = stores.history().append(entries);
        List<TaskHistoryEntry> more = stores.history().append(List.of(aHistoryEntry(t, TaskStatus.SUCCEEDED, BASE)));

        assertThat(stored).extracting(TaskHistoryEntry::status)
                .containsExactly(TaskStatus.LAUNCHING, TaskStatus.RUNNING, TaskStatus.SUCCEEDED);
        assertThat(stored.get(0).sequence()).isPositive();
        assertThat(stored).extracting(TaskHistoryEntry::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(more.get(0).sequence()).isGreaterThan(stored.get(2).sequence());
        for (int i = 0; i < entries.size(); i++) {
            assertThat(stored.get(i)).isEqualTo(entries.get(i).withSequence(stored.get(i).sequence()));
        }
    }

    @Test
    void an_entry_is_found_by_its_sequence_with_every_field_intact() {
        Task t = aStoredScheduledTask();
        TaskHistoryEntry stored = stores.history().append(List.of(aHistoryEntry(t, TaskStatus.RUNNING, BASE))).get(0);

        assertThat(stores.history().find(stored.sequence())).contains(stored);
        assertThat(stores.history().find(stored.sequence() + 1000)).isEmpty();
        assertThat(stores.history().find(-1)).isEmpty();
        assertThat(stores.history().find(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void appending_nothing_stores_nothing() {
        assertThat(stores.history().append(List.of())).isEmpty();
    }

    @ParameterizedTest(name = "page size {0}")
    @ValueSource(ints = {1, 6, 25, 500})
    void a_tasks_history_pages_newest_first_each_entry_once(int pageSize) {
        Task t = aStoredTask();
        Task other = aStoredTask();
        List<TaskHistoryEntry> mine = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            mine.addAll(stores.history().append(List.of(aHistoryEntry(t, TaskStatus.RUNNING, minutesAfterBase(i)))));
            stores.history().append(List.of(aHistoryEntry(other, TaskStatus.RUNNING, minutesAfterBase(i))));
        }

        assertThat(walkAllPages(pageSize, p -> stores.history().listByTask(t.id(), p)))
                .containsExactlyElementsOf(mine.stream().sorted(NEWEST_FIRST).toList());
    }

    @Test
    void a_schedules_history_spans_its_tasks_newest_first() {
        Task a = aStoredScheduledTask();
        Schedule s = stores.schedules().find(a.scheduleId().orElseThrow()).orElseThrow();
        ScheduledRun secondRun = aPendingRun(s, minutesAfterBase(60));
        stores.runs().insertIfAbsent(List.of(secondRun));
        Task b = aScheduledTask(s, secondRun, BASE);
        stores.tasks().insert(b);
        Task unrelated = aStoredScheduledTask();
        List<TaskHistoryEntry> expected = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            expected.addAll(stores.history().append(List.of(aHistoryEntry(i % 2 == 0 ? a : b, TaskStatus.RUNNING,
                    minutesAfterBase(i)))));
            stores.history().append(List.of(aHistoryEntry(unrelated, TaskStatus.RUNNING, minutesAfterBase(i))));
        }

        assertThat(walkAllPages(2, p -> stores.history().listBySchedule(s.id(), p)))
                .containsExactlyElementsOf(expected.stream().sorted(NEWEST_FIRST).toList());
        assertThat(stores.history().listBySchedule(aScheduleId(), PageRequest.first(10)).items()).isEmpty();
        assertThat(stores.history().listByTask(aTaskId(), PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void a_well_formed_token_with_a_nonsense_key_is_a_validation_error_on_page_token() {
        assertPageTokenRejected(PageTokens.encode("forty-two"));
        assertPageTokenRejected(PageTokens.encode("1", "2"));
    }

    @Override
    public void assertPageTokenRejected(String token) {
        Task t = aStoredScheduledTask();
        IntStream.range(0, 3).forEach(i ->
                stores.history().append(List.of(aHistoryEntry(t, TaskStatus.RUNNING, minutesAfterBase(i)))));
        for (var list : List.<java.util.function.Function<PageRequest, ?>>of(
                p -> stores.history().listByTask(t.id(), p),
                p -> stores.history().listBySchedule(t.scheduleId().orElseThrow(), p))) {
            assertRejectedAsPageToken(() -> list.apply(new PageRequest(2, token)));
        }
    }

    private Task aStoredTask() {
        Task t = aManualTask(aReport(), BASE);
        stores.tasks().insert(t);
        return t;
    }
}
