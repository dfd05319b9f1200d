package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.port.out.RunTriggerPort;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.domain.error.IllegalTransitionException;
import com.grepsr.scheduler.domain.run.DueRun;
import com.grepsr.scheduler.domain.run.DueRunDecision;
import com.grepsr.scheduler.domain.run.DueRunPolicy;
import com.grepsr.scheduler.domain.run.MissCause;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.OverlapPolicy;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Schedule Processor: claims due runs in batches (exclusively, across replicas), judges each
 * against its schedule's state, misfire and overlap policies, and fires the rest through the
 * {@link RunTriggerPort}. A run is settled only after its task exists, so a processor that dies
 * mid-batch leaves its runs to be claimed again when the lease ends; the trigger is idempotent
 * per run, so a second claimer finds the first one's task instead of starting another, and a
 * run whose task exists is fired again without being judged (see docs/crash-safety.md).
 */
public final class ProcessorDaemon {

    private final ScheduledRunStorePort runs;
    private final ScheduleStorePort schedules;
    private final TaskStorePort tasks;
    private final RunTriggerPort trigger;
    private final TaskStopper stopper;
    private final RunSettlement settlement;
    private final DaemonSettings settings;
    private final String replica;
    /** Set when the process stops: see {@link #stopDispatching()}. */
    /**
     * Runs fired together between two looks at {@link #stopDispatching}: a SIGTERM waits for at
     * most this many launches (about 2.5 s at the Kubernetes launcher's default 20 requests/s)
     * instead of a whole claimed batch, while the database work stays a few statements per chunk.
     */
    static final int FIRE_CHUNK = 50;

    private volatile boolean stopping;

    /** What one tick did, by outcome. */
    public record TickResult(int claimed, int dispatched, int missed, int skipped, int cancelled, int waiting) {
        public boolean fullBatch(int batch) {
            return claimed >= batch;
        }
    }

    public ProcessorDaemon(ScheduledRunStorePort runs, ScheduleStorePort schedules, TaskStorePort tasks,
                           RunTriggerPort trigger, TaskStopper stopper, RunSettlement settlement,
                           DaemonSettings settings, String replica) {
        this.runs = runs;
        this.schedules = schedules;
        this.tasks = tasks;
        this.trigger = trigger;
        this.stopper = stopper;
        this.settlement = settlement;
        this.settings = settings;
        this.replica = replica;
    }

    /**
     * Called when the process stops (SIGTERM): no further tick claims runs, and the tick in flight
     * fires no further run of its batch but hands the rest of its claims back, so another replica
     * fires them at once — rather than the stop waiting for a whole batch of launches (past a
     * pod's termination grace, when SIGKILL would leave them claimed for a whole lease).
     */
    public void stopDispatching() {
        stopping = true;
    }

    public TickResult tick(Instant now) {
        if (stopping) {
            return new TickResult(0, 0, 0, 0, 0, 0);
        }
        List<ScheduledRun> claimed = runs.claimDue(now, settings.claimBatch(), replica, settings.claimLease());
        Claimed batch = read(claimed);
        // runs of schedules that allow overlap fire together; the others fire one at a time, in
        // order, because each one's overlap check must see the task of the one before
        List<ScheduledRun> together = new ArrayList<>();
        Set<ScheduleId> waiting = new HashSet<>();
        int dispatched = 0, missed = 0, skipped = 0, cancelled = 0;
        List<ScheduledRun> inOrder = claimed.stream().sorted(Comparator.comparing(ScheduledRun::fireAt)).toList();
        int next = 0;
        for (; next < inOrder.size() && !stopping; next++) {
            ScheduledRun run = inOrder.get(next);
            DueRunDecision d = DueRunPolicy.decide(due(batch, run, waiting.contains(run.scheduleId())), now);
            switch (d.outcome()) {
                case CANCEL -> cancelled += settlement.settle(run.cancel(now));
                case MISS_PAUSED -> missed += settlement.settle(run.miss(MissCause.PAUSED, now));
                case MISS_DOWN -> missed += settlement.settle(run.miss(MissCause.SCHEDULER_DOWN, now));
                case SKIP_OVERLAP -> skipped += settlement.settle(run.skip(MissCause.OVERLAP, now));
                case WAIT -> waiting.add(run.scheduleId());
                case FIRE -> {
                    d.stopFirst().forEach(this::replace);
                    if (batch.allowsOverlap(run)) {
                        together.add(run);
                    } else {
                        dispatched += fire(run, now);
                    }
                }
            }
        }
        List<ScheduledRunId> handedBack = new ArrayList<>(inOrder.subList(next, inOrder.size()).stream()
                .map(ScheduledRun::id).toList());
        for (int from = 0; from < together.size(); from += FIRE_CHUNK) {
            List<ScheduledRun> chunk = together.subList(from, Math.min(together.size(), from + FIRE_CHUNK));
            if (stopping) {
                chunk.forEach(run -> handedBack.add(run.id()));
            } else {
                dispatched += fireTogether(chunk, now);
            }
        }
        if (!handedBack.isEmpty()) {
            runs.release(handedBack, replica);
        }
        return new TickResult(claimed.size(), dispatched, missed, skipped, cancelled, waiting.size());
    }

