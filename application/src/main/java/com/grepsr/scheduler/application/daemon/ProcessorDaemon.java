package com.grepsr.scheduler.application.daemon;

import com.grepsr.scheduler.application.common.AllAtOnce;
import com.grepsr.scheduler.application.run.BatchRunFiring;
import com.grepsr.scheduler.application.run.EarlierLaunches;
import com.grepsr.scheduler.application.run.RunSettlement;
import com.grepsr.scheduler.application.task.TaskStopper;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.application.port.out.RunTriggerPort;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.application.port.out.TransactionPort;
import com.grepsr.scheduler.application.daemon.ClaimedRunJudge.Judged;
import com.grepsr.scheduler.domain.run.ScheduledRun;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The Schedule Processor: claims due runs (exclusively, across replicas), judges each against
 * its schedule's state, misfire and overlap policies ({@link ClaimedRunJudge}), and fires the
 * rest through the {@link RunTriggerPort}. Claim → decide → fire → settle:
 * <ul>
 * <li>with a trigger that joins the claim transaction (in-process), a chunk of runs is locked,
 *     judged, launched and settled in one transaction — a crash before its commit leaves the runs
 *     claimable at once, and launching them again finds the same launches;</li>
 * <li>otherwise (a remote trigger) a batch is leased, fired, then settled; a processor that dies
 *     mid-batch leaves its runs to be claimed again when the lease ends.</li>
 * </ul>
 * Either way a run fired before a crash is fired again, never judged again (docs/crash-safety.md).
 */
public final class ProcessorDaemon {

    /**
     * Runs fired together: a chunk's launches run at once, and with a locking claim it is also the
     * transaction's size. A SIGTERM waits for at most one chunk's launches.
     */
    public static final int FIRE_CHUNK = BatchRunFiring.CHUNK;
    /** How long to wait when due runs are all locked by another replica's chunk in flight. */
    private static final Duration LOCKED_ELSEWHERE = Duration.ofMillis(50);
    /**
     * How long a run stays aside while an older run of its schedule is another claimer's: about a
     * chunk's launches, short of the misfire grace (the run is judged late from its fire instant).
     */
    static final Duration HELD_FOR_OLDER = Duration.ofSeconds(1);

    private final ScheduledRunStorePort runs;
    private final ScheduleStorePort schedules;
    private final TransactionPort tx;
    private final RunSettlement settlement;
    private final ClaimedRunJudge judge;
    private final boolean locking;
    private final DaemonSettings settings;
    private final String replica;
    private final AllAtOnce chunks = new AllAtOnce("dispatch-chunk");
    private volatile boolean stopping;
    private volatile boolean lastTickClaimedNothing;

    /** What one tick did, by outcome. */
    public record TickResult(int claimed, int dispatched, int missed, int skipped, int cancelled, int waiting) {
        static final TickResult NONE = new TickResult(0, 0, 0, 0, 0, 0);

        public boolean fullBatch(int batch) {
            return claimed >= batch;
        }

        TickResult plus(TickResult o) {
            return new TickResult(claimed + o.claimed, dispatched + o.dispatched, missed + o.missed,
                    skipped + o.skipped, cancelled + o.cancelled, waiting + o.waiting);
        }
    }

    public ProcessorDaemon(ScheduledRunStorePort runs, ScheduleStorePort schedules, TaskStorePort tasks,
                           RunTriggerPort trigger, TaskStopper stopper, RunSettlement settlement, TransactionPort tx,
                           CrawlerLauncherPort launcher, DaemonSettings settings, String replica) {
        this.runs = runs;
        this.schedules = schedules;
        this.tx = tx;
        this.settlement = settlement;
        this.judge = new ClaimedRunJudge(tasks, trigger, stopper, settlement, new EarlierLaunches(launcher));
        this.locking = trigger.joinsClaimTransaction();
        this.settings = settings;
        this.replica = replica;
    }

    /**
     * Called when the process stops (SIGTERM): no further tick claims runs, and the tick in flight
     * fires no further run but leaves (or hands back) the rest, so another replica fires them at
     * once — rather than the stop waiting for a whole batch of launches (past a pod's termination
     * grace, when SIGKILL would leave them leased for a whole lease).
     */
    public void stopDispatching() {
        stopping = true;
    }

    public TickResult tick(Instant now) {
        TickResult result = stopping ? TickResult.NONE : locking ? lockedChunks(now) : leasedBatch(now);
        lastTickClaimedNothing = result.claimed() == 0;
        return result;
    }

    /**
     * Up to {@code claimBatch} runs in chunks of {@link #FIRE_CHUNK}, all in flight at once, each
     * chunk in its own transaction: lock due runs, judge them, launch and record the fired ones,
     * settle all. The chunks' launches overlap (a burst is cleared at the launcher's pace, not one
     * chunk after another), while a transaction and a SIGTERM's wait stay one chunk long. A run
     * left waiting or held is leased, so the next chunk does not lock it again. When a chunk
     * fails, the chunks not yet judging leave their runs (a replica dying stops at once).
     */
    private TickResult lockedChunks(Instant now) {
        List<Integer> limits = new ArrayList<>();
        for (int from = 0; from < settings.claimBatch(); from += FIRE_CHUNK) {
            limits.add(Math.min(FIRE_CHUNK, settings.claimBatch() - from));
        }
        AtomicBoolean failed = new AtomicBoolean();
        BooleanSupplier halt = () -> stopping || failed.get();
        return chunks.map(limits, limit -> {
            try {
                return lockedChunk(now, limit, halt);
            } catch (RuntimeException | Error e) {
                failed.set(true);
                throw e;
            }
        }).stream().reduce(TickResult.NONE, TickResult::plus);
    }

    private TickResult lockedChunk(Instant now, int limit, BooleanSupplier halt) {
        if (halt.getAsBoolean()) {
            return TickResult.NONE;
        }
        return tx.inTransaction(() -> {
            Judged judged = judge(runs.lockDue(now, limit), now, halt);
            runs.lease(judged.waiting(), replica, now.plus(settings.claimLease()));
            runs.lease(judged.held(), replica, now.plus(HELD_FOR_OLDER));
            return judged.result();
        });
    }

    /** One leased batch; what a stop left unfired is handed back at once. */
    private TickResult leasedBatch(Instant now) {
        Judged judged = judge(runs.claimDue(now, settings.claimBatch(), replica, settings.claimLease()), now,
                () -> stopping);
        if (!judged.left().isEmpty()) {
            runs.release(judged.left(), replica);
        }
        runs.lease(judged.held(), replica, now.plus(HELD_FOR_OLDER));
        return judged.result();
    }

    private Judged judge(List<ScheduledRun> claimed, Instant now, BooleanSupplier halt) {
        return judge.judge(claimed, ClaimedBatch.read(claimed, schedules, runs, settlement, now), now, halt);
    }

    /**
     * How long the loop may sleep before a run comes due (bounded by the settings' max sleep). Due
     * runs that the last tick could not claim are locked by another replica's chunk: a short pause.
     */
    public Duration untilNextDue(Instant now) {
        Duration max = settings.maxSleep();
        Duration until = runs.nextDueAt(now.plus(max)).map(at -> Duration.between(now, at))
                .map(d -> d.isNegative() ? Duration.ZERO : d.compareTo(max) > 0 ? max : d)
                .orElse(max);
        return until.isZero() && lastTickClaimedNothing ? LOCKED_ELSEWHERE : until;
    }
}
