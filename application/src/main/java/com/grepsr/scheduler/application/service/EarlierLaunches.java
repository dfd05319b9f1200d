package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort.LaunchState;
import com.grepsr.scheduler.domain.run.ScheduledRun;

import java.util.List;
import java.util.Optional;

/**
 * Whether a claimed run without a task was launched already: a replica launched it inside the
 * transaction that locked it and died before that transaction committed, so the run came back
 * PENDING with no task while its crawler runs. Such a run was fired; it must not be judged
 * afresh (missed as late, cancelled, skipped) while its crawler runs on (docs/crash-safety.md).
 */
final class EarlierLaunches {

    private final CrawlerLauncherPort launcher;

    EarlierLaunches(CrawlerLauncherPort launcher) {
        this.launcher = launcher;
    }

    /** Asked only of runs about to be settled without firing: the launcher answers from its cache. */
    boolean exist(ScheduledRun run) {
        return name(run).map(n -> launcher.inspect(List.of(n)).getOrDefault(n, LaunchState.NOT_FOUND)
                != LaunchState.NOT_FOUND).orElse(false);
    }

    /** Stops the launch of a run that can no longer fire (its schedule is gone). */
    void stop(ScheduledRun run) {
        name(run).ifPresent(launcher::stop);
    }

    private Optional<String> name(ScheduledRun run) {
        return launcher.launchNameOf(run.id().taskId());
    }
}
