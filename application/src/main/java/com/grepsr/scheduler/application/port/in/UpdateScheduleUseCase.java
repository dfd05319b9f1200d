package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.ClientTimes;
import com.grepsr.scheduler.application.model.TimingInput;
import com.grepsr.scheduler.domain.common.Checks;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.schedule.MisfirePolicy;
import com.grepsr.scheduler.domain.schedule.OverlapPolicy;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleDetails;
import com.grepsr.scheduler.domain.schedule.ScheduleId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * UpdateSchedule: change a schedule's name, timing, parameters, policies or task timeout, and/or
 * skip one future occurrence, under optimistic concurrency. Absent fields stay as they are. The
 * schedule's future PENDING runs are removed so the calculator recomputes them, and
 * {@code ReportScheduleUpdatedEvent} is emitted in the same transaction.
 */
public interface UpdateScheduleUseCase {

    /**
     * @param scheduleId      the schedule
     * @param expectedVersion the version the caller read; another version is a version conflict
     * @param name            a new name
     * @param timing          a new timing (clears skipped occurrences, which belonged to the old one)
     * @param parameters      new crawler parameters (replace the old ones as a whole)
     * @param misfire         a new misfire policy
     * @param overlap         a new overlap policy
     * @param taskTimeout     a new task timeout; {@link Duration#ZERO} goes back to the crawler catalog's
     * @param skipOccurrence  one future occurrence not to fire
     */
    record Command(ScheduleId scheduleId, long expectedVersion, Optional<String> name, Optional<TimingInput> timing,
                   Optional<Parameters> parameters, Optional<MisfirePolicy> misfire, Optional<OverlapPolicy> overlap,
                   Optional<Duration> taskTimeout, Optional<Instant> skipOccurrence) {
        public Command {
            if (scheduleId == null) {
                throw ValidationException.of("schedule_id", "is required");
            }
            if (expectedVersion < 1) {
                throw ValidationException.of("expected_version", "is required: the version you read (at least 1)");
            }
            name = name == null ? Optional.empty()
                    : name.map(n -> Checks.text("name", n, Schedule.MAX_NAME_LENGTH, false));
            timing = timing == null ? Optional.empty() : timing;
            timing.ifPresent(TimingInput::toTiming); // validates the expression and the bounds
            parameters = parameters == null ? Optional.empty() : parameters;
            misfire = misfire == null ? Optional.empty() : misfire;
            overlap = overlap == null ? Optional.empty() : overlap;
            taskTimeout = taskTimeout == null ? Optional.empty() : taskTimeout;
            taskTimeout.filter(t -> t.isNegative() || t.compareTo(ScheduleDetails.MAX_TASK_TIMEOUT) > 0)
                    .ifPresent(t -> {
                        throw ValidationException.of("task_timeout", "must be zero (the crawler's default) or "
                                + "positive and at most " + ScheduleDetails.MAX_TASK_TIMEOUT + ", was " + t);
                    });
            skipOccurrence = ClientTimes.require("skip_occurrence",
                    skipOccurrence == null ? Optional.empty() : skipOccurrence);
            if (name.isEmpty() && timing.isEmpty() && parameters.isEmpty() && misfire.isEmpty() && overlap.isEmpty()
                    && taskTimeout.isEmpty() && skipOccurrence.isEmpty()) {
                throw ValidationException.of("update", "nothing to change: give a name, timing, parameters, "
                        + "misfire or overlap policy, task timeout, or an occurrence to skip");
            }
        }

        /** Only skips one occurrence. */
        public static Command skip(ScheduleId id, long expectedVersion, Instant occurrence) {
            return new Command(id, expectedVersion, null, null, null, null, null, null, Optional.of(occurrence));
        }

        /** Whether anything but the skipped occurrence changes. */
        public boolean changesDetails() {
            return name.isPresent() || timing.isPresent() || parameters.isPresent() || misfire.isPresent()
                    || overlap.isPresent() || taskTimeout.isPresent();
        }
    }

    /** The changed schedule (its new version) and its next fire times. */
    record Result(Schedule schedule, List<Instant> nextFireTimes) {
        public Result {
            nextFireTimes = List.copyOf(nextFireTimes);
        }
    }

    /**
     * @throws com.grepsr.scheduler.domain.error.NotFoundException       unknown schedule
     * @throws com.grepsr.scheduler.domain.error.AccessDeniedException    another account's schedule
     * @throws com.grepsr.scheduler.domain.error.VersionConflictException {@code expectedVersion} is stale
     * @throws com.grepsr.scheduler.domain.error.IllegalTransitionException the schedule is deleted or completed
     */
    Result execute(Caller caller, Command command);
}
