package com.grepsr.scheduler.domain.run;

import com.grepsr.scheduler.domain.task.Task;

import java.util.List;
import java.util.Objects;

/**
 * What happens to a due run (see {@link DueRunPolicy}).
 *
 * @param outcome what to do with the run
 * @param stopFirst the tasks to stop before it fires (overlap policy REPLACE); empty otherwise
 */
public record DueRunDecision(Outcome outcome, List<Task> stopFirst) {

    public enum Outcome {
        /** Start its task. */
        FIRE,
        /** Its schedule is gone, or no longer has this occurrence: CANCELLED. */
        CANCEL,
        /** Its schedule is paused: MISSED (PAUSED). */
        MISS_PAUSED,
        /** Too late for the misfire policy: MISSED (SCHEDULER_DOWN). */
        MISS_DOWN,
        /** A task of its schedule is still running and the overlap policy skips it: SKIPPED (OVERLAP). */
        SKIP_OVERLAP,
        /** Left PENDING: it waits for the running task (QUEUE_ONE) and is claimed again later. */
        WAIT
    }

    public DueRunDecision {
        Objects.requireNonNull(outcome, "outcome");
        stopFirst = List.copyOf(stopFirst);
        if (!stopFirst.isEmpty() && outcome != Outcome.FIRE) {
            throw new IllegalArgumentException("only a run that fires stops tasks first");
        }
    }

    static DueRunDecision of(Outcome outcome) {
        return new DueRunDecision(outcome, List.of());
    }
}
