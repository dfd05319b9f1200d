package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.RunFilter;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.port.in.UnpauseScheduleUseCase;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort.LaunchState;
import com.grepsr.scheduler.application.port.out.RequestLogPort;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.domain.error.DomainException;
import com.grepsr.scheduler.domain.run.MissCause;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry.Source;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskKind;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Reconciler: brings the stores in line with the world. Each tick it
 * <ol>
 *   <li>resumes schedules whose pause-until has passed;</li>
 *   <li>moves launched tasks along with what the launcher observes (running, succeeded, failed,
 *       deadline exceeded), and marks LOST those whose launch vanished;</li>
 *   <li>relaunches tasks a crash left QUEUED (the launcher is idempotent per task, so a launch
 *       that did happen is found, not repeated);</li>
 *   <li>advances multi-process parents (next children, or the parent's end);</li>
 *   <li>marks MISSED the runs no processor dispatched before their deadline (DISPATCHED, if a
 *       processor that died before settling one had committed its task);</li>
 *   <li>prunes what is done and past its retention, one bounded batch a tick ({@link Retention}).</li>
 * </ol>
 * Every step is idempotent and tolerates racing a crawler's own report or another replica.
 */
public final class ReconcilerDaemon {

    private static final System.Logger LOG = System.getLogger(ReconcilerDaemon.class.getName());
    private static final int PAGE = 200;
    private static final EnumSet<TaskKind> LAUNCHED_KINDS =
            EnumSet.of(TaskKind.SCHEDULED, TaskKind.MANUAL, TaskKind.TEST, TaskKind.CHILD);

    private final ScheduleStorePort schedules;
    private final ScheduledRunStorePort runs;
    private final TaskStorePort tasks;
    private final CrawlerLauncherPort launcher;
    private final TaskStatusRecorder recorder;
    private final TaskLaunchService launches;
    private final MultiProcessCoordinator coordinator;
    private final UnpauseScheduleUseCase unpause;
    private final RunSettlement settlement;
    private final RequestLogPort requests;
    private final DaemonSettings settings;
    private final Retention retention;

    /** What one tick did. */
    public record TickResult(int resumed, int statusChanges, int lost, int relaunched, int parentsAdvanced,
                             int runsMissed, int requestIdsForgotten, Retention.Pruned pruned) {
    }

    public ReconcilerDaemon(ScheduleStorePort schedules, ScheduledRunStorePort runs, TaskStorePort tasks,
                            CrawlerLauncherPort launcher, TaskStatusRecorder recorder, TaskLaunchService launches,
                            MultiProcessCoordinator coordinator, UnpauseScheduleUseCase unpause,
                            RunSettlement settlement, RequestLogPort requests, DaemonSettings settings,
                            Retention retention) {
        this.schedules = schedules;
        this.runs = runs;
        this.tasks = tasks;
        this.launcher = launcher;
        this.recorder = recorder;
        this.launches = launches;
        this.coordinator = coordinator;
        this.unpause = unpause;
        this.settlement = settlement;
        this.requests = requests;
        this.settings = settings;
        this.retention = retention;
    }

    public TickResult tick(Instant now) {
        // the steps are independent: a launcher that is down must not keep pauses from ending
        // or overdue runs from being missed, so a failing step is logged and the others still run
        int resumed = step("resume pauses", () -> resumePauses(now));
        int[] observed = step("follow launches", () -> followLaunches(now), new int[] {0, 0});
        int relaunched = step("relaunch orphans", () -> relaunchOrphans(now));
        int advanced = step("advance parents", () -> advanceParents(now));
        int missed = step("miss overdue runs", () -> missOverdueRuns(now));
        int forgotten = step("forget old request ids", () -> forgetRequestIds(now));
        Retention.Pruned pruned = step("prune old records", () -> retention.pass(now), Retention.Pruned.NONE);
        return new TickResult(resumed, observed[0], observed[1], relaunched, advanced, missed, forgotten, pruned);
    }

    private static int step(String name, Supplier<Integer> body) {
        return step(name, body, 0);
    }

    private static <T> T step(String name, Supplier<T> body, T none) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "reconciler step '" + name + "' failed; the next tick retries", e);
            return none;
        }
    }

    /**
     * Deletes request ids older than the retention, one bounded batch a tick: they count as unseen
     * already, so this only keeps the log small, and a backlog drains over a few ticks.
     */
    private int forgetRequestIds(Instant now) {
        return requests.deleteRecordedBefore(now.minus(settings.requestIdRetention()), PAGE * 5);
    }

    private int resumePauses(Instant now) {
        int resumed = 0;
        for (Schedule s : schedules.findPausedUntil(now, PAGE)) {
            if (ignoringRaces(() -> unpause.execute(Caller.system(), new UnpauseScheduleUseCase.Command(s.id())))) {
                resumed++;
            }
        }
        return resumed;
    }

    /** Returns {status changes, of which LOST}. */
    private int[] followLaunches(Instant now) {
        List<Task> launched = all(TaskFilter.none().withStatuses(EnumSet.of(TaskStatus.LAUNCHING, TaskStatus.RUNNING))
                .withKinds(LAUNCHED_KINDS));
        List<Task> named = launched.stream().filter(t -> t.launchName().isPresent()).toList();
        if (named.isEmpty()) {
            return new int[] {0, 0};
        }
        Map<String, LaunchState> states = launcher.inspect(named.stream().map(t -> t.launchName().get()).toList());
        int changes = 0;
        int lost = 0;
        for (Task t : named) {
            LaunchState state = states.getOrDefault(t.launchName().get(), LaunchState.NOT_FOUND);
            Optional<TaskStatus> next = next(t, state, now);
            if (next.isPresent() && ignoringRaces(() -> recorder.recordFrom(t, next.get(), null,
                    messageFor(next.get(), state), Map.of("launch_state", state.name()), Source.LAUNCHER))) {
                changes++;
                lost += next.get() == TaskStatus.LOST ? 1 : 0;
            }
        }
        return new int[] {changes, lost};
    }

    private Optional<TaskStatus> next(Task t, LaunchState state, Instant now) {
        return switch (state) {
            case PENDING -> Optional.empty();
            case RUNNING -> t.status() == TaskStatus.LAUNCHING ? Optional.of(TaskStatus.RUNNING) : Optional.empty();
            case SUCCEEDED -> Optional.of(TaskStatus.SUCCEEDED);
            case FAILED -> Optional.of(TaskStatus.FAILED);
            case DEADLINE_EXCEEDED -> Optional.of(TaskStatus.TIMED_OUT);
            // a launch the launcher has never heard of may just be young (a watch cache lags): wait a grace period
            case NOT_FOUND -> t.updatedAt().plus(settings.lostGrace()).isBefore(now)
                    ? Optional.of(TaskStatus.LOST) : Optional.empty();
        };
    }

    private static String messageFor(TaskStatus status, LaunchState state) {
        return switch (status) {
            case LOST -> "the launch vanished (launcher reports " + state + ")";
            case TIMED_OUT -> "the crawler ran past its deadline";
            default -> null;
        };
    }

    private int relaunchOrphans(Instant now) {
        // children wait in QUEUED for their parent's parallelism: the coordinator launches those
        TaskFilter queued = TaskFilter.none().withStatuses(EnumSet.of(TaskStatus.QUEUED))
                .withKinds(EnumSet.of(TaskKind.SCHEDULED, TaskKind.MANUAL, TaskKind.TEST))
                .withUpdatedBefore(now.minus(settings.lostGrace()));
        int relaunched = 0;
        for (Task t : all(queued)) {
            // launchOrDefer: a launcher still down leaves the task QUEUED for a later tick
            Optional<Task> after = unlessRaced(() -> launches.launchOrDefer(t));
            if (after.isPresent() && after.get().status() != TaskStatus.QUEUED) {
                relaunched++;
            }
        }
        return relaunched;
    }

    private int advanceParents(Instant now) {
        Set<TaskId> parents = new LinkedHashSet<>();
        for (Task p : all(TaskFilter.none().withKinds(EnumSet.of(TaskKind.PARENT)).withStatuses(TaskPages.ACTIVE))) {
            // a parent runs no crawler, so no launcher times it out: its own timeout is enforced here
            if (p.isOverdue(now)) {
                ignoringRaces(() -> recorder.recordFrom(p, TaskStatus.TIMED_OUT, null,
                        "the multi-process run ran past its timeout of " + p.origin().timeout(), Map.of(),
                        Source.SCHEDULER));
            }
            parents.add(p.id());
        }
        // a parent ended from outside (a report, a bulk transition, its timeout) leaves active
        // children behind: advancing it stops them and drops its remaining work
        all(TaskFilter.none().withKinds(EnumSet.of(TaskKind.CHILD)).withStatuses(TaskPages.ACTIVE))
                .forEach(child -> child.parentId().ifPresent(parents::add));
        int advanced = 0;
        for (TaskId p : parents) {
            Optional<MultiProcessCoordinator.Advance> a = unlessRaced(() -> coordinator.advance(p));
            if (a.isPresent() && (!a.get().launched().isEmpty() || a.get().finishedAs().isPresent()
                    || !a.get().stopped().isEmpty())) {
                advanced++;
            }
        }
        return advanced;
    }

    private int missOverdueRuns(Instant now) {
        RunFilter stale = new RunFilter(null, null, null, Set.of(RunStatus.PENDING), null,
                Optional.of(now.minus(settings.maxCatchUp())), false);
        List<ScheduledRun> overdue = runs.list(stale, PageRequest.first(PAGE)).items();
        Set<TaskId> fired = settlement.firedBefore(overdue);
        int missed = 0;
        for (ScheduledRun r : overdue) {
            if (fired.contains(r.id().taskId())) {
                // a processor fired it and died before settling it, and none has run since: the
                // crawl was launched (this reconciler relaunches such tasks), so it was not missed
                settlement.settle(r.dispatch(r.id().taskId(), now));
            } else {
                missed += settlement.settle(r.miss(MissCause.DEADLINE, now));
            }
        }
        return missed;
    }

    private List<Task> all(TaskFilter filter) {
        List<Task> out = new ArrayList<>();
        PageRequest page = PageRequest.first(PAGE);
        while (true) {
            Page<Task> p = tasks.list(filter, page);
            out.addAll(p.items());
            if (!p.hasNext()) {
                return out;
            }
            page = new PageRequest(PAGE, p.nextPageToken());
        }
    }

    /** Runs a step that may lose a race to a crawler's report, a user or another replica. */
    private static boolean ignoringRaces(Runnable step) {
        return unlessRaced(() -> {
            step.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    /** {@link #ignoringRaces(Runnable)} with the step's answer; empty when it lost a race. */
    private static <T> Optional<T> unlessRaced(Supplier<T> step) {
        try {
            return Optional.of(step.get());
        } catch (DomainException raced) {
            return Optional.empty();
        }
    }
}
