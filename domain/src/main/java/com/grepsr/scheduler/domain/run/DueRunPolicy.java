package com.grepsr.scheduler.domain.run;

import com.grepsr.scheduler.domain.run.DueRunDecision.Outcome;
import com.grepsr.scheduler.domain.schedule.OverlapPolicy;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;
import com.grepsr.scheduler.domain.task.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The processor's rule for a claimed due run, in one place: given its schedule, the schedule's
 * active tasks and now, does it fire, wait, or settle without firing — and why. Pure: everything
 * it needs comes in the {@link DueRun} (the two lookups as suppliers, asked only when the
 * policies need them), so it is tested without stores.
 *
 * <p>In order: a run already fired before a crash is only finished (fire, never judged again:
 * judged late, the misfire policy would miss it and the overlap policy would count its own task);
 * a schedule gone or deleted, a skipped occurrence or one its current timing no longer has
 * cancels the run; a paused schedule misses it; then the overlap policy, if a task still runs;
 * then the misfire policy judges how late it is.
 */
public final class DueRunPolicy {

    private DueRunPolicy() {
    }

    public static DueRunDecision decide(DueRun due, Instant now) {
        if (due.alreadyFired()) {
            return DueRunDecision.of(Outcome.FIRE);
        }
        if (due.schedule().isEmpty() || due.schedule().get().status() == ScheduleStatus.DELETED) {
            return DueRunDecision.of(Outcome.CANCEL);
        }
        Schedule s = due.schedule().get();
        if (s.status() == ScheduleStatus.PAUSED) {
            return DueRunDecision.of(Outcome.MISS_PAUSED);
        }
        Instant fireAt = due.run().fireAt();
        if (s.skippedOccurrences().contains(fireAt) || !s.isOccurrence(fireAt)) {
            // skipped, or written for a timing the schedule no longer has: firing it would fire
            // what the user no longer scheduled
            return DueRunDecision.of(Outcome.CANCEL);
        }
        OverlapPolicy overlap = s.details().overlap();
        List<Task> active = overlap.looksAtActiveTasks() ? due.activeTasks().get() : List.of();
        List<Task> stopFirst = List.of();
        if (!active.isEmpty()) {
            switch (overlap.whileActive(due.anotherWaits())) {
                case SKIP:
                    return DueRunDecision.of(Outcome.SKIP_OVERLAP);
                case WAIT:
                    return DueRunDecision.of(Outcome.WAIT);
                case STOP_THEN_FIRE:
                    stopFirst = active;
                    break;
                case FIRE:
                    break;
            }
        } else if (overlap.firesHeldBackRunsLate() && heldBack(due)) {
            return DueRunDecision.of(Outcome.FIRE);
        }
        Duration lateness = Duration.between(fireAt, now);
        return s.details().misfire().fires(lateness, due.newestLate())
                ? new DueRunDecision(Outcome.FIRE, stopFirst) : DueRunDecision.of(Outcome.MISS_DOWN);
    }

    /** Whether the schedule's latest task was still running when the run came due. */
    private static boolean heldBack(DueRun due) {
        return due.lastTaskEnd().get().filter(end -> end.isAfter(due.run().fireAt())).isPresent();
    }
}
