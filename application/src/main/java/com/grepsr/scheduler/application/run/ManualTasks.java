package com.grepsr.scheduler.application.run;

import com.grepsr.scheduler.application.common.IdempotentRequests;
import com.grepsr.scheduler.application.common.Messages;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.RequestId;
import com.grepsr.scheduler.application.port.out.IdGeneratorPort;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.application.task.TaskLaunchService;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskOrigin;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A user's run (OneTimeRun, OneTimeTestRun), created once per client request id: the task is
 * stored QUEUED with its first history row in the request's transaction, then launched — for a
 * retry too, which finds it launched already, or still QUEUED if the first call died before
 * launching ({@link IdempotentRequests}).
 */
public final class ManualTasks {

    private final TaskStorePort tasks;
    private final TaskLaunchService launches;
    private final IdGeneratorPort ids;
    private final IdempotentRequests requests;
    private final Clock clock;

    public ManualTasks(TaskStorePort tasks, TaskLaunchService launches, IdGeneratorPort ids,
                       IdempotentRequests requests, Clock clock) {
        this.tasks = tasks;
        this.launches = launches;
        this.ids = ids;
        this.requests = requests;
        this.clock = clock;
    }

    /**
     * The task of {@code command} (by {@code method}'s request id): {@code origin} is asked only
     * the first time, and may refuse the request by throwing before anything is written.
     */
    Task submit(Caller caller, String method, Optional<RequestId> requestId, Record command,
                Supplier<TaskOrigin> origin) {
        return requests.create(caller, method, requestId, command, () -> {
            Task task = Task.queue(ids.taskId(), origin.get(), clock.instant());
            return new IdempotentRequests.Creation(List.of(task.id().value()), () -> launches.enqueue(List.of(task),
                    Map.of("requested_by", Messages.clip(caller.name(), 200))));
        }, this::launch);
    }

    private Task launch(List<String> created) {
        TaskId id = TaskId.of(created.get(0));
        return launches.launchOrDefer(tasks.find(id).orElseThrow(() -> new NotFoundException("task", id.value())));
    }
}
