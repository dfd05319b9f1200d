package com.grepsr.scheduler.application.daemon;

import com.grepsr.scheduler.application.run.RunSettlement;
import com.grepsr.scheduler.application.task.TaskStopper;
import com.grepsr.scheduler.adapters.memory.InMemoryAdapters;
import com.grepsr.scheduler.application.time.SettableClock;
import com.grepsr.scheduler.application.port.out.RunTriggerPort;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.MisfirePolicy;
import com.grepsr.scheduler.domain.schedule.OverlapPolicy;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleDetails;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleTiming;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskOrigin;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What the processor's tests share: in-memory stores on a settable clock at {@code T0}, a trigger
 * that stands in for OneTimeRun and records what it fired, and builders of schedules, runs and a
 * running task.
 */
abstract class ProcessorDaemonFixture {

    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    static final ReportRef REPORT = ReportRef.of("r1", "p1", "a1", "svc");

    final SettableClock clock = new SettableClock(T0);
    final InMemoryAdapters memory = new InMemoryAdapters(clock, Duration.ofMinutes(5));
    final List<TaskId> triggered = new ArrayList<>();

    /** Stands in for OneTimeRun: one SCHEDULED task per run, id = run id, idempotent. */
    final RunTriggerPort trigger = run -> {
        TaskId id = TaskId.of(run.id().value());
        if (memory.tasks.find(id).isEmpty()) {
            memory.tasks.insert(Task.queue(id, TaskOrigin.scheduled(run.report(), run.scheduleId(), run.id(),
                    null, null), clock.instant()));
        }
        triggered.add(id);
        return id;
    };

    RunSettlement settlement() {
        return new RunSettlement(memory.runs, memory.tasks, memory.outbox, memory.transactions, memory.ids);
    }

    ProcessorDaemon processor(String replica) {
        return processor(replica, memory.tasks);
    }

    ProcessorDaemon processor(String replica, TaskStorePort tasks) {
        TaskStopper stopper = new TaskStopper(memory.tasks, memory.history, memory.queue, memory.launcher,
                memory.transactions, clock);
        return new ProcessorDaemon(memory.runs, memory.schedules, tasks, trigger, stopper,
                settlement(), memory.transactions, memory.launcher, DaemonSettings.DEFAULTS, replica);
    }

    /** Every second from a day before T0: any whole second a test picks is one of its occurrences. */
    Schedule schedule(String id, MisfirePolicy misfire, OverlapPolicy overlap) {
        return schedule(id, misfire, overlap, Duration.ofSeconds(1));
    }

    Schedule schedule(String id, MisfirePolicy misfire, OverlapPolicy overlap, Duration every) {
        ScheduleTiming timing = ScheduleTiming.of(new RecurrenceSpec.FixedInterval(every),
                ZoneId.of("UTC"), LocalDateTime.parse("2026-11-30T00:00"));
        Schedule s = Schedule.create(ScheduleId.of(id), id, REPORT,
                new ScheduleDetails(timing, null, misfire, overlap, null), T0.minusSeconds(3600));
        memory.schedules.insert(s);
        return s;
    }

    ScheduledRun run(Schedule s, Instant fireAt) {
        ScheduledRun r = ScheduledRun.pending(memory.ids.runId(), s.id(), REPORT, fireAt, T0.minusSeconds(60));
        memory.runs.insertIfAbsent(List.of(r));
        return r;
    }

    RunStatus statusOf(ScheduledRun r) {
        return memory.runs.find(r.id()).orElseThrow().status();
    }

    Task runningTaskOf(Schedule s) {
        Task t = Task.queue(memory.ids.taskId(), TaskOrigin.manual(REPORT, s.id(), null, null), T0)
                .launching("job", T0).moveTo(TaskStatus.RUNNING, T0);
        memory.tasks.insert(t);
        return t;
    }
}
