package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.application.crashsafety.CrashPoint;
import com.grepsr.scheduler.application.crashsafety.CrashScenario;
import com.grepsr.scheduler.application.crashsafety.CrashStores;
import com.grepsr.scheduler.application.time.SettableClock;
import com.grepsr.scheduler.application.crashsafety.Step;
import com.grepsr.scheduler.domain.schedule.MisfirePolicy;
import com.grepsr.scheduler.domain.schedule.OverlapPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Optional;

/**
 * The crash points of docs/crash-safety.md on a real database: a killed transaction rolls back,
 * a dead replica's claim lease runs out in SQL ({@code claimed_until}), and the tasks table's key
 * keeps one task per run. The strictest policies (misfire SKIP, overlap SKIP) and a kill in the
 * middle of a batch of three; the relay's crash point runs in memory (the feed is not SQL).
 */
abstract class CrashSafetyChecks {

    abstract SqlDatabaseExtension db();

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = CrashPoint.class, names = "RELAY_.*", mode = EnumSource.Mode.MATCH_NONE)
    void survivors_heal_a_crash_in_the_middle_of_a_batch(CrashPoint point) {
        // a tick claims once, so a claim crash point can only hit the batch's first step
        int occurrence = point.step() == Step.CLAIM ? 1 : 2;
        scenario().crashAndHeal(point, occurrence, 3, MisfirePolicy.SKIP, OverlapPolicy.SKIP).verify();
    }

    /**
     * Four healers at once, past the lease and the grace, over a dead replica's batch of eight:
     * SKIP LOCKED hands each run to one processor, the reconcilers race them to launch the same
     * QUEUED tasks, and the tasks' key and versions keep one task, one Job, one settlement per run.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = CrashPoint.class, names = {"TASK_COMMITTED_BEFORE_LAUNCH", "JOB_CREATED_BEFORE_LAUNCHING",
            "LAUNCHING_COMMITTED_BEFORE_SETTLE", "JOB_CREATED_BEFORE_COMMIT", "TASK_INSERTED_BEFORE_COMMIT"})
    void racing_healers_launch_and_settle_each_run_once(CrashPoint point) {
        scenario().racingHealers(4).crashAndHeal(point, 6, 8, MisfirePolicy.SKIP, OverlapPolicy.SKIP).verify();
    }

    private CrashScenario scenario() {
        SettableClock clock = new SettableClock(CrashScenario.T0);
        SqlAdapters sql = db().fresh(clock);
        CrashStores stores = new CrashStores(sql.schedules(), sql.runs(), sql.tasks(), sql.history(), sql.queue(),
                sql.outbox(), sql.requests(), sql.transactions(), () -> sql.outbox().undelivered(1_000), Optional.empty());
        return new CrashScenario(clock, stores);
    }
}
