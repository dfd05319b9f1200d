package com.grepsr.scheduler.bootstrap.observe;

import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wraps the crawler launcher: logs each launch with its task, schedule and report ids, each stop,
 * and each change of a launch's observed state (the reconciler polls, so a change is logged once,
 * not every tick); counts launches.
 */
public final class ObservedLauncher implements CrawlerLauncherPort {

    private static final Logger LOG = LoggerFactory.getLogger(ObservedLauncher.class);

    private final CrawlerLauncherPort delegate;
    private final SchedulerMetrics metrics;
    private final Map<String, LaunchState> lastSeen = new ConcurrentHashMap<>();

    public ObservedLauncher(CrawlerLauncherPort delegate, SchedulerMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
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
    public String launch(Task task, CrawlerSpec crawler) {
        try (var t = MDC.putCloseable("task", task.id().value())) {
            String name = delegate.launch(task, crawler);
            metrics.taskLaunched();
            LOG.info("launched task {} of report {} (schedule {}) as {} with image {}", task.id().value(),
                    task.report().reportId().value(), task.scheduleId().map(s -> s.value()).orElse("none"), name,
                    crawler.image());
            return name;
        }
    }

    @Override
    public void stop(String launchName) {
        delegate.stop(launchName);
        lastSeen.remove(launchName);
        LOG.info("stopped launch {}", launchName);
    }

    @Override
    public Map<String, LaunchState> inspect(Collection<String> launchNames) {
        Map<String, LaunchState> states = delegate.inspect(launchNames);
        states.forEach((name, state) -> {
            LaunchState before = lastSeen.put(name, state);
            if (before != state) {
                try (var l = MDC.putCloseable("launch", name)) {
                    LOG.info("launch {} is {}", name, state);
                }
            }
            if (state != LaunchState.PENDING && state != LaunchState.RUNNING) {
                lastSeen.remove(name); // finished: its next state is not news, and the map stays small
            }
        });
        return states;
    }
}
