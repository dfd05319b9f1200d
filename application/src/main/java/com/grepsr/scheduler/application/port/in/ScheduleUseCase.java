package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.RequestId;
import com.grepsr.scheduler.application.model.TimingInput;
import com.grepsr.scheduler.domain.common.Checks;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.schedule.MisfirePolicy;
import com.grepsr.scheduler.domain.schedule.OverlapPolicy;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleDetails;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Schedule: create a schedule for a report (ACTIVE, version 1) and emit
 * {@code ReportScheduleCreatedEvent} in the same transaction. A timing that can never fire again
 * (e.g. a one-time run in the past) is refused.
 */
public interface ScheduleUseCase {

    /** How many upcoming fire times a created or changed schedule reports back. */
    int PREVIEW_COUNT = 5;

    /**
     * @param name        shown in the platform (a report may have several schedules); may be blank
     * @param report      the report (ids and service code from the platform)
     * @param timing      when it fires: a recurrence or the platform's form, with a zone
     * @param parameters  crawler inputs, overridable per run
     * @param misfire     null for fire-once-now
     * @param overlap     null for allow
     * @param taskTimeout how long each task may run; empty for the crawler catalog's
     * @param requestId   the client's id for this request (AIP-155): a retry with it returns the first
     *                    answer; empty for none
     */
    record Command(String name, ReportRef report, TimingInput timing, Parameters parameters, MisfirePolicy misfire,
                   OverlapPolicy overlap, Optional<Duration> taskTimeout, Optional<RequestId> requestId) {
        public Command {
            requestId = requestId == null ? Optional.empty() : requestId;
            name = Checks.text("name", name, Schedule.MAX_NAME_LENGTH, false);
            if (report == null) {
                throw ValidationException.of("report", "is required");
            }
            if (timing == null) {
                throw ValidationException.of("timing", "is required");
            }
            taskTimeout = taskTimeout == null ? Optional.empty() : taskTimeout;
            details(timing, parameters, misfire, overlap, taskTimeout); // validates the timing and the timeout
        }

        /** A command without a request id. */
        public Command(String name, ReportRef report, TimingInput timing, Parameters parameters, MisfirePolicy misfire,
                       OverlapPolicy overlap, Optional<Duration> taskTimeout) {
            this(name, report, timing, parameters, misfire, overlap, taskTimeout, Optional.empty());
        }

        /** The same command with {@code id} as its request id. */
        public Command withRequestId(RequestId id) {
            return new Command(name, report, timing, parameters, misfire, overlap, taskTimeout, Optional.of(id));
        }

        /** A schedule with default policies and no parameters. */
        public static Command of(String name, ReportRef report, TimingInput timing) {
            return new Command(name, report, timing, null, null, null, Optional.empty());
        }

        /** The validated details the schedule will carry. */
        public ScheduleDetails details() {
            return details(timing, parameters, misfire, overlap, taskTimeout);
        }

        private static ScheduleDetails details(TimingInput timing, Parameters parameters, MisfirePolicy misfire,
                                               OverlapPolicy overlap, Optional<Duration> taskTimeout) {
            return new ScheduleDetails(timing.toTiming(), parameters, misfire, overlap, taskTimeout.orElse(null));
        }
    }

    /** The new schedule and its next {@link #PREVIEW_COUNT} fire times. */
    record Result(Schedule schedule, List<Instant> nextFireTimes) {
        public Result {
            nextFireTimes = List.copyOf(nextFireTimes);
        }
    }

    /**
     * @throws com.grepsr.scheduler.domain.error.AccessDeniedException when the report belongs to another account
     * @throws ValidationException when the timing has no occurrence after now, or the request id was used for
     *         another request
     */
    Result execute(Caller caller, Command command);
}
