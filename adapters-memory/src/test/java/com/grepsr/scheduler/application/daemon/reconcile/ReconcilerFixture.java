package com.grepsr.scheduler.application.daemon.reconcile;

import com.grepsr.scheduler.application.SchedulerCore;
import com.grepsr.scheduler.application.SchedulerPorts;
import com.grepsr.scheduler.application.daemon.DaemonSettings;
import com.grepsr.scheduler.adapters.memory.InMemoryAdapters;
import com.grepsr.scheduler.application.time.SettableClock;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.model.TimingInput;
import com.grepsr.scheduler.application.port.in.OneTimeRunUseCase;
import com.grepsr.scheduler.application.port.in.ScheduleUseCase;
import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A scheduler core on in-memory adapters whose launcher can be made to fail (before or after it
 * really launched) and whose {@code inspect} can run a "concurrent" action, so the reconciler's
 * crash and race handling can be tested without threads.
 */
final class ReconcilerFixture {

    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    static final Duration CRAWL = Duration.ofMinutes(2);
    static final Caller ALICE = Caller.ofAccount("alice", AccountId.of("acme"));

    final SettableClock clock = new SettableClock(T0);
    final InMemoryAdapters memory = new InMemoryAdapters(clock, CRAWL);
    final HookedLauncher launcher = new HookedLauncher(memory.launcher);
    final SchedulerCore core = new SchedulerCore(new SchedulerPorts(memory.schedules, memory.runs, memory.tasks,
            memory.history, memory.queue, memory.outbox, memory.requests, launcher, memory.catalog, memory.transactions, memory.ids,
            clock), DaemonSettings.DEFAULTS);
    final ReconcilerDaemon reconciler = core.reconciler();

    static ReportRef report() {
        return ReportRef.of("report-1", "project-1", "acme", "amazon-products");
    }

    /** An hourly schedule of {@link #report()}, created through the use case as a client would. */
    Schedule hourlySchedule() {
        TimingInput hourly = TimingInput.of(new RecurrenceSpec.Cron("0 * * * *"), "UTC", null);
        return core.useCases().schedule().execute(ALICE, ScheduleUseCase.Command.of("hourly", report(), hourly)).schedule();
    }

    /** A OneTimeRun of {@link #report()} by {@link #ALICE}, with the given timeout. */
    Task runNow(Optional<Duration> timeout) {
        return core.useCases().oneTimeRun().execute(ALICE, new OneTimeRunUseCase.Command(report(), Optional.empty(),
                Optional.empty(), Parameters.NONE, timeout)).task();
    }

    /** A PENDING run of {@code s} stored directly, as a processor that never came would leave it. */
    ScheduledRun staleRun(Schedule s, Instant fireAt) {
        ScheduledRun run = ScheduledRun.pending(memory.ids.runId(), s.id(), s.report(), fireAt, fireAt);
        memory.runs.insertIfAbsent(List.of(run));
        return run;
    }

    ReconcilerDaemon.TickResult tickAt(Instant at) {
        clock.set(at);
        return reconciler.tick(at);
    }

    ReconcilerDaemon.TickResult tickAfter(Duration d) {
        return tickAt(clock.instant().plus(d));
    }

    Task task(TaskId id) {
        return memory.tasks.find(id).orElseThrow();
    }

    List<TaskStatus> trail(TaskId id) {
        List<TaskHistoryEntry> entries = new ArrayList<>(memory.history.listByTask(id, PageRequest.first(500)).items());
        entries.sort(Comparator.comparingLong(TaskHistoryEntry::sequence));
        return entries.stream().map(TaskHistoryEntry::status).toList();
    }

    List<Task> tasks(TaskFilter filter) {
        return memory.tasks.listAll(filter);
    }

    static ReconcilerDaemon.TickResult nothing() {
        return new ReconcilerDaemon.TickResult(0, 0, 0, 0, 0, 0, 0, Retention.Pruned.NONE);
    }

    /** The simulated launcher behind switches. */
    static final class HookedLauncher implements CrawlerLauncherPort {
        private final CrawlerLauncherPort delegate;
        volatile boolean downBeforeLaunch;
        volatile boolean crashAfterLaunch;
        volatile boolean inspectDown;
        volatile Consumer<Collection<String>> onInspect = names -> { };
        int launches;

        HookedLauncher(CrawlerLauncherPort delegate) {
            this.delegate = delegate;
        }

        @Override
        public String launch(Task task, CrawlerSpec crawler) {
            if (downBeforeLaunch) {
                throw new IllegalStateException("launcher unavailable");
            }
            String name = delegate.launch(task, crawler);
            launches++;
            if (crashAfterLaunch) {
                throw new IllegalStateException("connection reset after the launch was made");
            }
            return name;
        }

        @Override
        public Optional<String> launchNameOf(TaskId task) {
            return delegate.launchNameOf(task);
        }

        @Override
        public void stop(String launchName) {
            delegate.stop(launchName);
        }

        @Override
        public Map<String, LaunchState> inspect(Collection<String> launchNames) {
            if (inspectDown) {
                throw new IllegalStateException("launcher unavailable");
            }
            Consumer<Collection<String>> hook = onInspect;
            onInspect = names -> { };
            hook.accept(launchNames);
            return delegate.inspect(launchNames);
        }
    }
}
