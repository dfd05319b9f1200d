package com.grepsr.scheduler.domain.run;

import com.grepsr.scheduler.domain.run.DueRunDecision.Outcome;
import com.grepsr.scheduler.domain.schedule.MisfirePolicy;
import com.grepsr.scheduler.domain.schedule.OverlapPolicy;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static com.grepsr.scheduler.domain.DomainFixtures.manualTaskIn;
import static com.grepsr.scheduler.domain.run.DueRunPolicyTest.NINE;
import static com.grepsr.scheduler.domain.run.DueRunPolicyTest.runAt;
import static com.grepsr.scheduler.domain.run.DueRunPolicyTest.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

/** What holds for every due run, whatever its schedule, policies, tasks and lateness. */
class DueRunPolicyPropertiesTest {

    private static final List<MisfirePolicy> MISFIRES = List.of(MisfirePolicy.FIRE_ONCE_NOW, MisfirePolicy.SKIP,
            MisfirePolicy.fireAllWithin(Duration.ofMinutes(90)));
    private static final Task RUNNING = manualTaskIn(TaskStatus.RUNNING);

    /** One generated situation; the suppliers count how often the decision asked them. */
    record Case(ScheduleStatus status, MisfirePolicy misfire, OverlapPolicy overlap, boolean skipped,
                boolean onTiming, boolean alreadyFired, boolean scheduleGone, boolean newestLate,
                boolean anotherWaits, boolean taskRuns, int minutesLate, int lastEndMinutesAfterFire) {

        Schedule schedule() {
            return DueRunPolicyTest.schedule(status, misfire, overlap, skipped ? Set.of(NINE) : Set.of());
        }

        Instant fireAt() {
            return onTiming ? NINE : NINE.plus(Duration.ofMinutes(30));
        }

        Instant now() {
            return fireAt().plus(Duration.ofMinutes(minutesLate));
        }
    }

    private static Gen<Case> cases() {
        Gen<Boolean> b = booleans().all();
        return arbitrary().enumValues(ScheduleStatus.class).zip(arbitrary().pick(MISFIRES),
                        arbitrary().enumValues(OverlapPolicy.class), b, b, (st, m, o, sk, on) -> new Object[] {st, m, o, sk, on})
                .zip(b, b, b, b, (a, fired, gone, newest, waits) -> new Object[] {a, fired, gone, newest, waits})
                .zip(b, integers().between(0, 600), integers().between(-120, 600), (a, runs, late, end) -> {
                    Object[] first = (Object[]) ((Object[]) a)[0];
                    Object[] second = (Object[]) a;
                    return new Case((ScheduleStatus) first[0], (MisfirePolicy) first[1], (OverlapPolicy) first[2],
                            (Boolean) first[3], (Boolean) first[4], (Boolean) second[1], (Boolean) second[2],
                            (Boolean) second[3], (Boolean) second[4], runs, late, end);
                });
    }

    private record Outcomes(DueRunDecision decision, int activeLookups, int endLookups) {
    }

    private static Outcomes decide(Case c) {
        Schedule s = c.schedule();
        AtomicInteger active = new AtomicInteger();
        AtomicInteger end = new AtomicInteger();
        DueRun due = new DueRun(runAt(s, c.fireAt()), c.scheduleGone() ? Optional.empty() : Optional.of(s),
                c.alreadyFired(), c.newestLate(), c.anotherWaits(),
                () -> {
                    active.incrementAndGet();
                    return c.taskRuns() ? List.of(RUNNING) : List.of();
                },
                () -> {
                    end.incrementAndGet();
                    return Optional.of(c.fireAt().plus(Duration.ofMinutes(c.lastEndMinutesAfterFire())));
                });
        return new Outcomes(DueRunPolicy.decide(due, c.now()), active.get(), end.get());
    }

    @Test
    void only_a_run_of_a_live_schedule_on_its_current_timing_fires_unless_it_fired_before_a_crash() {
        qt().withExamples(2_000).forAll(cases()).checkAssert(c -> {
            Outcomes o = decide(c);
            if (o.decision().outcome() == Outcome.FIRE && !c.alreadyFired()) {
                assertThat(c.scheduleGone()).isFalse();
                // a COMPLETED schedule's last runs were written before it completed: they fire
                assertThat(c.status()).isIn(ScheduleStatus.ACTIVE, ScheduleStatus.COMPLETED);
                assertThat(c.onTiming() && !c.skipped()).isTrue();
            }
            if (c.alreadyFired()) {
                assertThat(o.decision().outcome()).isEqualTo(Outcome.FIRE);
                assertThat(o.activeLookups() + o.endLookups()).as("a fired run is not judged again").isZero();
            }
        });
    }

    @Test
    void tasks_are_stopped_only_under_replace_only_for_a_run_that_fires_and_only_running_ones() {
        qt().withExamples(2_000).forAll(cases()).checkAssert(c -> {
            DueRunDecision d = decide(c).decision();
            if (!d.stopFirst().isEmpty()) {
                assertThat(c.overlap()).isEqualTo(OverlapPolicy.REPLACE);
                assertThat(d.outcome()).isEqualTo(Outcome.FIRE);
                assertThat(d.stopFirst()).containsExactly(RUNNING);
            }
        });
    }

    @Test
    void the_lookups_are_made_only_when_a_policy_needs_them_and_at_most_once() {
        qt().withExamples(2_000).forAll(cases()).checkAssert(c -> {
            Outcomes o = decide(c);
            assertThat(o.activeLookups()).isLessThanOrEqualTo(1);
            assertThat(o.endLookups()).isLessThanOrEqualTo(1);
            if (c.overlap() == OverlapPolicy.ALLOW) {
                assertThat(o.activeLookups() + o.endLookups()).isZero();
            }
            if (o.endLookups() > 0) {
                assertThat(c.overlap()).isEqualTo(OverlapPolicy.QUEUE_ONE);
                assertThat(c.taskRuns()).isFalse();
            }
        });
    }

    @Test
    void with_nothing_running_an_eligible_run_fires_exactly_when_the_misfire_policy_says_so() {
        qt().withExamples(2_000).forAll(cases()).checkAssert(c -> {
            boolean eligible = !c.alreadyFired() && !c.scheduleGone()
                    && (c.status() == ScheduleStatus.ACTIVE || c.status() == ScheduleStatus.COMPLETED)
                    && c.onTiming() && !c.skipped() && !c.taskRuns()
                    && !(c.overlap() == OverlapPolicy.QUEUE_ONE && c.lastEndMinutesAfterFire() > 0);
            if (eligible) {
                boolean fires = c.misfire().fires(Duration.ofMinutes(c.minutesLate()), c.newestLate());
                assertThat(decide(c).decision().outcome()).isEqualTo(fires ? Outcome.FIRE : Outcome.MISS_DOWN);
            }
        });
    }
}
