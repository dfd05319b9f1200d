package com.grepsr.scheduler.application.crashsafety;

import com.grepsr.scheduler.application.time.SettableClock;
import com.grepsr.scheduler.adapters.memory.InMemoryActivityPublisher;
import com.grepsr.scheduler.adapters.memory.InMemoryAdapters;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.schedule.MisfirePolicy;
import com.grepsr.scheduler.domain.schedule.OverlapPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every crash point of docs/crash-safety.md on the in-memory stores: the victim dies at the first
 * or the second occurrence of its step in a batch of three runs (so the kill lands in the middle
 * of a batch), under each misfire policy that treats a late run differently and each overlap
 * policy that looks at running tasks; fresh replicas then heal it.
 */
class InMemoryCrashSafetyTest {

    static final int RUNS_IN_BATCH = 3;

    static Stream<Arguments> crashes() {
        Stream.Builder<Arguments> all = Stream.builder();
        for (CrashPoint point : CrashPoint.values()) {
            // a tick claims once: only the batch's other steps have a second occurrence
            int occurrences = point.step() == Step.CLAIM ? 1 : 2;
            for (int occurrence = 1; occurrence <= occurrences; occurrence++) {
                for (MisfirePolicy misfire : new MisfirePolicy[] {MisfirePolicy.FIRE_ONCE_NOW, MisfirePolicy.SKIP}) {
                    for (OverlapPolicy overlap : new OverlapPolicy[] {OverlapPolicy.ALLOW, OverlapPolicy.SKIP,
                            OverlapPolicy.REPLACE}) {
                        all.add(Arguments.of(point, occurrence, misfire.kind(), overlap));
                    }
                }
            }
        }
        return all.build();
    }

    @ParameterizedTest(name = "{0}, occurrence {1}, misfire {2}, overlap {3}")
    @MethodSource("crashes")
    void survivors_heal_the_crash_with_one_crawler_and_one_settlement_per_run(CrashPoint point, int occurrence,
                                                                                MisfirePolicy.Kind misfire,
                                                                                OverlapPolicy overlap) {
        MisfirePolicy policy = misfire == MisfirePolicy.Kind.SKIP ? MisfirePolicy.SKIP : MisfirePolicy.FIRE_ONCE_NOW;
        scenario().crashAndHeal(point, occurrence, RUNS_IN_BATCH, policy, overlap).verify();
    }

    /** A victim back from an outage settles its late runs MISSED, each with its event in the same transaction. */
    @ParameterizedTest(name = "{0}, occurrence {1}")
    @CsvSource({"INSIDE_SETTLE_TRANSACTION, 1", "INSIDE_SETTLE_TRANSACTION, 2", "RUN_SETTLED_BEFORE_RELAY, 1",
            "RUN_SETTLED_BEFORE_RELAY, 2", "CLAIMED_BEFORE_TASK_COMMIT, 1", "LOCKED_BEFORE_LAUNCH, 1",
            "LEASED_RUN_SETTLED, 2"})
    void a_replica_killed_while_missing_late_runs_leaves_each_missed_once_with_one_event(CrashPoint point,
                                                                                           int occurrence) {
        CrashScenario scenario = scenario();
        scenario.crashAndHeal(point, occurrence, RUNS_IN_BATCH, MisfirePolicy.SKIP, OverlapPolicy.ALLOW,
                Duration.ofMinutes(5)).verify();
        assertThat(scenario.runIds()).allSatisfy(id -> assertThat(memory.runs.find(id).orElseThrow().status())
                .isEqualTo(RunStatus.MISSED));
    }

    /** Four healers on their own threads at once, racing for the dead replica's runs and tasks. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = CrashPoint.class, names = {"CLAIMED_BEFORE_TASK_COMMIT", "TASK_COMMITTED_BEFORE_LAUNCH",
            "JOB_CREATED_BEFORE_LAUNCHING", "LAUNCHING_COMMITTED_BEFORE_SETTLE", "LOCKED_BEFORE_LAUNCH",
            "JOB_CREATED_BEFORE_COMMIT", "TASK_INSERTED_BEFORE_COMMIT"})
    void racing_healers_launch_and_settle_each_run_once(CrashPoint point) {
        int occurrence = point.step() == Step.CLAIM ? 1 : 6;
        scenario().racingHealers(4).crashAndHeal(point, occurrence, 8, MisfirePolicy.FIRE_ONCE_NOW,
                OverlapPolicy.SKIP).verify();
    }

    private final SettableClock clock = new SettableClock(CrashScenario.T0);
    private final InMemoryAdapters memory = new InMemoryAdapters(clock, Duration.ofMinutes(1));

    private CrashScenario scenario() {
        InMemoryActivityPublisher feed = new InMemoryActivityPublisher();
        CrashStores stores = new CrashStores(memory.schedules, memory.runs, memory.tasks, memory.history, memory.queue,
                memory.outbox, memory.requests, memory.transactions, memory.outbox::all,
                Optional.of(new CrashStores.Feed(feed, feed::copies)));
        return new CrashScenario(clock, stores);
    }
}
