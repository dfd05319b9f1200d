package com.grepsr.scheduler.application.daemon;

import com.grepsr.scheduler.application.run.RunSettlement;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.domain.run.DueRun;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.OverlapPolicy;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the processor reads about the runs it claimed together, once for all of them: their
 * schedules, the newest due run of each schedule (FIRE_ONCE_NOW fires only that one; after an
 * outage it may be in another claim), and
 * which were fired before (their task exists, or their launch does: a replica died before settling
 * them), and which schedules that look at their active tasks have an older PENDING run held by
 * another claimer. The firing uses the same schedules; nothing is read again.
 */
record ClaimedBatch(Map<ScheduleId, Schedule> schedules, Map<ScheduleId, Instant> newest,
                    Set<ScheduleId> olderRunHeldElsewhere, Set<TaskId> firedBefore) {

    static ClaimedBatch read(List<ScheduledRun> claimed, ScheduleStorePort schedules, ScheduledRunStorePort runs,
                             RunSettlement settlement, Instant now) {
        Map<ScheduleId, Instant> newest = new HashMap<>();
        Map<ScheduleId, Instant> oldest = new HashMap<>();
        for (ScheduledRun r : claimed) {
            newest.merge(r.scheduleId(), r.fireAt(), (a, b) -> a.isAfter(b) ? a : b);
            oldest.merge(r.scheduleId(), r.fireAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
        Map<ScheduleId, Schedule> found = new HashMap<>();
        if (!newest.isEmpty()) {
            schedules.findAll(newest.keySet()).forEach(s -> found.put(s.id(), s));
        }
        newerLateRuns(found.values(), oldest, runs, now)
                .forEach((schedule, at) -> newest.merge(schedule, at, (a, b) -> a.isAfter(b) ? a : b));
        return new ClaimedBatch(found, newest, olderRunHeldElsewhere(found.values(), oldest, runs),
                new HashSet<>(settlement.firedBefore(claimed)));
    }

    /**
     * For schedules whose misfire policy fires only the newest late run and that have a run here
     * late enough to ask: the newest run of each come due by now, wherever it is (a later claim,
     * another replica's, or fired already). One read, only after an outage or a backlog.
     */
    private static Map<ScheduleId, Instant> newerLateRuns(Collection<Schedule> schedules, Map<ScheduleId, Instant> oldest,
                                                         ScheduledRunStorePort runs, Instant now) {
        List<ScheduleId> asking = schedules.stream()
                .filter(s -> s.details().misfire().asksForNewerRuns(Duration.between(oldest.get(s.id()), now)))
                .map(Schedule::id).toList();
        if (asking.isEmpty()) {
            return Map.of();
        }
        Instant from = asking.stream().map(oldest::get).min(Instant::compareTo).orElseThrow();
        return runs.latestFireAtsBetween(asking, from, now);
    }

    /**
     * The schedules whose overlap policy looks at active tasks and that have a PENDING run older
     * than every one claimed here: another claimer holds it (locked, its launch maybe in flight,
     * or leased), so its task may not exist yet and judging the newer runs now would miss it. One
     * read for the whole claim, only when such schedules are in it.
     */
    private static Set<ScheduleId> olderRunHeldElsewhere(Collection<Schedule> schedules, Map<ScheduleId, Instant> oldest,
                                                        ScheduledRunStorePort runs) {
        List<ScheduleId> watched = schedules.stream().filter(s -> s.details().overlap().looksAtActiveTasks())
                .map(Schedule::id).toList();
        if (watched.isEmpty()) {
            return Set.of();
        }
        Instant bound = watched.stream().map(oldest::get).max(Instant::compareTo).orElseThrow();
        Set<ScheduleId> held = new HashSet<>();
        runs.oldestPendingBefore(watched, bound).forEach((schedule, olderPending) -> {
            if (olderPending.isBefore(oldest.get(schedule))) {
                held.add(schedule);
            }
        });
        return held;
    }

    /**
     * Whether the run must be left for later, unjudged: an older run of its schedule is another
     * claimer's ({@link #olderRunHeldElsewhere}). A run fired before is only finished, never held.
     */
    boolean waitsForOlderRun(ScheduledRun run) {
        return olderRunHeldElsewhere.contains(run.scheduleId()) && !firedBefore(run);
    }

    /** (A run fired before a crash may have lost its schedule since: alone, then.) */
    boolean allowsOverlap(ScheduledRun run) {
        Schedule s = schedules.get(run.scheduleId());
        return s != null && s.details().overlap() == OverlapPolicy.ALLOW;
    }

    boolean hasSchedule(ScheduledRun run) {
        return schedules.containsKey(run.scheduleId());
    }

    boolean firedBefore(ScheduledRun run) {
        return firedBefore.contains(run.id().taskId());
    }

    /** Found out later that the run was launched before (its launch exists without its task). */
    void markFiredBefore(ScheduledRun run) {
        firedBefore.add(run.id().taskId());
    }

    /** A claimed run with what its decision needs; the two task lookups run only if the policies ask. */
    DueRun due(ScheduledRun run, boolean anotherWaits, Supplier<List<Task>> activeTasks,
               Supplier<Optional<Instant>> lastTaskEnd) {
        ScheduleId id = run.scheduleId();
        return new DueRun(run, Optional.ofNullable(schedules.get(id)), firedBefore(run),
                run.fireAt().equals(newest.get(id)), anotherWaits, activeTasks, lastTaskEnd);
    }
}
