package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.domain.common.Checks;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.task.TaskId;

import java.util.List;

/**
 * StopRun: stop every active (queued, launching or running) task of a report, multi-process
 * parents with their children. An account caller stops only its own account's tasks. A report
 * with nothing active is not an error: the result lists no task.
 */
public interface StopRunUseCase {

    int MAX_REASON_LENGTH = 500;

    /**
     * @param reportId the report whose tasks to stop
     * @param reason   why, recorded in the tasks' messages and history; may be empty
     */
    record Command(ReportId reportId, String reason) {
        public Command {
            if (reportId == null) {
                throw ValidationException.of("report_id", "is required");
            }
            reason = Checks.text("reason", reason, MAX_REASON_LENGTH, false);
        }

        public static Command of(ReportId reportId) {
            return new Command(reportId, "");
        }
    }

    /** @param stopped every task this call stopped (children included) */
    record Result(List<TaskId> stopped) {
        public Result {
            stopped = List.copyOf(stopped);
        }
    }

    Result execute(Caller caller, Command command);
}
