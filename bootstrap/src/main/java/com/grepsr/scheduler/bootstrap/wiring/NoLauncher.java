package com.grepsr.scheduler.bootstrap.wiring;

import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.domain.task.Task;

import java.util.Collection;
import java.util.Map;

/**
 * The launcher of a process whose roles launch nothing (a lone calculator): every call is a bug in
 * the wiring, so it fails loudly rather than pretending crawlers run.
 */
final class NoLauncher implements CrawlerLauncherPort {

    @Override
    public String launch(Task task, CrawlerSpec crawler) {
        throw new IllegalStateException("this process's roles launch no crawlers (task " + task.id() + ")");
    }

    @Override
    public void stop(String launchName) {
        throw new IllegalStateException("this process's roles stop no crawlers (" + launchName + ")");
    }

    @Override
    public Map<String, LaunchState> inspect(Collection<String> launchNames) {
        throw new IllegalStateException("this process's roles follow no crawlers");
    }
}
