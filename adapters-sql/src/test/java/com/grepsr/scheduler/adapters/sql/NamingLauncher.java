package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.domain.task.Task;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A launcher that starts nothing: each launch is named after its task and is seen in one state
 * (running, unless a test wants every launch to have succeeded by the time the reconciler looks).
 */
class NamingLauncher implements CrawlerLauncherPort {

    private final LaunchState seen;

    NamingLauncher() {
        this(LaunchState.RUNNING);
    }

    NamingLauncher(LaunchState seen) {
        this.seen = seen;
    }

    @Override
    public String launch(Task task, CrawlerCatalogPort.CrawlerSpec crawler) {
        return "job-" + task.id().value();
    }

    @Override
    public void stop(String launchName) {
    }

    @Override
    public Map<String, LaunchState> inspect(Collection<String> launchNames) {
        return launchNames.stream().collect(Collectors.toMap(Function.identity(), n -> seen));
    }
}
