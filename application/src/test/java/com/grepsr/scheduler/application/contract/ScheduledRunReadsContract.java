package com.grepsr.scheduler.application.contract;

import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.Schedule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.grepsr.scheduler.application.contract.ContractFixtures.BASE;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aPendingRun;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aScheduleId;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aTaskId;
import static com.grepsr.scheduler.application.contract.ContractFixtures.hoursAfterBase;
import static com.grepsr.scheduler.application.contract.ContractFixtures.minutesAfterBase;
import static com.grepsr.scheduler.application.contract.ContractFixtures.pendingRuns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * What the daemons ask of the
 * {@link com.grepsr.scheduler.application.port.out.ScheduledRunStorePort} about runs they do not
 * hold: the latest fire instants (the calculator's horizon, FIRE_ONCE_NOW's newest late run), the
 * oldest pending run before an instant (a run held for an older one) and when the next run comes
 * due (the processor's sleep). Writing and claiming are {@link ScheduledRunStorePortContract}'s.
 */
public abstract class ScheduledRunReadsContract extends StoreContract {

    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void the_latest_fire_instant_counts_runs_of_any_status() {
        Schedule s = aStoredSchedule();
        List<ScheduledRun> runs = pendingRuns(s, BASE, HOUR, 3);
        stores.runs().insertIfAbsent(runs);
        stores.runs().settle(runs.get(2).cancel(BASE));

        assertThat(stores.runs().latestFireAt(s.id())).contains(hoursAfterBase(2));
        assertThat(stores.runs().latestFireAt(aScheduleId())).isEmpty();
    }

    @Test
    void the_latest_fire_instants_of_many_schedules_come_in_one_call() {
        Schedule a = aStoredSchedule();
        Schedule b = aStoredSchedule();
        Schedule withoutRuns = aStoredSchedule();
        List<ScheduledRun> runsOfA = pendingRuns(a, BASE, HOUR, 3);
        stores.runs().insertIfAbsent(runsOfA);
        stores.runs().insertIfAbsent(pendingRuns(b, hoursAfterBase(5), HOUR, 2));
        stores.runs().settle(runsOfA.get(2).cancel(BASE));

        assertThat(stores.runs().latestFireAts(List.of(a.id(), b.id(), withoutRuns.id())))
                .containsOnly(entry(a.id(), hoursAfterBase(2)), entry(b.id(), hoursAfterBase(6)));
        assertThat(stores.runs().latestFireAts(List.of())).isEmpty();
    }

    @Test
    void the_latest_fire_instants_between_two_instants_count_every_status_and_both_bounds() {
        Schedule a = aStoredSchedule();
        Schedule b = aStoredSchedule();
        Schedule before = aStoredSchedule();
        List<ScheduledRun> runsOfA = pendingRuns(a, BASE, HOUR, 4);
        stores.runs().insertIfAbsent(runsOfA);
        stores.runs().settle(runsOfA.get(2).dispatch(aTaskId(), BASE));
        stores.runs().insertIfAbsent(pendingRuns(b, hoursAfterBase(1), HOUR, 1));
        stores.runs().insertIfAbsent(pendingRuns(before, BASE, HOUR, 1));

        assertThat(stores.runs().latestFireAtsBetween(List.of(a.id(), b.id(), before.id()), hoursAfterBase(1),
                hoursAfterBase(2)))
                .as("A's run at the upper bound was dispatched; B's is at the lower bound; the third's is before")
                .containsOnly(entry(a.id(), hoursAfterBase(2)), entry(b.id(), hoursAfterBase(1)));
        assertThat(stores.runs().latestFireAtsBetween(List.of(), BASE, hoursAfterBase(2))).isEmpty();
    }

    @Test
    void the_oldest_pending_run_before_an_instant_counts_claimed_runs_and_skips_settled_ones() {
        Schedule a = aStoredSchedule();
        Schedule b = aStoredSchedule();
        Schedule onlyLater = aStoredSchedule();
        Schedule notAsked = aStoredSchedule();
        List<ScheduledRun> runsOfA = pendingRuns(a, BASE, HOUR, 4);
        stores.runs().insertIfAbsent(runsOfA);
        stores.runs().settle(runsOfA.get(0).dispatch(aTaskId(), BASE));
        assertThat(stores.runs().claimDue(hoursAfterBase(1), 3, "another replica", Duration.ofMinutes(5)))
                .contains(runsOfA.get(1));
        stores.runs().insertIfAbsent(pendingRuns(b, hoursAfterBase(2), HOUR, 2));
        stores.runs().insertIfAbsent(pendingRuns(onlyLater, hoursAfterBase(3), HOUR, 2));
        stores.runs().insertIfAbsent(pendingRuns(notAsked, BASE, HOUR, 2));

        assertThat(stores.runs().oldestPendingBefore(List.of(a.id(), b.id(), onlyLater.id()), hoursAfterBase(3)))
                .as("A's dispatched run is not pending; its claimed one is")
                .containsOnly(entry(a.id(), hoursAfterBase(1)), entry(b.id(), hoursAfterBase(2)));
        assertThat(stores.runs().oldestPendingBefore(List.of(), hoursAfterBase(3))).isEmpty();
    }

    @Test
    void next_due_is_the_earliest_unclaimed_pending_run() {
        assertThat(stores.runs().nextDueAt()).isEmpty();
        Schedule s = aStoredSchedule();
        List<ScheduledRun> runs = pendingRuns(s, BASE, Duration.ofMinutes(10), 4);
        stores.runs().insertIfAbsent(runs);
        stores.runs().settle(runs.get(0).cancel(BASE));
        assertThat(stores.runs().nextDueAt()).contains(minutesAfterBase(10));

        stores.runs().claimDue(minutesAfterBase(10), 1, "p1", Duration.ofHours(1));

        assertThat(stores.runs().nextDueAt()).as("the claimed run is ignored").contains(minutesAfterBase(20));
    }

    @Test
    void a_claimed_run_is_next_due_when_its_lease_ends() {
        Schedule s = aStoredSchedule();
        stores.runs().insertIfAbsent(List.of(aPendingRun(s, BASE), aPendingRun(s, hoursAfterBase(3))));
        stores.runs().claimDue(BASE, 1, "dies", Duration.ofHours(1));

        assertThat(stores.runs().nextDueAt()).contains(hoursAfterBase(1));
    }

    @Test
    void next_due_answers_only_up_to_the_bound_asked() {
        Schedule s = aStoredSchedule();
        stores.runs().insertIfAbsent(List.of(aPendingRun(s, BASE), aPendingRun(s, hoursAfterBase(3))));

        assertThat(stores.runs().nextDueAt(BASE)).as("due exactly at the bound").contains(BASE);
        assertThat(stores.runs().nextDueAt(BASE.minusSeconds(1))).isEmpty();

        stores.runs().claimDue(BASE, 1, "dies", Duration.ofHours(1));

        assertThat(stores.runs().nextDueAt(minutesAfterBase(59))).as("the lease ends after the bound").isEmpty();
        assertThat(stores.runs().nextDueAt(hoursAfterBase(1))).contains(hoursAfterBase(1));
        assertThat(stores.runs().nextDueAt(hoursAfterBase(5))).contains(hoursAfterBase(1));
    }
}
