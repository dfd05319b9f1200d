package com.grepsr.scheduler.adapters.web;

import com.grepsr.scheduler.adapters.web.view.Chrome;
import com.grepsr.scheduler.adapters.web.view.Pages;
import com.grepsr.scheduler.adapters.web.view.Rows;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.port.in.GetActiveTasksV2UseCase;
import com.grepsr.scheduler.application.port.in.GetMissedScheduleRunsUseCase;
import com.grepsr.scheduler.application.port.in.GetNextSchedulesUseCase;
import com.grepsr.scheduler.application.port.in.GetScheduleUseCase;
import com.grepsr.scheduler.application.port.in.GetTaskHistoryBySchedulerIdUseCase;
import com.grepsr.scheduler.application.port.in.OneTimeRunUseCase;
import com.grepsr.scheduler.application.port.in.StopScheduleUseCase;
import com.grepsr.scheduler.application.port.in.UnpauseScheduleUseCase;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.ProjectId;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;
import com.grepsr.scheduler.domain.task.TaskId;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The schedule list with its filters, one schedule's page, and its everyday actions. */
final class SchedulePages {

    static final int PAGE_SIZE = 50;
    static final int NEXT_FIRES = 20;

    private final DashboardUseCases u;
    private final ScheduleLists lists;
    private final Clock clock;

    SchedulePages(DashboardUseCases useCases, ScheduleLists lists, Clock clock) {
        this.u = useCases;
        this.lists = lists;
        this.clock = clock;
    }

    Pages.Schedules list(Chrome chrome, Caller caller, String account, String project, String report, String status,
                         String token) {
        var page = lists.page(caller, present(account).map(AccountId::of), present(project).map(ProjectId::of),
                present(report).map(ReportId::of), present(status).map(SchedulePages::status).map(Set::of)
                .orElse(Set.of()), new PageRequest(PAGE_SIZE, token));
        return new Pages.Schedules(chrome, orEmpty(account), orEmpty(project), orEmpty(report), orEmpty(status),
                caller.isAdmin(), page.items().stream().map(Formats::schedule).toList(), page.hasNext()
                ? Links.with("/schedules", "account", account, "project", project, "report", report, "status", status,
                "page", page.nextPageToken()) : null);
    }

    Pages.Schedule show(Chrome chrome, Caller caller, String id) {
        ScheduleId scheduleId = ScheduleId.of(id);
        var summary = u.getSchedule().execute(caller, new GetScheduleUseCase.Query(scheduleId)).schedule();
        Schedule s = summary.schedule();
        List<Rows.Fire> next = s.status() == ScheduleStatus.DELETED ? List.of()
                : u.getNextSchedules().execute(caller, GetNextSchedulesUseCase.Query.ofSchedule(scheduleId, NEXT_FIRES))
                .fireTimes().stream().map(t -> new Rows.Fire(Formats.utc(t), Formats.local(t, s.timing().zone())))
                .toList();
        var missed = u.getMissedScheduleRuns().execute(caller, new GetMissedScheduleRunsUseCase.Query(
                Optional.of(scheduleId), Optional.empty(), Optional.empty(), true, Optional.empty(), Optional.empty(),
                PageRequest.first(PAGE_SIZE))).page().items().stream().map(Formats::miss).toList();
        var active = u.getActiveTasksV2().execute(caller, new GetActiveTasksV2UseCase.Query(null, null,
                Optional.of(scheduleId), null, null, PageRequest.first(PAGE_SIZE))).tasks().items().stream()
                .map(t -> Formats.task(t, clock)).toList();
        var history = u.getTaskHistoryBySchedulerId().execute(caller, new GetTaskHistoryBySchedulerIdUseCase.Query(
                scheduleId, PageRequest.first(PAGE_SIZE))).entries().items().stream().map(Formats::history).toList();
        String until = s.pausedUntil().map(t -> " until " + Formats.local(t, s.timing().zone())).orElse("");
        return new Pages.Schedule(chrome, Formats.schedule(summary), until, next, missed, active, history,
                s.status() == ScheduleStatus.PAUSED);
    }

    /** Runs the schedule's report now, as the schedule's; returns the new task. */
    TaskId runNow(Caller caller, String id) {
        Schedule s = find(caller, id);
        return u.oneTimeRun().execute(caller, new OneTimeRunUseCase.Command(s.report(), Optional.of(s.id()),
                Optional.empty(), null, Optional.empty())).task().id();
    }

    /** Pauses it; until {@code untilLocal} (a wall-clock time in the schedule's zone) when one is given. */
    void pause(Caller caller, String id, String untilLocal) {
        ScheduleId scheduleId = ScheduleId.of(id);
        if (untilLocal == null || untilLocal.isBlank()) {
            u.stopSchedule().execute(caller, StopScheduleUseCase.Command.pause(scheduleId));
            return;
        }
        Schedule s = find(caller, id);
        Instant until;
        try {
            until = LocalDateTime.parse(untilLocal).atZone(s.timing().zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw ValidationException.of("until", "is not a date and time (yyyy-MM-ddTHH:mm): " + untilLocal);
        }
        u.stopSchedule().execute(caller, StopScheduleUseCase.Command.pauseUntil(scheduleId, until));
    }

    void unpause(Caller caller, String id) {
        u.unpauseSchedule().execute(caller, new UnpauseScheduleUseCase.Command(ScheduleId.of(id)));
    }

    private Schedule find(Caller caller, String id) {
        return u.getSchedule().execute(caller, new GetScheduleUseCase.Query(ScheduleId.of(id))).schedule().schedule();
    }

    private static ScheduleStatus status(String text) {
        try {
            return ScheduleStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("status", "is not a schedule status: " + text);
        }
    }

    static Optional<String> present(String text) {
        return Optional.ofNullable(text).map(String::trim).filter(t -> !t.isEmpty());
    }

    static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
