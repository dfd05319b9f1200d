package com.grepsr.scheduler.application.contract;

import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.Schedule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static com.grepsr.scheduler.application.contract.ContractFixtures.BASE;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aPendingRun;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aRunId;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aTaskId;
import static com.grepsr.scheduler.application.contract.ContractFixtures.hoursAfterBase;
import static com.grepsr.scheduler.application.contract.ContractFixtures.pendingRuns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lean claim of {@link com.grepsr.scheduler.application.port.out.ScheduledRunStorePort}:
 * {@code lockDue} (due runs locked for the caller's transaction, nothing written) and
 * {@code lease} (the runs a processor lets wait). Uses {@link Stores#runs()} and
 * {@link Stores#transactions()}.
 */
public abstract class DueRunLocksContract extends StoreContract {

    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void a_lock_needs_an_open_transaction() {
        assertThatThrownBy(() -> stores.runs().lockDue(BASE, 10)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void locks_claimable_runs_oldest_first_up_to_the_limit_and_writes_nothing() {
        Schedule s = aStoredSchedule();
        List<ScheduledRun> runs = pendingRuns(s, BASE, HOUR, 6);
        stores.runs().insertIfAbsent(List.of(runs.get(5), runs.get(4), runs.get(3), runs.get(2), runs.get(1), runs.get(0)));
        stores.runs().claimDue(BASE, 1, "leased", Duration.ofDays(1));

        List<ScheduledRun> locked = stores.transactions().inTransaction(() -> stores.runs().lockDue(hoursAfterBase(4), 3));

        assertThat(locked).as("the leased run is not locked").containsExactly(runs.get(1), runs.get(2), runs.get(3));
        assertThat(stores.runs().claimDue(hoursAfterBase(4), 10, "p2", LEASE)).as("a committed lock left no claim")
                .containsExactly(runs.get(1), runs.get(2), runs.get(3), runs.get(4));
    }

    @Test
    void a_rolled_back_lock_leaves_its_runs_claimable_at_once() {
        Schedule s = aStoredSchedule();
        ScheduledRun run = aPendingRun(s, BASE);
        stores.runs().insertIfAbsent(List.of(run));

        assertThatThrownBy(() -> stores.transactions().inTransaction(() -> {
            assertThat(stores.runs().lockDue(BASE, 10)).containsExactly(run);
            stores.runs().settle(run.dispatch(aTaskId(), BASE));
            throw new IllegalStateException("the replica dies");
        })).hasMessage("the replica dies");

        assertThat(stores.runs().find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.PENDING);
        assertThat(stores.runs().claimDue(BASE, 10, "p2", LEASE)).containsExactly(run);
    }

    @Test
    void a_locked_run_is_no_other_claimers_until_its_transaction_settles_it() throws Exception {
        Schedule s = aStoredSchedule();
        ScheduledRun first = aPendingRun(s, BASE);
        ScheduledRun second = aPendingRun(s, BASE.plusSeconds(1));
        stores.runs().insertIfAbsent(List.of(first, second));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch othersLooked = new CountDownLatch(1);
        AtomicReference<List<ScheduledRun>> others = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                locked.await(10, TimeUnit.SECONDS);
                List<ScheduledRun> seen = new ArrayList<>(stores.runs().claimDue(BASE.plusSeconds(1), 10, "p2", LEASE));
                seen.addAll(stores.transactions().inTransaction(() -> stores.runs().lockDue(BASE.plusSeconds(1), 10)));
                others.set(seen);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                othersLooked.countDown();
            }
        });
        other.start();

        stores.transactions().inTransaction(() -> {
            assertThat(stores.runs().lockDue(BASE.plusSeconds(1), 1)).containsExactly(first);
            locked.countDown();
            try {
                // a store that serializes transactions lets the other claimer in only after the commit
                othersLooked.await(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return stores.runs().settle(first.dispatch(aTaskId(), BASE.plusSeconds(1)));
        });
        other.join(10_000);

        assertThat(others.get()).as("what the other claimer got").doesNotContain(first);
        assertThat(stores.runs().find(first.id()).orElseThrow().status()).isEqualTo(RunStatus.DISPATCHED);
    }

    @Test
    void leased_runs_are_neither_locked_nor_claimed_until_the_lease_ends() {
        Schedule s = aStoredSchedule();
        ScheduledRun waits = aPendingRun(s, BASE);
        ScheduledRun settled = aPendingRun(s, BASE.plusSeconds(1));
        stores.runs().insertIfAbsent(List.of(waits, settled));
        stores.runs().settle(settled.cancel(BASE));
        ScheduledRunId unknown = aRunId();

        assertThat(stores.runs().lease(List.of(waits.id(), settled.id(), unknown), "p1", BASE.plus(LEASE))).isEqualTo(1);

        assertThat(stores.transactions().inTransaction(() -> stores.runs().lockDue(BASE.plusSeconds(1), 10))).isEmpty();
        assertThat(stores.runs().claimDue(BASE.plusSeconds(1), 10, "p2", LEASE)).isEmpty();
        assertThat(stores.runs().claimDue(BASE.plus(LEASE).plusSeconds(1), 10, "p2", LEASE)).containsExactly(waits);
        assertThat(stores.runs().find(settled.id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
    }
}
