package com.grepsr.scheduler.application.daemon.reconcile;

import com.grepsr.scheduler.application.run.EarlierLaunches;
import com.grepsr.scheduler.application.run.RunSettlement;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.RunFilter;
import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.domain.run.MissCause;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.task.TaskId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Reconciler step: marks MISSED the runs no processor dispatched before their catch-up deadline
 * — or DISPATCHED, if a processor that died before settling one had committed its task.
 */
public final class MissOverdueRunsStep {

    private final ScheduledRunStorePort runs;
    private final RunSettlement settlement;
    private final EarlierLaunches earlier;
    private final Duration maxCatchUp;

    public MissOverdueRunsStep(ScheduledRunStorePort runs, RunSettlement settlement, EarlierLaunches earlier,
                               Duration maxCatchUp) {
        this.runs = runs;
        this.settlement = settlement;
        this.earlier = earlier;
        this.maxCatchUp = maxCatchUp;
    }

    /** How many runs it marked MISSED (a bounded batch a tick). */
    int run(Instant now) {
        RunFilter stale = RunFilter.none().withStatuses(Set.of(RunStatus.PENDING)).firingUntil(now.minus(maxCatchUp));
        List<ScheduledRun> overdue = runs.list(stale, PageRequest.first(ReconcilerDaemon.PAGE)).items();
        Set<TaskId> fired = settlement.firedBefore(overdue);
        int missed = 0;
        for (ScheduledRun r : overdue) {
            if (fired.contains(r.id().taskId())) {
                // a processor fired it and died before settling it, and none has run since: the
                // crawl was launched (the relaunch step launches such tasks), so it was not missed
                settlement.settle(r.dispatch(r.id().taskId(), now));
            } else if (earlier.exist(r)) {
                // launched inside a transaction that a crash rolled back: its crawler runs, so it
                // was not missed; the next processor to claim it adopts the launch and settles it
            } else {
                missed += settlement.settle(r.miss(MissCause.DEADLINE, now));
            }
        }
        return missed;
    }
}
