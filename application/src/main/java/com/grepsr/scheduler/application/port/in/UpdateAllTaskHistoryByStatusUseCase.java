package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.Checks;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.error.IllegalTransitionException;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Instant;
import java.util.Optional;

/**
 * UpdateAllTaskHistoryByStatus (admins only): moves every task in one status — optionally only
 * those not updated since an instant, of one account, report or schedule — to another status,
 * e.g. RUNNING tasks silent for a day → FAILED "crawler stopped reporting". Each moved task gets
 * a history entry. At most {@code limit} tasks move per call; {@link Result#more()} says whether
 * to call again.
 *
 * <p>A task moved to a final status is ended the way StopTask ends it: its crawler is stopped
 * first (a multi-process parent also ends its children and drops its queued work), so nothing
 * the scheduler calls finished keeps running unfollowed. QUEUED and LAUNCHING are the
 * scheduler's to set, never a target here.
 */
public interface UpdateAllTaskHistoryByStatusUseCase {

    int DEFAULT_LIMIT = 1000;
    int MAX_LIMIT = 10_000;

    /**
     * @param limit how many tasks may move in this call, 1–{@value #MAX_LIMIT}; 0 for {@value #DEFAULT_LIMIT}
     */
    record Command(TaskStatus fromStatus, TaskStatus toStatus, Optional<Instant> updatedBefore,
                   Optional<AccountId> account, Optional<ReportId> report, Optional<ScheduleId> schedule,
                   String message, int limit) {
        public Command {
            if (fromStatus == null) {
                throw ValidationException.of("from_status", "is required");
            }
            if (toStatus == null) {
                throw ValidationException.of("to_status", "is required");
            }
            updatedBefore = updatedBefore == null ? Optional.empty() : updatedBefore;
            account = account == null ? Optional.empty() : account;
            report = report == null ? Optional.empty() : report;
            schedule = schedule == null ? Optional.empty() : schedule;
            message = Checks.text("message", message, Task.MAX_MESSAGE_LENGTH, false);
            limit = limit == 0 ? DEFAULT_LIMIT : Checks.range("limit", limit, 1, MAX_LIMIT);
            // Decided from the request alone, before any task is read: no task could make this move.
            if (!fromStatus.canMoveTo(toStatus)) {
                throw new IllegalTransitionException("task", "(every " + fromStatus + " task)", fromStatus, toStatus);
            }
            if (toStatus.isSetBySchedulerOnly()) {
                throw ValidationException.of("to_status", toStatus + " is set by the scheduler only (it queues and "
                        + "launches tasks); move tasks to RUNNING or a final status");
            }
        }

        /** Every {@code from} task not updated since {@code before} → {@code to}, with a message. */
        public static Command staleTasks(TaskStatus from, TaskStatus to, Instant before, String message) {
            return new Command(from, to, Optional.of(before), null, null, null, message, 0);
        }
    }

    /**
     * @param moved   tasks moved (each with a history entry), children a moved parent took along included
     * @param skipped tasks that matched but changed meanwhile (e.g. finished on their own)
     * @param more    whether the limit was reached, so matching tasks may remain
     */
    record Result(int moved, int skipped, boolean more) {
    }

    /**
     * @throws com.grepsr.scheduler.domain.error.AccessDeniedException unless the caller is an admin
     */
    Result execute(Caller caller, Command command);
}
