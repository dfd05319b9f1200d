package com.grepsr.scheduler.application.run;

import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.domain.run.ScheduledRun;

import java.util.Optional;

/**
 * Whether a claimed run without a task was launched already: a replica launched it inside the
 * transaction that locked it and died before that transaction committed, so the run came back
 * PENDING with no task while its crawler runs. Such a run was fired; it must not be judged
 * afresh (missed as late, cancelled, skipped) while its crawler runs on (docs/crash-safety.md).
 */
public final class EarlierLaunches {

    private final CrawlerLauncherPort launcher;

    public EarlierLaunches(CrawlerLauncherPort launcher) {
        this.launcher = launcher;
    }

    /**
     * Asked only of runs about to be settled without firing, and of the launcher itself (not its
     * cache, which may not have seen a launch made moments before its maker died).
     */
    public boolean exist(ScheduledRun run) {
        return name(run).map(launcher::exists).orElse(false);
    }

    /** Stops the launch of a run that can no longer fire (its schedule is gone). */
    public void stop(ScheduledRun run) {
        name(run).ifPresent(launcher::stop);
    }

    private Optional<String> name(ScheduledRun run) {
        return launcher.launchNameOf(run.id().taskId());
    }
}
