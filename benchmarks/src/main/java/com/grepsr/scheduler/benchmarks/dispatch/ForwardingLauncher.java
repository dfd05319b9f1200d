package com.grepsr.scheduler.benchmarks.dispatch;

import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.domain.task.TaskId;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** A launcher that adds something to the launch call of another and passes everything else on. */
abstract class ForwardingLauncher implements CrawlerLauncherPort {

    protected final CrawlerLauncherPort delegate;

    ForwardingLauncher(CrawlerLauncherPort delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean exists(String launchName) {
        return delegate.exists(launchName);
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
        return delegate.inspect(launchNames);
    }
}
