package com.grepsr.scheduler.application.crashsafety;

import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The victim's launcher: reports launches to the injector. {@link #unavailable} is a launcher
 * whose API server cannot be reached: every launch fails before creating anything.
 */
final class FaultyLauncher implements CrawlerLauncherPort {

    private final CrawlerLauncherPort delegate;
    private final FaultInjector faults;
    private final boolean down;

    FaultyLauncher(CrawlerLauncherPort delegate, FaultInjector faults) {
        this(delegate, faults, false);
    }

    private FaultyLauncher(CrawlerLauncherPort delegate, FaultInjector faults, boolean down) {
        this.delegate = delegate;
        this.faults = faults;
        this.down = down;
    }

    static FaultyLauncher unavailable(CrawlerLauncherPort delegate) {
        return new FaultyLauncher(delegate, null, true);
    }

    @Override
    public String launch(Task task, CrawlerSpec crawler) {
        if (down) {
            throw new IllegalStateException("the cluster's API server is unreachable");
        }
        faults.before(Step.LAUNCH);
        String name = delegate.launch(task, crawler);
        faults.after(Step.LAUNCH);
        return name;
    }

    @Override
    public Optional<String> launchNameOf(TaskId task) {
        return delegate.launchNameOf(task);
    }

    @Override
    public boolean exists(String launchName) {
        return delegate.exists(launchName);
    }

    @Override
    public void stop(String launchName) {
        delegate.stop(launchName);
    }

    @Override
    public Map<String, LaunchState> inspect(Collection<String> launchNames) {
        return delegate.inspect(launchNames);
    }
}
