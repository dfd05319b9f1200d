package com.grepsr.scheduler.application.contract;

import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.grepsr.scheduler.application.contract.ContractFixtures.BASE;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aCreatedEvent;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aHistoryEntry;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aParentTask;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aPendingRun;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aReport;
import static com.grepsr.scheduler.application.contract.ContractFixtures.anHourlySchedule;
import static com.grepsr.scheduler.application.contract.ContractFixtures.minutesAfterBase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@link com.grepsr.scheduler.application.port.out.TransactionPort} contract: all or nothing
 * across every store, nested calls join, committed work is visible and uncommitted work is not.
 * Uses every port of {@link Stores}.
 */
public abstract class TransactionPortContract extends StoreContract {

    /** What one unit of work wrote to each store. */
    private record Written(Schedule schedule, ScheduledRun run, Task task) {
    }

    private static final class Boom extends RuntimeException {
        Boom() {
            super("the unit of work failed");
        }
    }

    @Test
    void committed_work_is_visible_in_every_store() {
        Written w = stores.transactions().inTransaction(this::writeToEveryStore);

        assertThat(stores.schedules().find(w.schedule().id())).isPresent();
        assertThat(stores.runs().find(w.run().id())).isPresent();
        assertThat(stores.tasks().find(w.task().id())).isPresent();
        assertThat(stores.history().listByTask(w.task().id(), PageRequest.first(10)).items()).hasSize(1);
        assertThat(stores.queue().pending(w.task().id())).isEqualTo(2);
        assertThat(stores.outbox().undelivered(10)).hasSize(1);
    }

    @Test
    void a_failed_transaction_leaves_nothing_in_any_store() {
        Written[] written = new Written[1];

        assertThatThrownBy(() -> stores.transactions().inTransaction(() -> {
            written[0] = writeToEveryStore();
            throw new Boom();
        })).isInstanceOf(Boom.class);

        assertNothingOf(written[0]);
    }

    @Test
    void a_failed_transaction_undoes_updates_claims_settlements_and_takes() {
        Schedule s = anHourlySchedule();
        stores.schedules().insert(s);
        List<ScheduledRun> runs = List.of(aPendingRun(s, BASE), aPendingRun(s, minutesAfterBase(1)),
                aPendingRun(s, minutesAfterBase(2)));
        stores.runs().insertIfAbsent(runs);
        Task parent = aParentTask(aReport(), 2, BASE);
        stores.tasks().insert(parent);
        stores.queue().enqueue(parent.id(), List.of("a", "b"));
        var event = aCreatedEvent(s, BASE);
        stores.outbox().append(event);

        assertThatThrownBy(() -> stores.transactions().run(() -> {
            stores.schedules().update(s.pause(null, minutesAfterBase(1)), s.version());
            stores.tasks().update(parent.moveTo(TaskStatus.STOPPED, minutesAfterBase(1)), parent.version());
            assertThat(stores.runs().claimDue(minutesAfterBase(1), 1, "p1", Duration.ofHours(1))).hasSize(1);
            stores.runs().settle(runs.get(1).cancel(minutesAfterBase(1)));
            assertThat(stores.runs().deletePendingAfter(s.id(), BASE)).isEqualTo(1);
            assertThat(stores.queue().take(parent.id(), 1)).hasSize(1);
            stores.outbox().markDelivered(List.of(event.id()));
            throw new Boom();
        })).isInstanceOf(Boom.class);

        assertThat(stores.schedules().find(s.id()).orElseThrow().version()).isEqualTo(s.version());
        assertThat(stores.tasks().find(parent.id()).orElseThrow().status()).isEqualTo(TaskStatus.QUEUED);
        assertThat(stores.runs().find(runs.get(1).id())).contains(runs.get(1));
        assertThat(stores.runs().find(runs.get(2).id())).contains(runs.get(2));
        assertThat(stores.runs().claimDue(minutesAfterBase(2), 10, "p2", Duration.ofHours(1)))
                .as("the claim was undone").containsExactlyElementsOf(runs);
        assertThat(stores.queue().pending(parent.id())).isEqualTo(2);
        assertThat(stores.outbox().undelivered(10)).containsExactly(event);
    }

    @Test
    void a_nested_transaction_joins_the_outer_one() {
        Written[] written = new Written[1];

        assertThatThrownBy(() -> stores.transactions().run(() -> {
            written[0] = stores.transactions().inTransaction(this::writeToEveryStore);
            assertThat(stores.schedules().find(written[0].schedule().id()))
                    .as("visible inside the outer transaction").isPresent();
            throw new Boom();
        })).isInstanceOf(Boom.class);

        assertNothingOf(written[0]);
    }

    @Test
    void a_transaction_returns_its_works_result() {
        assertThat(stores.transactions().inTransaction(() -> 42)).isEqualTo(42);
        assertThat(stores.transactions().<String>inTransaction(() -> null)).isNull();
    }

    @Test
    void a_transaction_after_a_failed_one_works_normally() {
        assertThatThrownBy(() -> stores.transactions().run(() -> {
            writeToEveryStore();
            throw new Boom();
        })).isInstanceOf(Boom.class);

        Written w = stores.transactions().inTransaction(this::writeToEveryStore);

        assertThat(stores.schedules().find(w.schedule().id())).isPresent();
        assertThat(stores.outbox().undelivered(10)).hasSize(1);
    }

    @Test
    void other_threads_never_see_uncommitted_writes() throws Exception {
        Schedule s = anHourlySchedule();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> stores.transactions().run(() -> {
            stores.schedules().insert(s);
            written.countDown();
            await(release);
            throw new Boom();
        }));
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();

        // a store may answer at once (snapshot) or wait for the writer (lock); either way, not the write
        CompletableFuture<Optional<Schedule>> reader = CompletableFuture.supplyAsync(() -> stores.schedules().find(s.id()));
        Thread.sleep(200);
        if (reader.isDone()) {
            assertThat(reader.get()).isEmpty();
        }
        release.countDown();

        assertThat(reader.get(10, TimeUnit.SECONDS)).isEmpty();
        assertThatThrownBy(() -> writer.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(Boom.class);
    }

    /** Writes one record to every store, as a use case would inside a transaction. */
    private Written writeToEveryStore() {
        Schedule s = anHourlySchedule();
        stores.schedules().insert(s);
        ScheduledRun run = aPendingRun(s, minutesAfterBase(60));
        stores.runs().insertIfAbsent(List.of(run));
        Task parent = aParentTask(s.report(), 2, BASE);
        stores.tasks().insert(parent);
        stores.history().append(List.of(aHistoryEntry(parent, TaskStatus.QUEUED, BASE)));
        stores.queue().enqueue(parent.id(), List.of("a", "b"));
        stores.outbox().append(aCreatedEvent(s, BASE));
        return new Written(s, run, parent);
    }

    private void assertNothingOf(Written w) {
        assertThat(stores.schedules().find(w.schedule().id())).isEmpty();
        assertThat(stores.runs().find(w.run().id())).isEmpty();
        assertThat(stores.runs().nextDueAt()).isEmpty();
        assertThat(stores.tasks().find(w.task().id())).isEmpty();
        assertThat(stores.history().listByTask(w.task().id(), PageRequest.first(10)).items()).isEmpty();
        assertThat(stores.queue().pending(w.task().id())).isZero();
        assertThat(stores.outbox().undelivered(10)).isEmpty();
        // the occurrence is free again: the unique key was released too
        stores.schedules().insert(w.schedule());
        assertThat(stores.runs().insertIfAbsent(List.of(w.run()))).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the writer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
