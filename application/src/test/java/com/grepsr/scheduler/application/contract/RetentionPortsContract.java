package com.grepsr.scheduler.application.contract;

import com.grepsr.scheduler.domain.event.ActivityEvent;
import com.grepsr.scheduler.domain.run.MissCause;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.grepsr.scheduler.application.contract.ContractFixtures.BASE;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aChildOf;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aCreatedEvent;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aHistoryEntry;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aManualTask;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aParentTask;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aPendingRun;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aReport;
import static com.grepsr.scheduler.application.contract.ContractFixtures.finished;
import static com.grepsr.scheduler.application.contract.ContractFixtures.hoursAfterBase;
import static com.grepsr.scheduler.application.contract.ContractFixtures.running;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention methods of the run, task, history and outbox ports: old settled or finished
 * records go in bounded batches, live ones never do. Uses runs, tasks, history and outbox.
 */
public abstract class RetentionPortsContract extends StoreContract {

    private static final Instant CUTOFF = hoursAfterBase(10);

    @Test
    void deletesSettledRunsDueBeforeTheCutoffAndNeverAPendingOne() {
        Schedule s = aStoredSchedule();
        ScheduledRun oldSettled1 = aPendingRun(s, hoursAfterBase(1));
        ScheduledRun oldSettled2 = aPendingRun(s, hoursAfterBase(2));
        ScheduledRun oldPending = aPendingRun(s, hoursAfterBase(3));
        ScheduledRun newSettled = aPendingRun(s, hoursAfterBase(11));
        stores.runs().insertIfAbsent(List.of(oldSettled1, oldSettled2, oldPending, newSettled));
        for (ScheduledRun r : List.of(oldSettled1, oldSettled2, newSettled)) {
            stores.runs().settle(r.miss(MissCause.DEADLINE, r.fireAt()));
        }

        assertThat(stores.runs().deleteSettledBefore(CUTOFF, 1)).as("the batch is bounded").isEqualTo(1);
        assertThat(List.of(oldSettled1, oldSettled2)).filteredOn(r -> stores.runs().find(r.id()).isPresent()).hasSize(1);

        assertThat(stores.runs().deleteSettledBefore(CUTOFF, 100)).isEqualTo(1);
        assertThat(stores.runs().find(oldSettled1.id())).isEmpty();
        assertThat(stores.runs().find(oldSettled2.id())).isEmpty();
        assertThat(stores.runs().find(oldPending.id())).as("a pending run is live").isPresent();
        assertThat(stores.runs().find(newSettled.id())).as("inside the window").isPresent();
        assertThat(stores.runs().deleteSettledBefore(CUTOFF, 100)).isZero();
    }

    @Test
    void listsFinishedRootsOldestFirstAndNeverOneWithALiveChildOrStillActive() {
        Task oldDone = store(finished(aManualTask(aReport(), BASE), TaskStatus.SUCCEEDED, hoursAfterBase(1),
                Duration.ofMinutes(5)));
        Task olderDone = store(finished(aManualTask(aReport(), BASE), TaskStatus.FAILED, BASE, Duration.ofMinutes(5)));
        store(running(aManualTask(aReport(), BASE), hoursAfterBase(1)));
        store(finished(aManualTask(aReport(), BASE), TaskStatus.SUCCEEDED, hoursAfterBase(11), Duration.ofMinutes(5)));
        Task parentWithLiveChild = store(finished(aParentTask(aReport(), 2, BASE), TaskStatus.STOPPED,
                hoursAfterBase(2), Duration.ofMinutes(5)));
        store(running(aChildOf(parentWithLiveChild, 0, BASE), hoursAfterBase(1)));
        Task parent = store(finished(aParentTask(aReport(), 2, BASE), TaskStatus.SUCCEEDED, hoursAfterBase(3),
                Duration.ofMinutes(5)));
        store(finished(aChildOf(parent, 0, BASE), TaskStatus.SUCCEEDED, hoursAfterBase(2), Duration.ofMinutes(5)));

        assertThat(stores.tasks().finishedRootsBefore(CUTOFF, 100))
                .containsExactly(olderDone.id(), oldDone.id(), parent.id());
        assertThat(stores.tasks().finishedRootsBefore(CUTOFF, 2)).containsExactly(olderDone.id(), oldDone.id());
    }

    @Test
    void deletesAParentWithItsChildrenAndTheirHistory() {
        Task parent = store(finished(aParentTask(aReport(), 2, BASE), TaskStatus.SUCCEEDED, BASE, Duration.ofMinutes(5)));
        Task child0 = store(finished(aChildOf(parent, 0, BASE), TaskStatus.SUCCEEDED, BASE, Duration.ofMinutes(1)));
        Task child1 = store(finished(aChildOf(parent, 1, BASE), TaskStatus.FAILED, BASE, Duration.ofMinutes(1)));
        Task other = store(finished(aManualTask(aReport(), BASE), TaskStatus.SUCCEEDED, BASE, Duration.ofMinutes(1)));
        stores.history().append(List.of(aHistoryEntry(parent, TaskStatus.SUCCEEDED, BASE),
                aHistoryEntry(child0, TaskStatus.SUCCEEDED, BASE), aHistoryEntry(child1, TaskStatus.FAILED, BASE),
                aHistoryEntry(other, TaskStatus.SUCCEEDED, BASE)));

        List<TaskId> deleted = stores.tasks().deleteWithChildren(List.of(parent.id()));

        assertThat(deleted).containsExactlyInAnyOrder(parent.id(), child0.id(), child1.id());
        assertThat(stores.tasks().findAll(List.of(parent.id(), child0.id(), child1.id(), other.id())))
                .extracting(Task::id).containsExactly(other.id());
        assertThat(stores.history().deleteOfTasks(deleted)).isEqualTo(3);
        assertThat(stores.history().deleteOfTasks(deleted)).isZero();
        assertThat(stores.history().deleteOfTasks(List.of(other.id()))).isEqualTo(1);
        assertThat(stores.tasks().deleteWithChildren(List.of(parent.id()))).as("already gone").isEmpty();
    }

    @Test
    void deletesDeliveredEventsThatOccurredBeforeTheCutoffAndNeverAnUndeliveredOne() {
        Schedule s = aStoredSchedule();
        ActivityEvent oldDelivered1 = aCreatedEvent(s, hoursAfterBase(1));
        ActivityEvent oldDelivered2 = aCreatedEvent(s, hoursAfterBase(2));
        ActivityEvent oldUndelivered = aCreatedEvent(s, hoursAfterBase(3));
        ActivityEvent newDelivered = aCreatedEvent(s, hoursAfterBase(11));
        List.of(oldDelivered1, oldDelivered2, oldUndelivered, newDelivered).forEach(stores.outbox()::append);
        stores.outbox().markDelivered(List.of(oldDelivered1.id(), oldDelivered2.id(), newDelivered.id()));

        assertThat(stores.outbox().deleteDeliveredBefore(CUTOFF, 1)).isEqualTo(1);
        assertThat(stores.outbox().deleteDeliveredBefore(CUTOFF, 100)).isEqualTo(1);
        assertThat(stores.outbox().deleteDeliveredBefore(CUTOFF, 100)).isZero();
        assertThat(stores.outbox().undelivered(10)).extracting(ActivityEvent::id).containsExactly(oldUndelivered.id());
        // the delivered event inside the window is still there: marking it again is a no-op, and
        // a cut-off past it deletes exactly it
        assertThat(stores.outbox().deleteDeliveredBefore(hoursAfterBase(12), 100)).isEqualTo(1);
    }

    private Task store(Task t) {
        stores.tasks().insert(t);
        return t;
    }
}