    /**
     * What a batch's decisions read, once per batch: the claimed runs' schedules, the newest run of
     * each schedule (FIRE_ONCE_NOW fires only that one), and which runs fired before a crash.
     */
    private Claimed read(List<ScheduledRun> claimed) {
        Map<ScheduleId, Instant> newest = new HashMap<>();
        for (ScheduledRun r : claimed) {
            newest.merge(r.scheduleId(), r.fireAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        Map<ScheduleId, Schedule> found = new HashMap<>();
        schedules.findAll(newest.keySet()).forEach(s -> found.put(s.id(), s));
        return new Claimed(found, newest, settlement.firedBefore(claimed));
    }

    private record Claimed(Map<ScheduleId, Schedule> schedules, Map<ScheduleId, Instant> newest,
                           Set<TaskId> firedBefore) {

        /** (A run fired before a crash may have lost its schedule since: alone, then.) */
        boolean allowsOverlap(ScheduledRun run) {
            Schedule s = schedules.get(run.scheduleId());
            return s != null && s.details().overlap() == OverlapPolicy.ALLOW;
        }
    }

    /** A claimed run with what its decision needs; the two task lookups run only if the policies ask. */
    private DueRun due(Claimed batch, ScheduledRun run, boolean anotherWaits) {
        ScheduleId id = run.scheduleId();
        return new DueRun(run, Optional.ofNullable(batch.schedules().get(id)),
                batch.firedBefore().contains(run.id().taskId()),
                run.fireAt().equals(batch.newest().get(id)), anotherWaits,
                () -> activeTasks(id), () -> latestTaskEnd(id));
    }

    /** How long the loop may sleep before a run comes due (bounded by the settings' max sleep). */
    public Duration untilNextDue(Instant now) {
        Duration max = settings.maxSleep();
        return runs.nextDueAt(now.plus(max)).map(at -> Duration.between(now, at))
                .map(d -> d.isNegative() ? Duration.ZERO : d.compareTo(max) > 0 ? max : d)
                .orElse(max);
    }

    /** When the schedule's latest task ended, if it did. */
    private Optional<Instant> latestTaskEnd(ScheduleId schedule) {
        return tasks.list(TaskFilter.none().withSchedule(schedule), PageRequest.first(1)).items().stream()
                .findFirst().flatMap(Task::finishedAt);
    }

    private List<Task> activeTasks(ScheduleId schedule) {
        TaskFilter filter = TaskFilter.none().withSchedule(schedule)
                .withStatuses(EnumSet.of(TaskStatus.QUEUED, TaskStatus.LAUNCHING, TaskStatus.RUNNING));
        return tasks.list(filter, PageRequest.first(PageRequest.MAX_SIZE)).items();
    }

    private void replace(Task running) {
        try {
            stopper.stop(running, "replaced by a newer run (overlap policy REPLACE)", TaskHistoryEntry.Source.SCHEDULER);
        } catch (IllegalTransitionException e) {
            // it finished on its own meanwhile: nothing to replace
        }
    }

    private int fire(ScheduledRun run, Instant now) {
        var task = trigger.trigger(run);
        return settlement.settle(run.dispatch(task, now));
    }

    /**
     * Fires runs as one batch, then settles them in one transaction: only after the trigger
     * returned, so each run is settled only once its task exists.
     */
    private int fireTogether(List<ScheduledRun> batch, Instant now) {
        if (batch.isEmpty()) {
            return 0;
        }
        Map<ScheduledRunId, TaskId> fired = trigger.triggerAll(batch);
        return settlement.settleDispatched(batch.stream().map(run -> run.dispatch(fired.get(run.id()), now)).toList());
    }
}
