package com.grepsr.scheduler.application.task.multiprocess;

import com.grepsr.scheduler.application.task.TaskLaunchService;
import com.grepsr.scheduler.application.task.TaskTransitions;
import com.grepsr.scheduler.application.common.IdempotentRequests;
import com.grepsr.scheduler.application.common.Messages;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.in.MultiProcessRunUseCase;
import com.grepsr.scheduler.application.port.out.IdGeneratorPort;
import com.grepsr.scheduler.application.port.out.TaskHistoryStorePort;
import com.grepsr.scheduler.application.port.out.TaskQueuePort;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.application.port.out.TransactionPort;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry.Source;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskOrigin;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * MultiProcessRun: the parent runs no crawler: it is created RUNNING with its children QUEUED in
 * one transaction, and {@link MultiProcessCoordinator} launches children and finishes the parent.
 * A run is created once per client request id ({@link IdempotentRequests}); a retry answers with
 * the first call's parent and children.
 */
public final class MultiProcessRunService implements MultiProcessRunUseCase {

    private final TaskStorePort tasks;
    private final TaskQueuePort queue;
    private final TaskLaunchService launches;
    private final MultiProcessCoordinator coordinator;
    private final TaskTransitions transitions;
    private final IdGeneratorPort ids;
    private final IdempotentRequests requests;
    private final Clock clock;

    public MultiProcessRunService(TaskStorePort tasks, TaskHistoryStorePort history, TaskQueuePort queue,
                                  TaskLaunchService launches, MultiProcessCoordinator coordinator,
                                  IdGeneratorPort ids, TransactionPort tx, IdempotentRequests requests,
                                  Clock clock) {
        this.tasks = tasks;
        this.queue = queue;
        this.launches = launches;
        this.coordinator = coordinator;
        this.transitions = new TaskTransitions(tasks, history, tx, clock);
        this.ids = ids;
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    public MultiProcessRunUseCase.Result execute(Caller caller, MultiProcessRunUseCase.Command command) {
        caller.requireAccess(command.report().accountId(), "report " + command.report().reportId().value());
        return requests.create(caller, "MultiProcessRun", command.requestId(), command,
                () -> prepare(caller, command), this::answer);
    }

    /** The parent and its children, QUEUED; the writes store them and start the parent (RUNNING). */
    private IdempotentRequests.Creation prepare(Caller caller, MultiProcessRunUseCase.Command command) {
        launches.requireCrawler(command.report().serviceCode());
        Instant now = clock.instant();
        Task parent = Task.queue(ids.taskId(), TaskOrigin.parent(command.report(), command.parameters(),
                command.parallelism(), command.timeout().orElse(null)), now);
        List<Task> children = IntStream.range(0, command.processors())
                .mapToObj(i -> Task.queue(ids.taskId(), TaskOrigin.child(parent, i, null), now)).toList();
        List<Task> all = new ArrayList<>(children.size() + 1);
        all.add(parent);
        all.addAll(children);
        List<String> created = all.stream().map(t -> t.id().value()).toList();
        return new IdempotentRequests.Creation(created, () -> {
            launches.enqueue(all, Map.of("requested_by", Messages.clip(caller.name(), 200)));
            // the parent's part (coordinating) starts now; it has no launch of its own
            for (TaskStatus next : List.of(TaskStatus.LAUNCHING, TaskStatus.RUNNING)) {
                transitions.change(parent.id(), t -> Optional.of(t.moveTo(next, clock.instant())),
                        Source.SCHEDULER, Map.of());
            }
        });
    }

    /**
     * Launches what the parent's parallelism allows (for a retry too: nothing more if the first
     * call launched them, the first children if it died before launching) and reads the parent.
     *
     * @param created the parent's id, then its children's by processor index
     */
    private MultiProcessRunUseCase.Result answer(List<String> created) {
        TaskId parent = TaskId.of(created.get(0));
        List<TaskId> launched = coordinator.advance(parent).launched();
        return new MultiProcessRunUseCase.Result(tasks.find(parent).orElseThrow(() -> new NotFoundException("task",
                parent.value())), created.stream().skip(1).map(TaskId::of).toList(), launched);
    }
}
