package com.grepsr.scheduler.application.crashsafety;

import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Kubernetes stand-in that counts Job creations. Like the k8s launcher, the name comes from the
 * task id alone and creating an existing name adopts it (409 → adopt). Every creation is
 * recorded with the run it serves, so a run launched twice shows up under any name. Crawls run
 * until {@link #endAllCrawls()}. Shared by every replica of a test, as one cluster is.
 */
public final class CountingLauncher implements CrawlerLauncherPort {

    /** One Job creation: its name and the run (or, for a run-less task, the task) it serves. */
    public record Creation(String name, String run) {
    }

    private final Map<String, LaunchState> jobs = new LinkedHashMap<>();
    private final List<Creation> creations = new ArrayList<>();

    @Override
    public synchronized String launch(Task task, CrawlerSpec crawler) {
        String name = launchNameOf(task.id()).orElseThrow();
        if (!jobs.containsKey(name)) {
            jobs.put(name, LaunchState.RUNNING);
            creations.add(new Creation(name, task.scheduledRunId().map(r -> r.value()).orElse(task.id().value())));
        }
        return name;
    }

    @Override
    public Optional<String> launchNameOf(TaskId task) {
        return Optional.of("crawl-" + task.value().toLowerCase(Locale.ROOT));
    }

    @Override
    public synchronized void stop(String launchName) {
        jobs.remove(launchName);
    }

    @Override
    public synchronized Map<String, LaunchState> inspect(Collection<String> launchNames) {
        Map<String, LaunchState> states = new HashMap<>();
        launchNames.forEach(n -> states.put(n, jobs.getOrDefault(n, LaunchState.NOT_FOUND)));
        return states;
    }

    /** Every running crawl succeeds. */
    public synchronized void endAllCrawls() {
        jobs.replaceAll((name, state) -> state == LaunchState.RUNNING ? LaunchState.SUCCEEDED : state);
    }

    public synchronized List<Creation> creations() {
        return List.copyOf(creations);
    }
}
