package com.grepsr.scheduler.application.contract;

import com.grepsr.scheduler.application.port.out.TaskQueuePort.WorkItem;
import com.grepsr.scheduler.domain.task.Task;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import static com.grepsr.scheduler.application.contract.ContractFixtures.BASE;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aParentTask;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aReport;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aTaskId;
import static com.grepsr.scheduler.application.contract.ContractFixtures.inParallel;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link com.grepsr.scheduler.application.port.out.TaskQueuePort} contract: FIFO per parent
 * and exclusive takes. Uses {@link Stores#queue()}, and {@link Stores#tasks()} for the parents.
 */
public abstract class TaskQueuePortContract extends StoreContract {

    @Test
    void enqueued_items_are_stored_in_order_with_increasing_positions() {
        Task parent = aStoredParent();

        List<WorkItem> first = stores.queue().enqueue(parent.id(), List.of("a", "b", "c"));
        List<WorkItem> second = stores.queue().enqueue(parent.id(), List.of("d"));

        assertThat(first).extracting(WorkItem::payload).containsExactly("a", "b", "c");
        assertThat(first).allMatch(i -> i.parent().equals(parent.id()));
        assertThat(first).extracting(WorkItem::position).containsExactly(0L, 1L, 2L);
        assertThat(second.get(0).position()).isEqualTo(3L);
        assertThat(stores.queue().pending(parent.id())).isEqualTo(4);
    }

    @Test
    void items_are_taken_oldest_first_at_most_max_at_a_time() {
        Task parent = aStoredParent();
        List<WorkItem> queued = stores.queue().enqueue(parent.id(), List.of("a", "b", "c", "d", "e"));

        assertThat(stores.queue().take(parent.id(), 2)).containsExactlyElementsOf(queued.subList(0, 2));
        assertThat(stores.queue().pending(parent.id())).isEqualTo(3);
        assertThat(stores.queue().take(parent.id(), 10)).containsExactlyElementsOf(queued.subList(2, 5));
        assertThat(stores.queue().take(parent.id(), 10)).isEmpty();
        assertThat(stores.queue().pending(parent.id())).isZero();
    }

    @Test
    void positions_keep_increasing_after_takes() {
        Task parent = aStoredParent();
        stores.queue().enqueue(parent.id(), List.of("a", "b"));
        stores.queue().take(parent.id(), 2);

        List<WorkItem> later = stores.queue().enqueue(parent.id(), List.of("c"));

        assertThat(later.get(0).position()).isGreaterThan(1L);
        assertThat(stores.queue().take(parent.id(), 5)).containsExactlyElementsOf(later);
    }

    @Test
    void parents_have_separate_queues() {
        Task one = aStoredParent();
        Task two = aStoredParent();
        stores.queue().enqueue(one.id(), List.of("1a", "1b"));
        stores.queue().enqueue(two.id(), List.of("2a"));

        assertThat(stores.queue().take(two.id(), 5)).extracting(WorkItem::payload).containsExactly("2a");
        assertThat(stores.queue().pending(one.id())).isEqualTo(2);
        assertThat(stores.queue().pending(aTaskId())).isZero();
        assertThat(stores.queue().take(aTaskId(), 5)).isEmpty();
    }

    @Test
    void clearing_drops_a_parents_items_only() {
        Task one = aStoredParent();
        Task two = aStoredParent();
        stores.queue().enqueue(one.id(), List.of("a", "b", "c"));
        stores.queue().enqueue(two.id(), List.of("x"));

        assertThat(stores.queue().clear(one.id())).isEqualTo(3);
        assertThat(stores.queue().clear(one.id())).isZero();
        assertThat(stores.queue().take(one.id(), 5)).isEmpty();
        assertThat(stores.queue().pending(two.id())).isEqualTo(1);
        stores.queue().enqueue(one.id(), List.of("d"));
        assertThat(stores.queue().take(one.id(), 5)).extracting(WorkItem::payload).containsExactly("d");
    }

    @Test
    void payloads_are_kept_verbatim() {
        Task parent = aStoredParent();
        String big = "x".repeat(64 * 1024);
        List<String> payloads = List.of("", "{\"url\": \"https://example.com/ü?a=1&b=2\"}\n\ttab", big);
        stores.queue().enqueue(parent.id(), payloads);

        assertThat(stores.queue().take(parent.id(), 3)).extracting(WorkItem::payload).containsExactlyElementsOf(payloads);
    }

    @Test
    void concurrent_takers_take_every_item_exactly_once_in_order() {
        Task parent = aStoredParent();
        List<String> payloads = IntStream.range(0, 1000).mapToObj(i -> "item-" + i).toList();
        stores.queue().enqueue(parent.id(), payloads);
        ConcurrentLinkedQueue<WorkItem> taken = new ConcurrentLinkedQueue<>();

        var outcomes = inParallel(8, () -> {
            List<Long> mine = new ArrayList<>();
            for (int round = 0; round < 2000; round++) {
                List<WorkItem> batch = stores.queue().take(parent.id(), 1 + round % 3);
                if (batch.isEmpty()) {
                    return mine;
                }
                taken.addAll(batch);
                batch.forEach(i -> mine.add(i.position()));
            }
            return mine;
        });

        assertThat(outcomes).allSatisfy(o -> {
            assertThat(o.error()).isNull();
            assertThat(o.value()).as("each taker sees positions in queue order").isSorted();
        });
        assertThat(taken).extracting(WorkItem::payload).hasSize(1000).containsExactlyInAnyOrderElementsOf(payloads);
        assertThat(stores.queue().pending(parent.id())).isZero();
    }

    private Task aStoredParent() {
        Task parent = aParentTask(aReport(), 3, BASE);
        stores.tasks().insert(parent);
        return parent;
    }
}
