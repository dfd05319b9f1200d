package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort.LaunchState;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry.Source;
import com.grepsr.scheduler.domain.task.TaskKind;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reconciler step: moves launched tasks along with what the launcher observes (running,
 * succeeded, failed, deadline exceeded), and marks LOST those whose launch vanished.
 */
final class FollowLaunchesStep {

    private static final EnumSet<TaskKind> LAUNCHED_KINDS =
            EnumSet.of(TaskKind.SCHEDULED, TaskKind.MANUAL, TaskKind.TEST, TaskKind.CHILD);

    /** What one pass did: status changes, and how many of them were to LOST. */
    record Followed(int changes, int lost) {
        static final Followed NONE = new Followed(0, 0);
    }

    private final TaskStorePort tasks;
    private final CrawlerLauncherPort launcher;
    private final TaskTransitions transitions;
    private final Duration lostGrace;

    FollowLaunchesStep(TaskStorePort tasks, CrawlerLauncherPort launcher, TaskTransitions transitions,
                       Duration lostGrace) {
        this.tasks = tasks;
        this.launcher = launcher;
        this.transitions = transitions;
        this.lostGrace = lostGrace;
    }

    Followed run(Instant now) {
        List<Task> named = tasks.listAll(TaskFilter.none()
                        .withStatuses(EnumSet.of(TaskStatus.LAUNCHING, TaskStatus.RUNNING)).withKinds(LAUNCHED_KINDS))
                .stream().filter(t -> t.launchName().isPresent()).toList();
        if (named.isEmpty()) {
            return Followed.NONE;
        }
        Map<String, LaunchState> states = launcher.inspect(named.stream().map(t -> t.launchName().get()).toList());
        int changes = 0;
        int lost = 0;
        for (Task t : named) {
            LaunchState state = states.getOrDefault(t.launchName().get(), LaunchState.NOT_FOUND);
            Optional<TaskStatus> next = next(t, state, now);
            if (next.isPresent() && Races.ignoringRaces(() -> transitions.recordFrom(t, next.get(), null,
                    messageFor(next.get(), state), Map.of("launch_state", state.name()), Source.LAUNCHER))) {
                changes++;
                lost += next.get() == TaskStatus.LOST ? 1 : 0;
            }
        }
        return new Followed(changes, lost);
    }

    private Optional<TaskStatus> next(Task t, LaunchState state, Instant now) {
        return switch (state) {
            case PENDING -> Optional.empty();
            case RUNNING -> t.status() == TaskStatus.LAUNCHING ? Optional.of(TaskStatus.RUNNING) : Optional.empty();
            case SUCCEEDED -> Optional.of(TaskStatus.SUCCEEDED);
            case FAILED -> Optional.of(TaskStatus.FAILED);
            case DEADLINE_EXCEEDED -> Optional.of(TaskStatus.TIMED_OUT);
            // a launch the launcher has never heard of may just be young (a watch cache lags): wait a grace period
            case NOT_FOUND -> t.updatedAt().plus(lostGrace).isBefore(now)
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
}
