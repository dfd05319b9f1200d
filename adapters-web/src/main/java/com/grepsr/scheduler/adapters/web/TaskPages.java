package com.grepsr.scheduler.adapters.web;

import com.grepsr.scheduler.adapters.web.view.Chrome;
import com.grepsr.scheduler.adapters.web.view.Pages;
import com.grepsr.scheduler.adapters.web.view.Rows;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.TimeWindow;
import com.grepsr.scheduler.application.port.in.GetActiveTasksV2UseCase;
import com.grepsr.scheduler.application.port.in.GetChildTasksUseCase;
import com.grepsr.scheduler.application.port.in.GetCompletedTasksUseCase;
import com.grepsr.scheduler.application.port.in.GetTaskHistoryBySchedulerIdUseCase;
import com.grepsr.scheduler.application.port.in.GetTaskInfoUseCase;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Active and completed tasks with filters, and one task's page: history, progress, children. */
final class TaskPages {

    static final int PAGE_SIZE = 50;
    static final Duration COMPLETED_WINDOW = Duration.ofDays(30);

    private final DashboardUseCases u;
    private final Clock clock;

    TaskPages(DashboardUseCases useCases, Clock clock) {
        this.u = useCases;
        this.clock = clock;
    }

    Pages.Tasks list(Chrome chrome, Caller caller, String which, String account, String report, String token) {
        boolean completed = "completed".equals(which);
        Optional<AccountId> a = SchedulePages.present(account).map(AccountId::of);
        Optional<ReportId> r = SchedulePages.present(report).map(ReportId::of);
        PageRequest request = new PageRequest(PAGE_SIZE, token);
        Instant now = clock.instant();
        Page<Task> page = completed
                ? u.getCompletedTasks().execute(caller, new GetCompletedTasksUseCase.Query(a, r, null, null, null,
                TimeWindow.of(now.minus(COMPLETED_WINDOW), now), request)).tasks()
                : u.getActiveTasksV2().execute(caller, new GetActiveTasksV2UseCase.Query(a, r, null, null, null,
                request)).tasks();
        return new Pages.Tasks(chrome, completed ? "completed" : "active", SchedulePages.orEmpty(account),
                SchedulePages.orEmpty(report), caller.isAdmin(),
                page.items().stream().map(t -> Formats.task(t, clock)).toList(), page.hasNext()
                ? Links.with("/tasks", "which", completed ? "completed" : "active", "account", account, "report",
                report, "page", page.nextPageToken()) : null);
    }

    Pages.Task show(Chrome chrome, Caller caller, String id) {
        TaskId taskId = TaskId.of(id);
        var info = u.getTaskInfo().execute(caller, new GetTaskInfoUseCase.Query(taskId));
        String children = info.children().map(c -> c.total() + " children, " + c.active() + " active; by status: "
                + new TreeMap<>(c.byStatus())).orElse("None: not a multi-process run.");
        List<Rows.Task> childRows = info.children().isEmpty() ? List.of()
                : u.getChildTasks().execute(caller, new GetChildTasksUseCase.Query(taskId, null,
                PageRequest.first(PAGE_SIZE))).children().stream().map(t -> Formats.task(t, clock)).toList();
        // the schedule's history holds this task's entries: its own page of it, filtered to the task
        List<Rows.History> history = info.task().scheduleId()
                .map(s -> u.getTaskHistoryBySchedulerId().execute(caller, new GetTaskHistoryBySchedulerIdUseCase.Query(
                        s, PageRequest.first(PageRequest.MAX_SIZE))).entries().items().stream()
                        .filter(e -> e.taskId().equals(taskId)).map(Formats::history).toList())
                .orElse(List.of());
        return new Pages.Task(chrome, Formats.task(info.task(), clock), children, childRows, history);
    }
}
