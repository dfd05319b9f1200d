package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.RequestId;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskOrigin;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * MultiProcessRun: start a report with N processor instances. Creates a PARENT task (it runs no
 * crawler; it stands for the whole run) and N CHILD tasks with processor index 0..N-1, and
 * launches up to {@code parallelism} children now; the rest stay QUEUED and start as running
 * ones finish. More work can be added with AddToTaskQueue, each item becoming a child.
 *
 * <p>N may be 0 for a run fed only by AddToTaskQueue: such a parent waits for work (until its
 * timeout). A parent finishes once its queue is empty and it has children, all finished:
 * SUCCEEDED when every child succeeded, FAILED otherwise.
 */
public interface MultiProcessRunUseCase {

    int MAX_PROCESSORS = 1000;

    /**
     * @param report      the report to run
     * @param parameters  crawler parameters every child receives
     * @param processors  N, the children created now (0..{@value #MAX_PROCESSORS})
     * @param parallelism how many children may run at once (1..{@link TaskOrigin#MAX_PARALLELISM})
     * @param timeout     how long each child may run; empty for the crawler catalog's default
     * @param requestId   the client's id for this request (AIP-155): a retry with it returns the first
     *                    answer; empty for none
     */
    record Command(ReportRef report, Parameters parameters, int processors, int parallelism,
                   Optional<Duration> timeout, Optional<RequestId> requestId) {
        public Command {
            requestId = requestId == null ? Optional.empty() : requestId;
            if (report == null) {
                throw ValidationException.of("report", "is required");
            }
            parameters = parameters == null ? Parameters.NONE : parameters;
            timeout = timeout == null ? Optional.empty() : timeout;
            if (processors < 0 || processors > MAX_PROCESSORS) {
                throw ValidationException.of("processors", "must be between 0 and " + MAX_PROCESSORS
                        + ", was " + processors);
            }
            if (parallelism < 1 || parallelism > TaskOrigin.MAX_PARALLELISM) {
                throw ValidationException.of("parallelism", "must be between 1 and " + TaskOrigin.MAX_PARALLELISM
                        + ", was " + parallelism);
            }
        }

        /** A command without a request id. */
        public Command(ReportRef report, Parameters parameters, int processors, int parallelism,
                       Optional<Duration> timeout) {
            this(report, parameters, processors, parallelism, timeout, Optional.empty());
        }

        /** The same command with {@code id} as its request id. */
        public Command withRequestId(RequestId id) {
            return new Command(report, parameters, processors, parallelism, timeout, Optional.of(id));
        }

        public static Command of(ReportRef report, int processors, int parallelism) {
            return new Command(report, Parameters.NONE, processors, parallelism, Optional.empty());
        }
    }

    /**
     * @param parent   the parent task (RUNNING)
     * @param children the children created, by processor index
     * @param launched the children launched now
     */
    record Result(Task parent, List<TaskId> children, List<TaskId> launched) {
        public Result {
            children = List.copyOf(children);
            launched = List.copyOf(launched);
        }
    }

    /**
     * @throws ValidationException on bad input, a request id used for another request, or an unknown service code ({@code report.service_code})
     * @throws com.grepsr.scheduler.domain.error.AccessDeniedException for another account's report
     */
    Result execute(Caller caller, Command command);
}
