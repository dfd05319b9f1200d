package com.grepsr.scheduler.domain.run;

import com.grepsr.scheduler.domain.run.DueRunDecision.Outcome;
import com.grepsr.scheduler.domain.schedule.MisfirePolicy;
import com.grepsr.scheduler.domain.schedule.OverlapPolicy;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleDetails;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static com.grepsr.scheduler.domain.DomainFixtures.NOW;
import static com.grepsr.scheduler.domain.DomainFixtures.STORED_VERSION;
import static com.grepsr.scheduler.domain.DomainFixtures.anyReport;
import static com.grepsr.scheduler.domain.DomainFixtures.anyRunId;
import static com.grepsr.scheduler.domain.DomainFixtures.anyScheduleId;
import static com.grepsr.scheduler.domain.DomainFixtures.everyHourFromNineToday;
import static com.grepsr.scheduler.domain.DomainFixtures.hoursAgo;
import static com.grepsr.scheduler.domain.DomainFixtures.hoursFromNow;
import static com.grepsr.scheduler.domain.DomainFixtures.manualTaskIn;
import static org.assertj.core.api.Assertions.assertThat;

/** The processor's rule for a due run, case by case (properties: {@link DueRunPolicyPropertiesTest}). */
class DueRunPolicyTest {

    /** 09:00, the hourly schedule's first occurrence. */
    static final Instant NINE = hoursFromNow(1);

    static Schedule schedule(ScheduleStatus status, MisfirePolicy misfire, OverlapPolicy overlap, Set<Instant> skipped) {
        return Schedule.reconstitute(anyScheduleId(), "hourly", anyReport(),
                new ScheduleDetails(everyHourFromNineToday(), null, misfire, overlap, null), status, null, skipped,
                STORED_VERSION, hoursAgo(24), hoursAgo(1));
    }

    static Schedule active(MisfirePolicy misfire, OverlapPolicy overlap) {
        return schedule(ScheduleStatus.ACTIVE, misfire, overlap, Set.of());
    }

    static ScheduledRun runAt(Schedule s, Instant fireAt) {
        return ScheduledRun.pending(anyRunId(), s.id(), s.report(), fireAt, NOW);
    }

    private static DueRun due(Schedule s, Instant fireAt, List<Task> active) {
        return new DueRun(runAt(s, fireAt), Optional.of(s), false, true, false, () -> active, Optional::empty);
    }

    private static <T> Supplier<T> never(String what) {
        return () -> {
            throw new AssertionError(what + " was looked up though no policy needs it");
        };
    }

    private static final Task RUNNING = manualTaskIn(TaskStatus.RUNNING);

    @Test
    void a_run_fired_before_a_crash_is_finished_whatever_its_schedule_says_now() {
        Schedule paused = schedule(ScheduleStatus.PAUSED, MisfirePolicy.SKIP, OverlapPolicy.SKIP, Set.of());
        DueRun fired = new DueRun(runAt(paused, NINE), Optional.of(paused), true, false, true,
                never("active tasks"), never("the last task's end"));
        assertThat(DueRunPolicy.decide(fired, NINE.plus(Duration.ofHours(5))).outcome()).isEqualTo(Outcome.FIRE);
    }

    @Test
    void a_run_of_a_gone_or_deleted_schedule_is_cancelled_and_of_a_paused_one_missed() {
        Schedule deleted = schedule(ScheduleStatus.DELETED, MisfirePolicy.FIRE_ONCE_NOW, OverlapPolicy.ALLOW, Set.of());
        Schedule paused = schedule(ScheduleStatus.PAUSED, MisfirePolicy.FIRE_ONCE_NOW, OverlapPolicy.ALLOW, Set.of());
        DueRun gone = new DueRun(runAt(deleted, NINE), Optional.empty(), false, true, false, List::of, Optional::empty);
        assertThat(DueRunPolicy.decide(gone, NINE).outcome()).isEqualTo(Outcome.CANCEL);
        assertThat(DueRunPolicy.decide(due(deleted, NINE, List.of()), NINE).outcome()).isEqualTo(Outcome.CANCEL);
        assertThat(DueRunPolicy.decide(due(paused, NINE, List.of()), NINE).outcome()).isEqualTo(Outcome.MISS_PAUSED);
    }

