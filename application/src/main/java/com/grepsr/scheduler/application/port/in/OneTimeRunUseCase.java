package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.RequestId;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.Task;

import java.time.Duration;
import java.util.Optional;

/**
 * OneTimeRun: run a report now. The processor calls it for due scheduled runs (then
 * {@code scheduledRun} is set, and the call is idempotent per run: the task's id is the run's).
 */
public interface OneTimeRunUseCase {

    /**
     * @param report       the report to run (ids and service code from the platform)
     * @param scheduleId   the schedule this run belongs to, if any (its parameters apply first)
     * @param scheduledRun the occurrence being fired, when the processor calls
     * @param parameters   per-run overrides of the crawler parameters
     * @param timeout      how long the crawler may run; empty for the schedule's or catalog's
     * @param requestId    the client's id for this request (AIP-155): a retry with it returns the first
     *                     answer; not with {@code scheduledRun}, whose firing is idempotent by the run's id
     */
    record Command(ReportRef report, Optional<ScheduleId> scheduleId, Optional<ScheduledRunId> scheduledRun,
                   Parameters parameters, Optional<Duration> timeout, Optional<RequestId> requestId) {
        public Command {
            requestId = requestId == null ? Optional.empty() : requestId;
            if (report == null) {
                throw ValidationException.of("report", "is required");
            }
            scheduleId = scheduleId == null ? Optional.empty() : scheduleId;
            scheduledRun = scheduledRun == null ? Optional.empty() : scheduledRun;
            parameters = parameters == null ? Parameters.NONE : parameters;
            timeout = timeout == null ? Optional.empty() : timeout;
            if (scheduledRun.isPresent() && scheduleId.isEmpty()) {
                throw ValidationException.of("schedule_id", "is required with scheduled_run_id");
            }
            if (scheduledRun.isPresent() && requestId.isPresent()) {
                throw ValidationException.of("request_id", "is not for firing a scheduled run:"
                        + " scheduled_run_id already makes that call idempotent");
            }
        }

        /** A command without a request id. */
        public Command(ReportRef report, Optional<ScheduleId> scheduleId, Optional<ScheduledRunId> scheduledRun,
                       Parameters parameters, Optional<Duration> timeout) {
            this(report, scheduleId, scheduledRun, parameters, timeout, Optional.empty());
        }

        /** The same command with {@code id} as its request id. */
        public Command withRequestId(RequestId id) {
            return new Command(report, scheduleId, scheduledRun, parameters, timeout, Optional.of(id));
        }

        public static Command now(ReportRef report) {
            return new Command(report, Optional.empty(), Optional.empty(), Parameters.NONE, Optional.empty());
        }
    }

    /**
     * The task that runs: LAUNCHING or later, FAILED if the launch was refused (or, for a
     * scheduled run, no crawler is configured), or QUEUED if the launcher was unavailable (the
     * reconciler launches it later).
     */
    record Result(Task task) {
    }

    /**
     * @throws ValidationException on bad input (a request id used for another request too); for a user's run (no {@code scheduledRun}), also
     *         for an unknown service code ({@code report.service_code}), before anything is written
     * @throws com.grepsr.scheduler.domain.error.NotFoundException for an unknown schedule or scheduled run
     * @throws com.grepsr.scheduler.domain.error.AccessDeniedException for another account's report or schedule,
     *         or a scheduled run fired by anyone but an admin (the processor calls as the scheduler)
     */
    Result execute(Caller caller, Command command);
}
