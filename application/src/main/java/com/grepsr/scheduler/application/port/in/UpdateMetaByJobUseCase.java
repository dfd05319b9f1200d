package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.domain.common.Checks;
import com.grepsr.scheduler.domain.error.ValidationException;

/**
 * UpdateMetaByJob: the same report as {@link UpdateTaskHistoryUseCase}, addressed by the name
 * the launcher gave the run (its Kubernetes Job name) — what a crawler knows about itself when
 * it was not handed its task id.
 */
public interface UpdateMetaByJobUseCase {

    /** Kubernetes object names are at most 253 characters. */
    int MAX_JOB_NAME_LENGTH = 253;

    record Command(String jobName, UpdateTaskHistoryUseCase.Report report) {
        public Command {
            jobName = Checks.text("job_name", jobName, MAX_JOB_NAME_LENGTH, true);
            if (report == null) {
                throw ValidationException.of("status", "a report (status, progress, message or metadata) is required");
            }
        }
    }

    /**
     * @throws com.grepsr.scheduler.domain.error.NotFoundException when no task was launched under that name
     * @see UpdateTaskHistoryUseCase#execute the other errors
     */
    UpdateTaskHistoryUseCase.Result execute(Caller caller, Command command);
}
