package com.grepsr.scheduler.application.run;

import com.grepsr.scheduler.application.common.IdempotentRequests;
import com.grepsr.scheduler.application.task.TaskLaunchService;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.in.OneTimeRunUseCase;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.error.AlreadyExistsException;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskOrigin;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * OneTimeRun: one task for a report, launched now.
 *
 * <p>A run the processor fires ({@code scheduledRun} set) gets the run's id as its task id, so
 * firing the same run twice finds the first task instead of starting a second crawler (and helps
 * it launch if a crash left it QUEUED). Such a run with an unknown service code becomes a FAILED
 * task, visible in the schedule's history; a user's own call with an unknown service code is
 * refused before anything is written. A user's run is created once per client request id
 * ({@link IdempotentRequests}); a retry answers with the first call's task.
 */
public final class OneTimeRunService implements OneTimeRunUseCase {

    private final ScheduleStorePort schedules;
    private final ScheduledRunStorePort runs;
    private final TaskStorePort tasks;
    private final TaskLaunchService launches;
    private final ManualTasks manual;
    private final Clock clock;

    public OneTimeRunService(ScheduleStorePort schedules, ScheduledRunStorePort runs, TaskStorePort tasks,
                             TaskLaunchService launches, ManualTasks manual, Clock clock) {
        this.schedules = schedules;
        this.runs = runs;
        this.tasks = tasks;
        this.launches = launches;
        this.manual = manual;
        this.clock = clock;
    }


    @Override
    public OneTimeRunUseCase.Result execute(Caller caller, OneTimeRunUseCase.Command command) {
        caller.requireAccess(command.report().accountId(), "report " + command.report().reportId().value());
        if (command.scheduledRun().isPresent()) {
            // firing an occurrence is the processor's job; a user could otherwise fire a future run early
            caller.requireAdmin("firing a scheduled run");
            // the same run fired again: its task is the answer, whatever happened to the schedule since
            ScheduledRunId runId = command.scheduledRun().get();
            Optional<Task> existing = tasks.find(runId.taskId());
            if (existing.isPresent()) {
                caller.requireAccess(existing.get().report().accountId(), "task " + runId.value());
                return new OneTimeRunUseCase.Result(again(existing.get(), runId));
            }
        }
        if (command.scheduledRun().isPresent()) {
            Schedule schedule = schedule(caller, command.scheduleId().orElseThrow(), command);
            return new OneTimeRunUseCase.Result(fire(command, schedule, command.scheduledRun().get()));
        }
        return new OneTimeRunUseCase.Result(manual.submit(caller, "OneTimeRun", command.requestId(), command, () -> {
            Optional<Schedule> schedule = command.scheduleId().map(id -> schedule(caller, id, command));
            launches.requireCrawler(command.report().serviceCode());
            return TaskOrigin.manual(command.report(), command.scheduleId().orElse(null),
                    parameters(schedule, command.parameters()), timeout(schedule, command.timeout()));
        }));
    }

    /** The task of a scheduled run: the existing one, or a new SCHEDULED task with the run's id. */
    private Task fire(OneTimeRunUseCase.Command command, Schedule schedule, ScheduledRunId runId) {
        TaskId taskId = runId.taskId();
        ScheduledRun run = runs.find(runId)
                .orElseThrow(() -> new NotFoundException("scheduled run", runId.value()));
        if (!run.scheduleId().equals(schedule.id())) {
            throw ValidationException.of("scheduled_run_id", "run " + runId + " belongs to schedule "
                    + run.scheduleId() + ", not " + schedule.id());
        }
        TaskOrigin origin = TaskOrigin.scheduled(command.report(), schedule.id(), runId,
                parameters(Optional.of(schedule), command.parameters()), timeout(Optional.of(schedule), command.timeout()));
        Task task = Task.queue(taskId, origin, clock.instant());
        try {
            launches.enqueue(List.of(task), BatchRunFiring.metadataOf(run));
        } catch (AlreadyExistsException raced) {
            // a concurrent call for the same run inserted it first: that task is the answer
            return again(tasks.find(taskId).orElseThrow(() -> raced), runId);
        }
        return launches.launchOrDefer(task);
    }

    private Task again(Task existing, ScheduledRunId runId) {
        if (!existing.scheduledRunId().map(runId::equals).orElse(false)) {
            throw new AlreadyExistsException("task", existing.id().value());
        }
        return launches.launchOrDefer(existing); // no-op unless a crash left it QUEUED
    }

    private Schedule schedule(Caller caller, ScheduleId id, OneTimeRunUseCase.Command command) {
        Schedule s = schedules.find(id).filter(x -> x.status() != ScheduleStatus.DELETED)
                .orElseThrow(() -> new NotFoundException("schedule", id.value()));
        caller.requireAccess(s.report().accountId(), "schedule " + id.value());
        if (!s.report().reportId().equals(command.report().reportId())) {
            throw ValidationException.of("schedule_id", "schedule " + id + " belongs to report "
                    + s.report().reportId() + ", not " + command.report().reportId());
        }
        return s;
    }

    private static Parameters parameters(Optional<Schedule> schedule, Parameters overrides) {
        return schedule.map(s -> s.details().parameters().overriddenBy(overrides)).orElse(overrides);
    }

    private static Duration timeout(Optional<Schedule> schedule, Optional<Duration> requested) {
        return requested.or(() -> schedule.map(s -> s.details().taskTimeout())).orElse(null);
    }
}
