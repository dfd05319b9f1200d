package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.adapters.memory.InMemoryAdapters;
import com.grepsr.scheduler.application.time.SettableClock;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleDetails;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleTiming;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskOrigin;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * A small world of tasks for the task query/history tests: in-memory adapters on a settable
 * clock, and helpers that create and move tasks straight through the stores (the run use cases
 * are not needed to have tasks to ask about).
 */
final class TaskFixture {

    /** A plain Monday; no DST transition near it in UTC. */
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    static final Caller ADMIN = Caller.admin("ops");
    static final Caller ACME = Caller.ofAccount("alice", AccountId.of("acme"));
    static final Caller GLOBEX = Caller.ofAccount("bob", AccountId.of("globex"));

    final SettableClock clock = new SettableClock(T0);
    final InMemoryAdapters mem = new InMemoryAdapters(clock, Duration.ofMinutes(5));
    final TaskTransitions recorder = new TaskTransitions(mem.tasks, mem.history, mem.transactions, clock);

    static ReportRef report(String account, String report) {
        return ReportRef.of(report, "p-" + account, account, "amazon-products");
    }

    static ReportRef acmeReport() {
        return report("acme", "r1");
    }

    /** A new QUEUED manual task of {@code report}, created now. */
    Task queued(ReportRef report) {
        return queued(report, null);
    }

    Task queued(ReportRef report, ScheduleId schedule) {
        Task t = Task.queue(mem.ids.taskId(),
                TaskOrigin.manual(report, schedule, Parameters.of(Map.of("category", "shoes")), Duration.ofHours(2)),
                clock.instant());
        mem.tasks.insert(t);
        return t;
    }

    /** A task stored in {@code status} now, passing through the states before it. */
    Task inStatus(ReportRef report, TaskStatus status) {
        return inStatus(report, null, status);
    }

    Task inStatus(ReportRef report, ScheduleId schedule, TaskStatus status) {
        Task t = queued(report, schedule);
        return switch (status) {
            case QUEUED -> t;
            case STOPPED -> move(t, TaskStatus.STOPPED);
            case LAUNCHING -> launching(t);
            case RUNNING -> move(launching(t), TaskStatus.RUNNING);
            default -> move(move(launching(t), TaskStatus.RUNNING), status);
        };
    }

    /** A task that started now, ran {@code runTime} and ended in {@code end}; the clock is left at its end. */
    Task ran(ReportRef report, Duration runTime, TaskStatus end) {
        Task t = move(launching(queued(report)), TaskStatus.RUNNING);
        clock.tick(runTime);
        return move(t, end);
    }

    Task launching(Task queued) {
        Task l = queued.launching("job-" + queued.id(), clock.instant());
        mem.tasks.update(l, queued.version());
        return l;
    }

    Task move(Task t, TaskStatus next) {
        Task moved = t.moveTo(next, clock.instant());
        mem.tasks.update(moved, t.version());
        return moved;
    }

    Task current(Task t) {
        return mem.tasks.find(t.id()).orElseThrow();
    }

    /** An active every-hour schedule of {@code report}, stored. */
    Schedule schedule(ReportRef report) {
        Schedule s = Schedule.create(mem.ids.scheduleId(), "hourly", report,
                ScheduleDetails.of(ScheduleTiming.of(new RecurrenceSpec.FixedInterval(Duration.ofHours(1)),
                        ZoneId.of("UTC"), LocalDateTime.of(2026, 3, 2, 0, 0))), clock.instant());
        mem.schedules.insert(s);
        return s;
    }
}
