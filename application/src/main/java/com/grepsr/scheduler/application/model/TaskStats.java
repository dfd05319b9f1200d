package com.grepsr.scheduler.application.model;

import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Duration;
import java.util.Map;

/**
 * Aggregates over the tasks a {@link TaskFilter} selects.
 *
 * @param countsByStatus  how many tasks are in each status (absent = 0)
 * @param succeeded       SUCCEEDED tasks
 * @param finished        tasks in a final status
 * @param averageDuration mean run time of finished tasks that started (zero when none)
 * @param maxDuration     longest run time of those
 */
public record TaskStats(Map<TaskStatus, Long> countsByStatus, long succeeded, long finished,
                        Duration averageDuration, Duration maxDuration) {

    public TaskStats {
        countsByStatus = Map.copyOf(countsByStatus);
    }

    /** Share of finished tasks that succeeded, 0 when none finished. */
    public double successRate() {
        return finished == 0 ? 0.0 : (double) succeeded / finished;
    }

    public long total() {
        return countsByStatus.values().stream().mapToLong(Long::longValue).sum();
    }
}
