package com.grepsr.scheduler.application.port.out;

import com.grepsr.scheduler.domain.event.EventId;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.TaskId;

/**
 * Makes new ids: unique across replicas, lowercase letters and digits (so a task id fits a
 * Kubernetes name), and increasing in creation order so keyset pages follow creation.
 */
public interface IdGeneratorPort {

    String newId();

    default ScheduleId scheduleId() {
        return ScheduleId.of(newId());
    }

    default TaskId taskId() {
        return TaskId.of(newId());
    }

    default ScheduledRunId runId() {
        return ScheduledRunId.of(newId());
    }

    default EventId eventId() {
        return EventId.of(newId());
    }
}
