package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.RequestId;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskOrigin;

import java.time.Duration;
import java.util.Optional;

/**
 * OneTimeTestRun: run a report now as a TEST task, with a row/page cap the crawler honours, so a
 * user can check a report's setup without a full crawl.
 */
public interface OneTimeTestRunUseCase {

    /** The cap when the request gives none. */
    int DEFAULT_ROW_LIMIT = 100;

    /**
     * @param report     the report to try (ids and service code from the platform)
     * @param parameters crawler parameters for this trial
     * @param rowLimit   rows/pages the crawler may produce; 0 for {@link #DEFAULT_ROW_LIMIT}
     * @param timeout    how long it may run; empty for the crawler catalog's default
     * @param requestId  the client's id for this request (AIP-155): a retry with it returns the first
     *                   answer; empty for none
     */
    record Command(ReportRef report, Parameters parameters, int rowLimit, Optional<Duration> timeout,
                   Optional<RequestId> requestId) {
        public Command {
            requestId = requestId == null ? Optional.empty() : requestId;
            if (report == null) {
                throw ValidationException.of("report", "is required");
            }
            parameters = parameters == null ? Parameters.NONE : parameters;
            timeout = timeout == null ? Optional.empty() : timeout;
            if (rowLimit == 0) {
                rowLimit = DEFAULT_ROW_LIMIT;
            }
            if (rowLimit < 1 || rowLimit > TaskOrigin.MAX_TEST_ROWS) {
                throw ValidationException.of("row_limit", "must be between 1 and " + TaskOrigin.MAX_TEST_ROWS
                        + " (0 for the default " + DEFAULT_ROW_LIMIT + "), was " + rowLimit);
            }
        }

        /** A command without a request id. */
        public Command(ReportRef report, Parameters parameters, int rowLimit, Optional<Duration> timeout) {
            this(report, parameters, rowLimit, timeout, Optional.empty());
        }

        /** The same command with {@code id} as its request id. */
        public Command withRequestId(RequestId id) {
            return new Command(report, parameters, rowLimit, timeout, Optional.of(id));
        }

        public static Command of(ReportRef report) {
            return new Command(report, Parameters.NONE, 0, Optional.empty());
        }
    }

    /** The TEST task (LAUNCHING or later; QUEUED if the launcher was unavailable; FAILED if refused). */
    record Result(Task task) {
    }

    /**
     * @throws ValidationException on bad input, a request id used for another request, or an unknown service code ({@code report.service_code})
     * @throws com.grepsr.scheduler.domain.error.AccessDeniedException for another account's report
     */
    Result execute(Caller caller, Command command);
}
