package com.grepsr.scheduler.application.daemon;

import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one chunk's judging knows of each schedule's tasks (its active ones, when its latest
 * ended): read when a decision first needs it, then the same for every later run of that schedule
 * in the chunk, until the chunk fires one of them ({@link #forget}: its new task must be seen).
 * One view, because decisions about the same schedule depend on each other: a QUEUE_ONE run that
 * waits for a running task and a newer run judged after it must see the same task — read afresh,
 * the task may end between the two, and the newer run fires ahead of the waiting one.
 */
final class ChunkTaskView {

    private final TaskStorePort tasks;
    private final Map<ScheduleId, List<Task>> active = new HashMap<>();
    private final Map<ScheduleId, Optional<Instant>> latestEnd = new HashMap<>();

    ChunkTaskView(TaskStorePort tasks) {
        this.tasks = tasks;
    }

    List<Task> activeTasks(ScheduleId schedule) {
        return active.computeIfAbsent(schedule, s -> tasks.list(TaskFilter.none().withSchedule(s).withStatuses(TaskStatus.actives()),
                PageRequest.first(PageRequest.MAX_SIZE)).items());
    }

    /** When the schedule's latest task ended, if it did. */
    Optional<Instant> latestTaskEnd(ScheduleId schedule) {
        return latestEnd.computeIfAbsent(schedule, s -> tasks.list(TaskFilter.none().withSchedule(s),
                PageRequest.first(1)).items().stream().findFirst().flatMap(Task::finishedAt));
    }

    /** The chunk fired runs of this schedule: read its tasks again when next asked. */
    void forget(ScheduleId schedule) {
        active.remove(schedule);
        latestEnd.remove(schedule);
    }
}
