package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.ClientTimes;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.TaskId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * StopSchedule: pause a schedule (indefinitely, or until {@code pauseUntil}, when it resumes by
 * itself) or, with {@code delete}, delete it. Its future PENDING runs are removed, and
 * {@code ReportScheduleStoppedEvent} or {@code ReportScheduleDeletedEvent} is emitted in the same
 * transaction. Pausing a paused schedule changes its resume instant.
 *
 * <p>With {@code stopActiveTasks}, the schedule's queued and running tasks are stopped too, each
 * as StopTask stops it (crawler first, a parent with its children), after the schedule change
 * has committed: no new run starts from it meanwhile. Without it, running tasks finish on their
 * own, as before.
 */
public interface StopScheduleUseCase {

    /**
     * @param scheduleId the schedule
     * @param pauseUntil resume by itself at this instant (future, within {@link #MAX_PAUSE_YEARS} years)
     * @param delete     delete instead of pausing; not with {@code pauseUntil}
     * @param stopActiveTasks also stop the schedule's queued and running tasks
     */
    record Command(ScheduleId scheduleId, Optional<Instant> pauseUntil, boolean delete, boolean stopActiveTasks) {
        public Command {
            if (scheduleId == null) {
                throw ValidationException.of("schedule_id", "is required");
            }
            pauseUntil = ClientTimes.require("pause_until", pauseUntil == null ? Optional.empty() : pauseUntil);
            if (delete && pauseUntil.isPresent()) {
                throw ValidationException.of("pause_until", "cannot be combined with delete");
            }
        }

        public static Command pause(ScheduleId id) {
            return new Command(id, Optional.empty(), false, false);
        }

        public static Command pauseUntil(ScheduleId id, Instant until) {
            return new Command(id, Optional.of(until), false, false);
        }

        public static Command delete(ScheduleId id) {
            return new Command(id, Optional.empty(), true, false);
        }

        /** This command, stopping the schedule's active tasks as well. */
        public Command stoppingActiveTasks() {
            return new Command(scheduleId, pauseUntil, delete, true);
        }
    }

    /** How far ahead a pause may end; to stop for longer, pause without an end. */
    int MAX_PAUSE_YEARS = 5;

    /**
     * The paused or deleted schedule, how many future runs were cancelled, and the tasks this
     * call stopped (empty unless {@code stopActiveTasks}).
     */
    record Result(Schedule schedule, int cancelledRuns, List<TaskId> stoppedTasks) {
        public Result {
            stoppedTasks = stoppedTasks == null ? List.of() : List.copyOf(stoppedTasks);
        }
    }

    /**
     * @throws com.grepsr.scheduler.domain.error.NotFoundException          unknown schedule
     * @throws com.grepsr.scheduler.domain.error.AccessDeniedException       another account's schedule
     * @throws com.grepsr.scheduler.domain.error.IllegalTransitionException  already deleted, or completed (pause)
     * @throws ValidationException {@code pauseUntil} not in the future or too far ahead
     */
    Result execute(Caller caller, Command command);
}
