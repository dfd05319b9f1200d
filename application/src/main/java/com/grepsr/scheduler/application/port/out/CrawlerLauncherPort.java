package com.grepsr.scheduler.application.port.out;

import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs crawlers (in production: a Kubernetes Job per task) and reports how they are doing.
 */
public interface CrawlerLauncherPort {

    /** What the launcher observes of one launch. */
    enum LaunchState {
        /** Created, not started yet (image pulling, pod pending). */
        PENDING,
        RUNNING,
        SUCCEEDED,
        FAILED,
        /** Ran past its deadline and was killed. */
        DEADLINE_EXCEEDED,
        /** The launcher has no such launch (it never existed, or vanished). */
        NOT_FOUND
    }

    /**
     * Starts the crawler for a task and returns the launch's name. Idempotent per task: the name
     * is derived from the task id alone, and launching a task that was launched before finds the
     * existing launch and returns the same name, never starting a second one.
     *
     * @throws LaunchRefusedException when the launch can never succeed (bad spec, forbidden)
     */
    String launch(Task task, CrawlerSpec crawler);

    /**
     * The name {@link #launch} gives (or gave) the task's launch, derived from its id alone; empty
     * when this launcher cannot tell. The processor asks {@link #inspect} with it whether a run
     * whose task a crash rolled back was launched already (docs/crash-safety.md).
     */
    default Optional<String> launchNameOf(TaskId task) {
        return Optional.empty();
    }

    /**
     * Whether the named launch exists, asked of the launcher itself rather than of a cache: the
     * processor asks before it settles a claimed run without firing it, and must not miss a launch
     * a replica made moments before it died, which a watch-fed cache may not have seen yet. Costs
     * one call to the launcher; the default asks {@link #inspect}, right for launchers without a cache.
     */
    default boolean exists(String launchName) {
        return inspect(List.of(launchName)).getOrDefault(launchName, LaunchState.NOT_FOUND) != LaunchState.NOT_FOUND;
    }

    /** Stops a launch; stopping one that is gone or finished is not an error. */
    void stop(String launchName);

    /**
     * The current state of each named launch (every name gets an answer). Cheap enough to call
     * every reconciler tick: implementations answer from a cache fed by a watch.
     */
    Map<String, LaunchState> inspect(Collection<String> launchNames);

    /** A launch that cannot succeed however often it is retried. */
    final class LaunchRefusedException extends RuntimeException {
        public LaunchRefusedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