    @Test
    void a_skipped_occurrence_or_one_the_current_timing_does_not_have_is_cancelled() {
        Schedule skipping = schedule(ScheduleStatus.ACTIVE, MisfirePolicy.FIRE_ONCE_NOW, OverlapPolicy.ALLOW, Set.of(NINE));
        assertThat(DueRunPolicy.decide(due(skipping, NINE, List.of()), NINE).outcome()).isEqualTo(Outcome.CANCEL);
        Schedule hourly = active(MisfirePolicy.FIRE_ONCE_NOW, OverlapPolicy.ALLOW);
        Instant halfPast = NINE.plus(Duration.ofMinutes(30));
        assertThat(DueRunPolicy.decide(due(hourly, halfPast, List.of()), halfPast).outcome()).isEqualTo(Outcome.CANCEL);
    }

    @Test
    void allow_fires_beside_a_running_task_without_looking_at_it() {
        Schedule s = active(MisfirePolicy.FIRE_ONCE_NOW, OverlapPolicy.ALLOW);
        DueRun run = new DueRun(runAt(s, NINE), Optional.of(s), false, true, false, never("active tasks"),
                never("the last task's end"));
        assertThat(DueRunPolicy.decide(run, NINE)).isEqualTo(new DueRunDecision(Outcome.FIRE, List.of()));
    }

    @Test
    void skip_skips_a_run_while_a_task_runs() {
        Schedule s = active(MisfirePolicy.FIRE_ONCE_NOW, OverlapPolicy.SKIP);
        assertThat(DueRunPolicy.decide(due(s, NINE, List.of(RUNNING)), NINE).outcome()).isEqualTo(Outcome.SKIP_OVERLAP);
        assertThat(DueRunPolicy.decide(due(s, NINE, List.of()), NINE).outcome()).isEqualTo(Outcome.FIRE);
    }

    @Test
    void replace_stops_the_running_task_for_a_run_that_fires_and_not_for_one_that_is_missed() {
        Schedule onTime = active(MisfirePolicy.SKIP, OverlapPolicy.REPLACE);
        assertThat(DueRunPolicy.decide(due(onTime, NINE, List.of(RUNNING)), NINE))
                .isEqualTo(new DueRunDecision(Outcome.FIRE, List.of(RUNNING)));
        assertThat(DueRunPolicy.decide(due(onTime, NINE, List.of(RUNNING)), NINE.plus(Duration.ofHours(2))))
                .isEqualTo(new DueRunDecision(Outcome.MISS_DOWN, List.of()));
    }

    @Test
    void queue_one_keeps_one_run_waiting_skips_the_next_and_fires_the_held_back_one_however_late() {
        Schedule s = active(MisfirePolicy.SKIP, OverlapPolicy.QUEUE_ONE);
        DueRun first = new DueRun(runAt(s, NINE), Optional.of(s), false, true, false, () -> List.of(RUNNING),
                Optional::empty);
        DueRun second = new DueRun(runAt(s, NINE), Optional.of(s), false, true, true, () -> List.of(RUNNING),
                Optional::empty);
        assertThat(DueRunPolicy.decide(first, NINE).outcome()).isEqualTo(Outcome.WAIT);
        assertThat(DueRunPolicy.decide(second, NINE).outcome()).isEqualTo(Outcome.SKIP_OVERLAP);

        Instant twoHoursLater = NINE.plus(Duration.ofHours(2));
        DueRun heldBack = new DueRun(runAt(s, NINE), Optional.of(s), false, true, false, List::of,
                () -> Optional.of(twoHoursLater.minusSeconds(1)));
        assertThat(DueRunPolicy.decide(heldBack, twoHoursLater).outcome()).isEqualTo(Outcome.FIRE);
        DueRun plainLate = new DueRun(runAt(s, NINE), Optional.of(s), false, true, false, List::of,
                () -> Optional.of(NINE.minusSeconds(1)));
        assertThat(DueRunPolicy.decide(plainLate, twoHoursLater).outcome()).isEqualTo(Outcome.MISS_DOWN);
    }

    @Test
    void the_misfire_policy_judges_a_late_run() {
        Schedule once = active(MisfirePolicy.FIRE_ONCE_NOW, OverlapPolicy.ALLOW);
        Instant late = NINE.plus(Duration.ofHours(3));
        DueRun newest = new DueRun(runAt(once, NINE), Optional.of(once), false, true, false, List::of, Optional::empty);
        DueRun older = new DueRun(runAt(once, NINE), Optional.of(once), false, false, false, List::of, Optional::empty);
        assertThat(DueRunPolicy.decide(newest, late).outcome()).isEqualTo(Outcome.FIRE);
        assertThat(DueRunPolicy.decide(older, late).outcome()).isEqualTo(Outcome.MISS_DOWN);
        assertThat(DueRunPolicy.decide(older, NINE.plus(MisfirePolicy.GRACE)).outcome())
                .as("within the grace a run is on time").isEqualTo(Outcome.FIRE);
    }
}
