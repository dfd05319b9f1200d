package com.grepsr.scheduler.domain.schedule;

import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.error.ValidationException;

import java.time.Duration;
import java.util.Objects;

/**
 * What a user sets on a schedule besides its name: when it fires, the crawler parameters, and
 * the misfire and overlap policies. Replaced as a whole by an update.
 *
 * @param timing      when it fires
 * @param parameters  crawler inputs, overridable per run
 * @param misfire     what to do with runs missed while the scheduler was down
 * @param overlap     what to do when the previous task is still running
 * @param taskTimeout how long a task may run before it is TIMED_OUT; null takes the crawler catalog's
 */
public record ScheduleDetails(ScheduleTiming timing, Parameters parameters, MisfirePolicy misfire,
                              OverlapPolicy overlap, Duration taskTimeout) {

    public static final Duration MAX_TASK_TIMEOUT = Duration.ofDays(7);

    public ScheduleDetails {
        Objects.requireNonNull(timing, "timing");
        parameters = parameters == null ? Parameters.NONE : parameters;
        misfire = misfire == null ? MisfirePolicy.FIRE_ONCE_NOW : misfire;
        overlap = overlap == null ? OverlapPolicy.ALLOW : overlap;
        if (taskTimeout != null && (taskTimeout.isNegative() || taskTimeout.isZero()
                || taskTimeout.compareTo(MAX_TASK_TIMEOUT) > 0)) {
            throw ValidationException.of("task_timeout", "must be positive and at most " + MAX_TASK_TIMEOUT
                    + ", was " + taskTimeout);
        }
    }

    /** Defaults for everything but the timing. */
    public static ScheduleDetails of(ScheduleTiming timing) {
        return new ScheduleDetails(timing, Parameters.NONE, MisfirePolicy.FIRE_ONCE_NOW, OverlapPolicy.ALLOW, null);
    }
}
