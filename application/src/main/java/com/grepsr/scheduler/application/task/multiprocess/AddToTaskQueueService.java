package com.grepsr.scheduler.application.task.multiprocess;

import com.grepsr.scheduler.application.task.TaskAccess;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.in.AddToTaskQueueUseCase;
import com.grepsr.scheduler.application.port.out.TaskQueuePort;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.application.port.out.TransactionPort;
import com.grepsr.scheduler.domain.error.IllegalTransitionException;
import com.grepsr.scheduler.domain.error.VersionConflictException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;

import java.time.Clock;
import java.util.List;

/** AddToTaskQueue: more work for a running multi-process parent (by a user, or its own crawler). */
public final class AddToTaskQueueService implements AddToTaskQueueUseCase {

    private static final int TOUCH_ATTEMPTS = 3;

    private final TaskStorePort tasks;
    private final TaskQueuePort queue;
    private final MultiProcessCoordinator coordinator;
    private final TransactionPort tx;
    private final Clock clock;

    public AddToTaskQueueService(TaskStorePort tasks, TaskQueuePort queue, MultiProcessCoordinator coordinator,
                                 TransactionPort tx, Clock clock) {
        this.tasks = tasks;
        this.queue = queue;
        this.coordinator = coordinator;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public AddToTaskQueueUseCase.Result execute(Caller caller, AddToTaskQueueUseCase.Command command) {
        Task parent = new TaskAccess(tasks).find(command.parentTaskId());
        caller.requireQueueWorkFor(parent); // a child's crawler may feed its own parent
        TaskAccess.requireParent(parent);
        for (int attempt = 1; ; attempt++) {
            try {
                tx.run(() -> {
                    Task fresh = tasks.find(parent.id()).orElseThrow();
                    if (fresh.status().isFinal()) {
                        throw new IllegalTransitionException("task", fresh.id().value(), fresh.status(), "accept work");
                    }
                    // bump the parent: a coordinator about to finish it for want of work loses its race
                    tasks.update(fresh.moveTo(fresh.status(), clock.instant()), fresh.version());
                    queue.enqueue(parent.id(), command.payloads());
                });
                break;
            } catch (VersionConflictException e) {
                if (attempt >= TOUCH_ATTEMPTS) {
                    throw e;
                }
            }
        }
        List<TaskId> launched = coordinator.advance(parent.id()).launched();
        return new AddToTaskQueueUseCase.Result(command.payloads().size(), queue.pending(parent.id()), launched);
    }
}
