package com.grepsr.scheduler.adapters.k8s;

import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort.LaunchState;

/**
 * A scheduler Job changed (added, updated, resynced or deleted), as the status informer saw it.
 *
 * @param taskId     the task, read from the Job's task-id annotation (never parsed from its name)
 * @param launchName the Job's name, as {@code launch} returned it
 * @param state      its state now; NOT_FOUND once deleted
 */
public record JobChange(String taskId, String launchName, LaunchState state) {
}
