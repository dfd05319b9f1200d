package com.grepsr.scheduler.application.contract;

import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.RunFilter;
import com.grepsr.scheduler.domain.run.MissCause;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.Schedule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static com.grepsr.scheduler.application.contract.ContractFixtures.BASE;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aPendingRun;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aRunId;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aTaskId;
import static com.grepsr.scheduler.application.contract.ContractFixtures.hoursAfterBase;
import static com.grepsr.scheduler.application.contract.ContractFixtures.inParallel;
import static com.grepsr.scheduler.application.contract.ContractFixtures.minutesAfterBase;
import static com.grepsr.scheduler.application.contract.ContractFixtures.pendingRuns;
import static com.grepsr.scheduler.application.contract.ContractFixtures.walkAllPages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@link com.grepsr.scheduler.application.port.out.ScheduledRunStorePort} contract: idempotent
 * materialization, exclusive leased claims and settling once (its keyset lists:
 * {@link ScheduledRunListContract}; the daemons' reads of runs they do not hold:
 * {@link ScheduledRunReadsContract}). Uses
 * {@link Stores#runs()}, and {@link Stores#schedules()} to store the schedules runs belong to.
 */
public abstract class ScheduledRunStorePortContract extends StoreContract {

    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration HOUR = Duration.ofHours(1);

    // ---- insertIfAbsent -----------------------------------------------------------------------

    @Test
    void an_inserted_run_comes_back_with_every_field_intact() {
        Schedule s = aStoredSchedule();
        ScheduledRun run = aPendingRun(s, minutesAfterBase(90));

        assertThat(stores.runs().insertIfAbsent(List.of(run))).isEqualTo(1);

        assertThat(stores.runs().find(run.id())).contains(run);
    }

    @Test
    void an_unknown_run_is_not_found() {
        assertThat(stores.runs().find(aRunId())).isEmpty();
    }

    @Test
    void the_same_occurrence_under_another_run_id_is_inserted_once() {
        Schedule s = aStoredSchedule();
        ScheduledRun first = aPendingRun(s, hoursAfterBase(1));
        ScheduledRun again = aPendingRun(s, hoursAfterBase(1));

        assertThat(stores.runs().insertIfAbsent(List.of(first))).isEqualTo(1);
        assertThat(stores.runs().insertIfAbsent(List.of(again))).isZero();

        assertThat(stores.runs().find(first.id())).contains(first);
        assertThat(stores.runs().find(again.id())).isEmpty();
    }

    @Test
    void re_inserting_a_horizon_inserts_only_the_new_occurrences() {
        Schedule s = aStoredSchedule();
        stores.runs().insertIfAbsent(pendingRuns(s, hoursAfterBase(1), HOUR, 24));

        int inserted = stores.runs().insertIfAbsent(pendingRuns(s, hoursAfterBase(1), HOUR, 30));

        assertThat(inserted).isEqualTo(6);
        assertThat(allRuns(s)).hasSize(30);
    }

    @Test
    void duplicates_within_one_batch_are_inserted_once() {
        Schedule s = aStoredSchedule();
        assertThat(stores.runs().insertIfAbsent(List.of(aPendingRun(s, hoursAfterBase(1)),
                aPendingRun(s, hoursAfterBase(1)), aPendingRun(s, hoursAfterBase(2))))).isEqualTo(2);
        assertThat(stores.runs().insertIfAbsent(List.of())).isZero();
    }

    @Test
    void two_schedules_may_fire_at_the_same_instant() {
        Schedule a = aStoredSchedule();
        Schedule b = aStoredSchedule();
        assertThat(stores.runs().insertIfAbsent(List.of(aPendingRun(a, hoursAfterBase(1)),
                aPendingRun(b, hoursAfterBase(1))))).isEqualTo(2);
    }

    // ---- claimDue -----------------------------------------------------------------------------

    @Test
    void claims_due_pending_runs_oldest_first_up_to_the_limit() {
        Schedule s = aStoredSchedule();
        List<ScheduledRun> runs = pendingRuns(s, BASE, HOUR, 6);
        List<ScheduledRun> backwards = new ArrayList<>(runs);
        java.util.Collections.reverse(backwards);
        stores.runs().insertIfAbsent(backwards);

        List<ScheduledRun> claimed = stores.runs().claimDue(hoursAfterBase(4), 3, "p1", LEASE);

        assertThat(claimed).containsExactly(runs.get(0), runs.get(1), runs.get(2));
    }

    @Test
    void a_run_due_exactly_now_is_claimed_and_a_future_one_is_not() {
        Schedule s = aStoredSchedule();
        ScheduledRun now = aPendingRun(s, hoursAfterBase(1));
        ScheduledRun future = aPendingRun(s, hoursAfterBase(1).plusNanos(1000));
        stores.runs().insertIfAbsent(List.of(now, future));

        assertThat(stores.runs().claimDue(hoursAfterBase(1), 10, "p1", LEASE)).containsExactly(now);
    }

    @Test
    void a_claimed_run_is_not_claimed_again_while_its_lease_lasts() {
        Schedule s = aStoredSchedule();
        stores.runs().insertIfAbsent(List.of(aPendingRun(s, BASE)));
        assertThat(stores.runs().claimDue(BASE, 10, "p1", LEASE)).hasSize(1);

        assertThat(stores.runs().claimDue(BASE, 10, "p2", LEASE)).isEmpty();
        assertThat(stores.runs().claimDue(BASE.plus(LEASE).minusSeconds(1), 10, "p2", LEASE)).isEmpty();
        assertThat(stores.runs().claimDue(BASE, 10, "p1", LEASE)).as("not even by its claimer").isEmpty();
    }

    @Test
    void a_run_whose_lease_ran_out_is_claimable_again() {
        Schedule s = aStoredSchedule();
        ScheduledRun run = aPendingRun(s, BASE);
        stores.runs().insertIfAbsent(List.of(run));
        stores.runs().claimDue(BASE, 10, "dies", LEASE);

        Instant afterLease = BASE.plus(LEASE).plusSeconds(1);
        assertThat(stores.runs().claimDue(afterLease, 10, "p2", LEASE)).containsExactly(run);
        assertThat(stores.runs().claimDue(afterLease, 10, "p3", LEASE)).isEmpty();
    }

    // ---- release ------------------------------------------------------------------------------

    @Test
    void a_released_claim_is_claimable_again_at_once() {
        Schedule s = aStoredSchedule();
        ScheduledRun run = aPendingRun(s, BASE);
        stores.runs().insertIfAbsent(List.of(run));
        stores.runs().claimDue(BASE, 10, "stopping", LEASE);

        assertThat(stores.runs().release(List.of(run.id()), "stopping")).isEqualTo(1);

        assertThat(stores.runs().claimDue(BASE, 10, "p2", LEASE)).containsExactly(run);
    }

    @Test
    void release_leaves_another_claimers_claim_and_settled_runs_alone() {
        Schedule s = aStoredSchedule();
        ScheduledRun theirs = aPendingRun(s, BASE);
        ScheduledRun settled = aPendingRun(s, BASE.plusSeconds(1));
        stores.runs().insertIfAbsent(List.of(theirs, settled));
        stores.runs().claimDue(BASE, 1, "p1", LEASE);
        ScheduledRun mine = stores.runs().claimDue(BASE.plusSeconds(1), 1, "p2", LEASE).get(0);
        stores.runs().settle(mine.dispatch(aTaskId(), BASE.plusSeconds(1)));

        assertThat(stores.runs().release(List.of(theirs.id(), settled.id()), "p2")).isZero();

        assertThat(stores.runs().claimDue(BASE.plusSeconds(1), 10, "p3", LEASE)).as("p1's claim still holds").isEmpty();
        assertThat(stores.runs().find(settled.id()).orElseThrow().status()).isEqualTo(RunStatus.DISPATCHED);
    }

    @Test
    void settled_runs_are_never_claimed() {
        Schedule s = aStoredSchedule();
        ScheduledRun run = aPendingRun(s, BASE);
        stores.runs().insertIfAbsent(List.of(run));
        stores.runs().settle(run.cancel(BASE));

        assertThat(stores.runs().claimDue(hoursAfterBase(1), 10, "p1", LEASE)).isEmpty();
    }

    @Test
    void a_settled_claim_is_not_handed_out_when_its_lease_ends() {
        Schedule s = aStoredSchedule();
        ScheduledRun run = aPendingRun(s, BASE);
        stores.runs().insertIfAbsent(List.of(run));
        ScheduledRun claimed = stores.runs().claimDue(BASE, 1, "p1", LEASE).get(0);
        stores.runs().settle(claimed.dispatch(aTaskId(), BASE));

        assertThat(stores.runs().claimDue(hoursAfterBase(2), 10, "p2", LEASE)).isEmpty();
    }

    @Test
    void concurrent_claimers_claim_every_due_run_exactly_once() {
        Schedule s = aStoredSchedule();
        List<ScheduledRun> runs = pendingRuns(s, BASE.minus(Duration.ofDays(3)), Duration.ofMinutes(1), 2000);
        for (int i = 0; i < runs.size(); i += 500) {
            stores.runs().insertIfAbsent(runs.subList(i, i + 500));
        }
        ConcurrentLinkedQueue<ScheduledRunId> claimed = new ConcurrentLinkedQueue<>();
        AtomicInteger claimers = new AtomicInteger();

        var outcomes = inParallel(8, () -> {
            String me = "p" + claimers.incrementAndGet();
            for (int round = 0; round < 1000; round++) {
                List<ScheduledRun> batch = stores.runs().claimDue(BASE, 25, me, Duration.ofHours(1));
                if (batch.isEmpty()) {
                    return round;
                }
                batch.forEach(r -> claimed.add(r.id()));
            }
            return -1;
        });

        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).isNull());
        assertThat(claimed).hasSize(2000).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(runs.stream().map(ScheduledRun::id).toList());
    }

    // ---- settle -------------------------------------------------------------------------------

    @Test
    void settling_a_pending_run_stores_its_outcome_once() {
        Schedule s = aStoredSchedule();
        ScheduledRun run = aPendingRun(s, BASE);
        stores.runs().insertIfAbsent(List.of(run));
        ScheduledRun dispatched = run.dispatch(aTaskId(), minutesAfterBase(1));

        assertThat(stores.runs().settle(dispatched)).isTrue();
        assertThat(stores.runs().find(run.id())).contains(dispatched);

        ScheduledRun missedInstead = run.miss(MissCause.SCHEDULER_DOWN, minutesAfterBase(2));
        assertThat(stores.runs().settle(missedInstead)).isFalse();
        assertThat(stores.runs().find(run.id())).contains(dispatched);
    }

    @Test
    void every_way_of_leaving_pending_is_kept() {
        Schedule s = aStoredSchedule();
        List<ScheduledRun> runs = pendingRuns(s, BASE, HOUR, 4);
        stores.runs().insertIfAbsent(runs);
        List<ScheduledRun> settled = List.of(runs.get(0).dispatch(aTaskId(), BASE),
                runs.get(1).miss(MissCause.DEADLINE, BASE), runs.get(2).skip(MissCause.OVERLAP, BASE),
                runs.get(3).cancel(BASE));

        settled.forEach(r -> assertThat(stores.runs().settle(r)).isTrue());

        settled.forEach(r -> assertThat(stores.runs().find(r.id())).contains(r));
    }

    @Test
    void settling_with_a_run_still_pending_is_refused() {
        Schedule s = aStoredSchedule();
        ScheduledRun run = aPendingRun(s, BASE);
        stores.runs().insertIfAbsent(List.of(run));

        assertThatThrownBy(() -> stores.runs().settle(run)).isInstanceOf(IllegalArgumentException.class);
        assertThat(stores.runs().find(run.id())).contains(run);
    }

    @Test
    void settling_an_unknown_run_changes_nothing() {
        Schedule s = aStoredSchedule();
        assertThat(stores.runs().settle(aPendingRun(s, BASE).cancel(BASE))).isFalse();
    }

    // ---- deletePendingAfter -------------------------------------------------------------------

    @Test
    void deleting_pending_runs_after_an_instant_spares_earlier_claimed_settled_and_other_runs() {
        Schedule s = aStoredSchedule();
        Schedule other = aStoredSchedule();
        List<ScheduledRun> runs = pendingRuns(s, BASE, HOUR, 6); // BASE, +1h … +5h
        stores.runs().insertIfAbsent(runs);
        stores.runs().settle(runs.get(4).cancel(BASE));
        assertThat(stores.runs().claimDue(hoursAfterBase(3), 100, "p1", LEASE)).hasSize(4); // BASE … +3h
        stores.runs().insertIfAbsent(pendingRuns(other, BASE, HOUR, 6));

        int deleted = stores.runs().deletePendingAfter(s.id(), hoursAfterBase(1));

        assertThat(deleted).as("only +5h: +1h is not after it, +2h/+3h are claimed, +4h is settled").isEqualTo(1);
        assertThat(stores.runs().find(runs.get(5).id())).isEmpty();
        assertThat(stores.runs().find(runs.get(2).id())).isPresent();
        assertThat(stores.runs().find(runs.get(3).id())).isPresent();
        assertThat(stores.runs().find(runs.get(4).id())).map(ScheduledRun::status).contains(RunStatus.CANCELLED);
        assertThat(stores.runs().find(runs.get(1).id())).isPresent();
        assertThat(allRuns(other)).hasSize(6);
    }

    @Test
    void a_deleted_occurrence_can_be_materialized_again() {
        Schedule s = aStoredSchedule();
        stores.runs().insertIfAbsent(pendingRuns(s, hoursAfterBase(1), HOUR, 3));

        assertThat(stores.runs().deletePendingAfter(s.id(), BASE)).isEqualTo(3);

        assertThat(stores.runs().insertIfAbsent(pendingRuns(s, hoursAfterBase(1), HOUR, 3))).isEqualTo(3);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private List<ScheduledRun> allRuns(Schedule s) {
        return walkAllPages(PageRequest.MAX_SIZE, p -> stores.runs().list(
                RunFilter.none().withSchedule(s.id()), p));
    }
}
