package com.grepsr.scheduler.application.daemon;

import com.grepsr.scheduler.application.run.EarlierLaunches;
import com.grepsr.scheduler.application.run.RunSettlement;
import com.grepsr.scheduler.application.task.TaskStopper;
import com.grepsr.scheduler.application.port.out.RunTriggerPort;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.application.daemon.ProcessorDaemon.TickResult;
import com.grepsr.scheduler.domain.error.IllegalTransitionException;
import com.grepsr.scheduler.domain.run.DueRunDecision;
import com.grepsr.scheduler.domain.run.DueRunDecision.Outcome;
import com.grepsr.scheduler.domain.run.DueRunPolicy;
import com.grepsr.scheduler.domain.run.MissCause;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;
import com.grepsr.scheduler.domain.task.TaskId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The processor's judgement of the runs it claimed, the same whether it locked them or leased
 * them: oldest first, each gets its {@link DueRunPolicy} decision; a miss, skip or cancel is
 * settled with its event ({@link RunSettlement}); the runs to fire are gathered and fired
 * together, then settled DISPATCHED together — before judging a run whose schedule has one
 * gathered already (unless it allows overlap: the overlap check must see that task), whenever
 * {@link ProcessorDaemon#FIRE_CHUNK} are gathered, and at the end. A schedule's runs are judged
 * against one view of its tasks ({@link ChunkTaskView}), read again only after the chunk fires.
 */
final class ClaimedRunJudge {

    private final TaskStorePort tasks;
    private final RunTriggerPort trigger;
    private final TaskStopper stopper;
    private final RunSettlement settlement;
    private final EarlierLaunches earlier;

    ClaimedRunJudge(TaskStorePort tasks, RunTriggerPort trigger, TaskStopper stopper, RunSettlement settlement,
                    EarlierLaunches earlier) {
        this.tasks = tasks;
        this.trigger = trigger;
        this.stopper = stopper;
        this.settlement = settlement;
        this.earlier = earlier;
    }

    /**
     * What judging did: its counts, the runs left waiting (overlap QUEUE_ONE), the runs held
     * unjudged because an older run of their schedule is another claimer's, and the runs left
     * alone because the processor is stopping (neither judged nor fired).
     */
    record Judged(TickResult result, List<ScheduledRunId> waiting, List<ScheduledRunId> held,
                  List<ScheduledRunId> left) {
    }

    Judged judge(List<ScheduledRun> claimed, ClaimedBatch batch, Instant now, BooleanSupplier stopping) {
        List<ScheduledRun> inOrder = claimed.stream().sorted(Comparator.comparing(ScheduledRun::fireAt)).toList();
        List<ScheduledRun> gathered = new ArrayList<>();
        Set<ScheduleId> gatheredSchedules = new HashSet<>();
        Map<ScheduleId, ScheduledRunId> waiting = new HashMap<>();
        List<ScheduledRunId> held = new ArrayList<>();
        ChunkTaskView view = new ChunkTaskView(tasks);
        int dispatched = 0, missed = 0, skipped = 0, cancelled = 0;
        int next = 0;
        for (; next < inOrder.size() && !stopping.getAsBoolean(); next++) {
            ScheduledRun run = inOrder.get(next);
            if (batch.waitsForOlderRun(run)) {
                held.add(run.id());
                continue;
            }
            if (gatheredSchedules.contains(run.scheduleId()) && !batch.allowsOverlap(run)) {
                dispatched += fire(gathered, batch, view, now);
                gatheredSchedules.clear();
            }
            DueRunDecision d = decide(batch, view, run, waiting.containsKey(run.scheduleId()), now);
            switch (d.outcome()) {
                case CANCEL -> cancelled += settlement.settle(run.cancel(now));
                case MISS_PAUSED -> missed += settlement.settle(run.miss(MissCause.PAUSED, now));
                case MISS_DOWN -> missed += settlement.settle(run.miss(MissCause.SCHEDULER_DOWN, now));
                case SKIP_OVERLAP -> skipped += settlement.settle(run.skip(MissCause.OVERLAP, now));
                case WAIT -> waiting.put(run.scheduleId(), run.id());
                case FIRE -> {
                    d.stopFirst().forEach(this::replace);
                    gathered.add(run);
                    gatheredSchedules.add(run.scheduleId());
                    if (gathered.size() >= ProcessorDaemon.FIRE_CHUNK) {
                        dispatched += fire(gathered, batch, view, now);
                        gatheredSchedules.clear();
                    }
                }
            }
        }
        List<ScheduledRunId> left = new ArrayList<>(inOrder.subList(next, inOrder.size()).stream()
                .map(ScheduledRun::id).toList());
        if (stopping.getAsBoolean()) {
            gathered.forEach(run -> left.add(run.id()));
        } else {
            dispatched += fire(gathered, batch, view, now);
        }
        TickResult counts = new TickResult(claimed.size(), dispatched, missed, skipped, cancelled,
                waiting.size() + held.size());
        return new Judged(counts, List.copyOf(waiting.values()), held, left);
    }

    /**
     * The policy's decision; but a run it would not fire whose launch exists (without its task)
     * was fired by a replica that died before committing: it fires again, adopting that launch —
     * or, if its schedule is gone, its launch is stopped.
     */
    private DueRunDecision decide(ClaimedBatch batch, ChunkTaskView view, ScheduledRun run, boolean anotherWaits,
                                  Instant now) {
        DueRunDecision d = policy(batch, view, run, anotherWaits, now);
        if (d.outcome() == Outcome.FIRE || batch.firedBefore(run) || !earlier.exist(run)) {
            return d;
        }
        if (!batch.hasSchedule(run)) {
            earlier.stop(run);
            return d;
        }
        batch.markFiredBefore(run);
        return policy(batch, view, run, anotherWaits, now); // a run fired before fires again, unjudged
    }

    private DueRunDecision policy(ClaimedBatch batch, ChunkTaskView view, ScheduledRun run, boolean anotherWaits,
                                  Instant now) {
        return DueRunPolicy.decide(batch.due(run, anotherWaits, () -> view.activeTasks(run.scheduleId()),
                () -> view.latestTaskEnd(run.scheduleId())), now);
    }

    /**
     * Fires the gathered runs and settles them DISPATCHED in one transaction (the caller's, when
     * it holds one); empties {@code gathered}. A run fired before goes alone through
     * {@link RunTriggerPort#trigger}, which finds its task; the rest go together, with the
     * schedules already read.
     */
    private int fire(List<ScheduledRun> gathered, ClaimedBatch batch, ChunkTaskView view, Instant now) {
        if (gathered.isEmpty()) {
            return 0;
        }
        gathered.forEach(r -> view.forget(r.scheduleId()));
        Map<ScheduledRunId, TaskId> fired = new HashMap<>();
        List<ScheduledRun> fresh = gathered.stream().filter(r -> !batch.firedBefore(r)).toList();
        if (!fresh.isEmpty()) {
            fired.putAll(trigger.triggerAll(fresh, batch.schedules()));
        }
        gathered.stream().filter(batch::firedBefore).forEach(r -> fired.put(r.id(), trigger.trigger(r)));
        List<ScheduledRun> settled = gathered.stream().map(r -> r.dispatch(fired.get(r.id()), now)).toList();
        gathered.clear();
        return settlement.settleDispatched(settled);
    }

    private void replace(Task running) {
        try {
            stopper.stop(running, "replaced by a newer run (overlap policy REPLACE)", TaskHistoryEntry.Source.SCHEDULER);
        } catch (IllegalTransitionException e) {
            // it finished on its own meanwhile: nothing to replace
        }
    }
}
