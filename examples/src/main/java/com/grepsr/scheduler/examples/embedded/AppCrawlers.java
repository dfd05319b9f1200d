package com.grepsr.scheduler.examples.embedded;

import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.domain.task.Task;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The app's own launcher: the scheduler hands it each task to crawl; here the app keeps them as
 * jobs of its own and says when one is done ({@link #finish}). A real app would start a process,
 * a container or a thread pool job. Idempotent per task, as the port asks: the launch name is the
 * task id.
 */
public final class AppCrawlers implements CrawlerLauncherPort {

    private final Map<String, LaunchState> jobs = new ConcurrentHashMap<>();

    @Override
    public String launch(Task task, CrawlerSpec crawler) {
        String name = "job-" + task.id().value();
        jobs.putIfAbsent(name, LaunchState.RUNNING);
        return name;
    }

    @Override
    public void stop(String launchName) {
        jobs.remove(launchName);
    }

    @Override
    public Map<String, LaunchState> inspect(Collection<String> launchNames) {
        Map<String, LaunchState> states = new LinkedHashMap<>();
        launchNames.forEach(n -> states.put(n, jobs.getOrDefault(n, LaunchState.NOT_FOUND)));
        return states;
    }

    /** The app's crawl ended well. */
    public void finish(String launchName) {
        jobs.replace(launchName, LaunchState.SUCCEEDED);
    }

    /** What the app is crawling (or crawled) for the scheduler. */
    public List<String> jobs() {
        return List.copyOf(jobs.keySet());
    }
}
