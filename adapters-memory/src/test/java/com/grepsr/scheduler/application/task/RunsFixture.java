package com.grepsr.scheduler.application.task;

import com.grepsr.scheduler.application.task.multiprocess.AddToTaskQueueService;
import com.grepsr.scheduler.application.task.multiprocess.GetChildTasksService;
import com.grepsr.scheduler.application.task.multiprocess.MultiProcessCoordinator;
import com.grepsr.scheduler.application.task.multiprocess.MultiProcessRunService;
import com.grepsr.scheduler.application.task.multiprocess.StopChildTasksService;
import com.grepsr.scheduler.application.common.IdempotentRequests;
import com.grepsr.scheduler.application.daemon.DaemonSettings;
import com.grepsr.scheduler.application.run.ManualTasks;
import com.grepsr.scheduler.application.run.OneTimeRunService;
import com.grepsr.scheduler.application.run.OneTimeTestRunService;
import com.grepsr.scheduler.application.run.StopRunService;
import com.grepsr.scheduler.application.schedule.StopScheduleService;
import com.grepsr.scheduler.adapters.memory.InMemoryAdapters;
import com.grepsr.scheduler.application.time.SettableClock;
import com.grepsr.scheduler.adapters.memory.StaticCrawlerCatalog;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.common.ServiceCode;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleDetails;
import com.grepsr.scheduler.domain.schedule.ScheduleTiming;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry.Source;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The run/stop services wired on in-memory adapters, a settable clock and a launcher that can be
 * told to refuse or to fail, plus a stand-in for the reconciler's status sync.
 */
public final class RunsFixture {

    public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    public static final Duration CRAWL = Duration.ofMinutes(10);
    public static final String KNOWN_CODE = "amazon-products";

    public final SettableClock clock = new SettableClock(T0);
    public final InMemoryAdapters memory = new InMemoryAdapters(clock, CRAWL);
    public final StaticCrawlerCatalog catalog = StaticCrawlerCatalog.strict()
            .put(ServiceCode.of(KNOWN_CODE), CrawlerSpec.image("grepsr/amazon:1"));
    public final ScriptedLauncher launcher = new ScriptedLauncher(memory.launcher);

    public final TaskLaunchService launches = new TaskLaunchService(memory.tasks, memory.history, catalog, launcher,
            memory.transactions, clock);
    public final TaskStopper stopper = new TaskStopper(memory.tasks, memory.history, memory.queue, launcher,
            memory.transactions, clock);
    public final MultiProcessCoordinator coordinator = new MultiProcessCoordinator(memory.tasks, memory.history,
            memory.queue, launches, stopper, memory.ids, memory.transactions, clock);
    public final IdempotentRequests requests = new IdempotentRequests(memory.requests, memory.transactions, clock,
            DaemonSettings.DEFAULTS.requestIdRetention());
    public final ManualTasks manual = new ManualTasks(memory.tasks, launches, memory.ids, requests, clock);
    public final OneTimeRunService runNow = new OneTimeRunService(memory.schedules, memory.runs, memory.tasks, launches,
            manual, clock);
    public final OneTimeTestRunService testRun = new OneTimeTestRunService(launches, manual);
    public final StopRunService stopRun = new StopRunService(stopper);
    public final StopTaskService stopTask = new StopTaskService(memory.tasks, stopper);
    public final StopChildTasksService stopChildTasks = new StopChildTasksService(memory.tasks, stopper);
    public final StopScheduleService stopSchedule = new StopScheduleService(memory.schedules, memory.runs, stopper,
            memory.outbox, memory.transactions, memory.ids, clock);
    public final UpdateAllTaskHistoryByStatusService bulk = new UpdateAllTaskHistoryByStatusService(memory.tasks,
            new TaskTransitions(memory.tasks, memory.history, memory.transactions, clock), stopper,
            memory.transactions);
    public final MultiProcessRunService multiProcessRun = new MultiProcessRunService(memory.tasks, memory.history,
            memory.queue, launches, coordinator, memory.ids, memory.transactions, requests, clock);
    public final AddToTaskQueueService addToTaskQueue = new AddToTaskQueueService(memory.tasks, memory.queue, coordinator,
            memory.transactions, clock);
    public final GetChildTasksService getChildTasks = new GetChildTasksService(memory.tasks);

    public static final Caller ACME = Caller.ofAccount("alice@acme", AccountId.of("acme"));
    public static final Caller GLOBEX = Caller.ofAccount("bob@globex", AccountId.of("globex"));
    public static final Caller ADMIN = Caller.admin("ops");

    public static ReportRef report() {
        return ReportRef.of("report-1", "project-1", "acme", KNOWN_CODE);
    }

    public static ReportRef report(String reportId, String serviceCode) {
        return ReportRef.of(reportId, "project-1", "acme", serviceCode);
    }

