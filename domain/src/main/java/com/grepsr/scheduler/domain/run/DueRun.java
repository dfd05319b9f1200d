package com.grepsr.scheduler.domain.run;

import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.task.Task;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A claimed due run with everything its fate depends on, as the processor read it.
 *
 * @param run           the run
 * @param schedule      its schedule, empty when it is gone
 * @param alreadyFired  whether the run's task exists: a replica fired it and died before settling
 * @param newestLate    whether it is the newest run of its schedule among those claimed together
 *                      (FIRE_ONCE_NOW fires only that one)
 * @param anotherWaits  whether another run of the schedule already waits in this batch (QUEUE_ONE)
 * @param activeTasks   the schedule's QUEUED, LAUNCHING and RUNNING tasks; asked for only when
 *                      the overlap policy looks at them
 * @param lastTaskEnd   when the schedule's latest task ended, if it did; asked for only for a
 *                      QUEUE_ONE run with no active task
 */
public record DueRun(ScheduledRun run, Optional<Schedule> schedule, boolean alreadyFired, boolean newestLate,
                     boolean anotherWaits, Supplier<List<Task>> activeTasks, Supplier<Optional<Instant>> lastTaskEnd) {

    public DueRun {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(activeTasks, "activeTasks");
        Objects.requireNonNull(lastTaskEnd, "lastTaskEnd");
    }
}
