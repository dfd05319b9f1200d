package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.adapters.memory.InMemoryScheduler;
import com.grepsr.scheduler.application.time.SettableClock;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.RunFilter;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.model.TimingInput;
import com.grepsr.scheduler.application.port.in.GetMissedScheduleRunsUseCase;
import com.grepsr.scheduler.application.port.in.GetScheduledTasksUseCase;
import com.grepsr.scheduler.application.port.in.ScheduleUseCase;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.MisfirePolicy;
import com.grepsr.scheduler.domain.schedule.OverlapPolicy;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One end-to-end world: a whole {@link InMemoryScheduler} on a settable clock with the default
 * daemon settings, an account-scoped user, and readers for what the scenarios assert. Runs are
 * read through the use cases where a user would read them (GetScheduledTasks, GetMissedScheduleRuns,
 * GetStats), and straight from the stores for the rest.
 */
final class Scenario {

    static final Caller ALICE = Caller.ofAccount("alice@acme", AccountId.of("acme"));
    static final ReportRef REPORT = ReportRef.of("report-1", "project-1", "acme", "amazon-products");

    final InMemoryScheduler scheduler;

    Scenario(Instant start, Duration crawl) {
        this.scheduler = new InMemoryScheduler(new SettableClock(start), crawl, DaemonSettings.DEFAULTS);
    }

    SchedulerCore core() {
        return scheduler.core();
    }

    Instant now() {
        return scheduler.clock().instant();
    }

    /** Advances the clock {@code total} in steps, ticking every daemon after each step. */
    void run(Duration total, Duration step) {
        scheduler.advance(total, step);
    }

    /** Moves the clock without ticking anything: the scheduler is down. */
    void outage(Duration d) {
        scheduler.clock().tick(d);
    }

    Schedule create(String name, RecurrenceSpec spec, String zone) {
        return create(name, spec, zone, null, null);
    }

    Schedule create(String name, RecurrenceSpec spec, String zone, MisfirePolicy misfire, OverlapPolicy overlap) {
        TimingInput timing = TimingInput.of(spec, zone, null);
        return core().useCases().schedule().execute(ALICE, new ScheduleUseCase.Command(name, REPORT, timing, null, misfire,
                overlap, Optional.empty())).schedule();
    }

    Schedule schedule(ScheduleId id) {
        return scheduler.adapters().schedules.find(id).orElseThrow();
    }

    List<ScheduledRun> runs(ScheduleId id, RunStatus... statuses) {
        RunFilter filter = RunFilter.none().withSchedule(id).withStatuses(Set.of(statuses));
        return walk(page -> scheduler.adapters().runs.list(filter, page));
    }

    List<Instant> fireTimes(ScheduleId id, RunStatus... statuses) {
        return runs(id, statuses).stream().map(ScheduledRun::fireAt).toList();
    }

    /** GetScheduledTasks, every page, as the user sees it. */
    List<ScheduledRun> scheduledTasks(ScheduleId id) {
        return walk(page -> core().useCases().getScheduledTasks().execute(ALICE, GetScheduledTasksUseCase.Query.ofSchedule(id,
                page)).page());
    }

    /** GetMissedScheduleRuns (skipped ones included), every page, newest first. */
    List<ScheduledRun> missedRuns(ScheduleId id) {
        return walk(page -> core().useCases().getMissedScheduleRuns().execute(ALICE, new GetMissedScheduleRunsUseCase.Query(
                Optional.of(id), null, null, true, null, null, page)).page());
    }

    /** The schedule's tasks, oldest first. */
    List<Task> tasks(ScheduleId id) {
        List<Task> all = new ArrayList<>(scheduler.adapters().tasks.listAll(TaskFilter.none().withSchedule(id)));
        all.sort(Comparator.comparing(Task::createdAt).thenComparing(Task::id));
        return all;
    }

    Task task(TaskId id) {
        return scheduler.adapters().tasks.find(id).orElseThrow();
    }

    List<TaskStatus> trail(TaskId id) {
        List<TaskHistoryEntry> entries = new ArrayList<>(walk(page ->
                scheduler.adapters().history.listByTask(id, page)));
        entries.sort(Comparator.comparingLong(TaskHistoryEntry::sequence));
        return entries.stream().map(TaskHistoryEntry::status).toList();
    }

    List<ActivityEvent> events() {
        return scheduler.adapters().outbox.all();
    }

    List<String> eventTypes() {
        return events().stream().map(ActivityEvent::type).toList();
    }

    /** The instants from {@code first} to {@code last} (inclusive) every {@code step}. */
    static List<Instant> every(Duration step, Instant first, Instant last) {
        List<Instant> out = new ArrayList<>();
        for (Instant t = first; !t.isAfter(last); t = t.plus(step)) {
            out.add(t);
        }
        return out;
    }

    private static <T> List<T> walk(Function<PageRequest, Page<T>> read) {
        List<T> out = new ArrayList<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_SIZE);
        while (true) {
            Page<T> p = read.apply(page);
            out.addAll(p.items());
            if (!p.hasNext()) {
                return out;
            }
            page = new PageRequest(PageRequest.MAX_SIZE, p.nextPageToken());
        }
    }
}