    /** An hourly schedule of {@link #report()} with parameters and a task timeout, stored. */
    public Schedule hourlySchedule(Map<String, String> parameters, Duration taskTimeout) {
        return schedule(report(), parameters, taskTimeout);
    }

    public Schedule schedule(ReportRef report, Map<String, String> parameters, Duration taskTimeout) {
        ScheduleTiming timing = ScheduleTiming.of(new RecurrenceSpec.FixedInterval(Duration.ofHours(1)),
                ZoneId.of("Europe/Berlin"), LocalDateTime.of(2026, 3, 2, 10, 0));
        ScheduleDetails details = new ScheduleDetails(timing, Parameters.of(parameters), null, null, taskTimeout);
        Schedule s = Schedule.create(memory.ids.scheduleId(), "hourly", report, details, clock.instant());
        memory.transactions.run(() -> memory.schedules.insert(s));
        return s;
    }

    /** A PENDING run of a schedule, stored (as the calculator would). */
    public ScheduledRun pendingRun(Schedule s, Instant fireAt) {
        ScheduledRun run = ScheduledRun.pending(memory.ids.runId(), s.id(), s.report(), fireAt, clock.instant());
        memory.runs.insertIfAbsent(List.of(run));
        return run;
    }

    public Task task(TaskId id) {
        return memory.tasks.find(id).orElseThrow();
    }

    /** A task's history, oldest first. */
    public List<TaskHistoryEntry> history(TaskId id) {
        List<TaskHistoryEntry> entries = new ArrayList<>(memory.history.listByTask(id, PageRequest.first(500)).items());
        entries.sort(Comparator.comparingLong(TaskHistoryEntry::sequence));
        return entries;
    }

    public List<TaskStatus> statusTrail(TaskId id) {
        return history(id).stream().map(TaskHistoryEntry::status).toList();
    }

    public List<Task> allTasks() {
        return memory.tasks.listAll(TaskFilter.none());
    }

    public List<Task> children(TaskId parent) {
        return memory.tasks.listAll(TaskFilter.none().withParent(parent));
    }

    /**
     * What the reconciler does for launched tasks: applies the launcher's observed state. Kept
     * minimal here; the real reconciler is another service.
     */
    public void syncWithLauncher() {
        List<Task> launched = memory.tasks.listAll(TaskFilter.none()
                .withStatuses(java.util.EnumSet.of(TaskStatus.LAUNCHING, TaskStatus.RUNNING)))
                .stream().filter(t -> t.launchName().isPresent()).toList(); // parents have no launch
        Map<String, CrawlerLauncherPort.LaunchState> states = memory.launcher.inspect(
                launched.stream().map(t -> t.launchName().orElseThrow()).toList());
        TaskTransitions transitions = new TaskTransitions(memory.tasks, memory.history, memory.transactions, clock);
        for (Task t : launched) {
            TaskStatus next = switch (states.get(t.launchName().orElseThrow())) {
                case PENDING -> t.status();
                case RUNNING -> TaskStatus.RUNNING;
                case SUCCEEDED -> TaskStatus.SUCCEEDED;
                case FAILED -> TaskStatus.FAILED;
                case DEADLINE_EXCEEDED -> TaskStatus.TIMED_OUT;
                case NOT_FOUND -> TaskStatus.LOST;
            };
            if (next != t.status()) {
                transitions.change(t.id(), x -> java.util.Optional.of(x.moveTo(next, clock.instant())),
                        Source.LAUNCHER, Map.of());
            }
        }
    }

    public static Map<TaskStatus, Long> countByStatus(Collection<Task> tasks) {
        return tasks.stream().collect(Collectors.groupingBy(Task::status, Collectors.counting()));
    }

    /**
     * The simulated launcher behind a switch: it can refuse or fail (as a crash or an outage
     * would) the next launches, and counts stops.
     */
    public static final class ScriptedLauncher implements CrawlerLauncherPort {
        private final CrawlerLauncherPort delegate;
        private volatile Function<Task, RuntimeException> failure = t -> null;
        final AtomicInteger stops = new AtomicInteger();

        ScriptedLauncher(CrawlerLauncherPort delegate) {
            this.delegate = delegate;
        }

        /** Launches from now on throw what {@code failure} makes (null: launch normally). */
    public     void failWith(Function<Task, RuntimeException> f) {
            this.failure = f;
        }

    public     void healthy() {
            this.failure = t -> null;
        }

        @Override
        public String launch(Task task, CrawlerSpec crawler) {
            RuntimeException e = failure.apply(task);
            if (e != null) {
                throw e;
            }
            return delegate.launch(task, crawler);
        }

        @Override
        public void stop(String launchName) {
            stops.incrementAndGet();
            delegate.stop(launchName);
        }

        @Override
        public Map<String, LaunchState> inspect(Collection<String> launchNames) {
            return delegate.inspect(launchNames);
        }
    }
}
