package com.grepsr.scheduler.adapters.k8s;

import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort.LaunchState;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;

import java.util.List;

/**
 * What a Job's status says about its crawler, as the launcher port's {@link LaunchState}.
 * Terminal conditions win over pod counts, because the counts lag while pods terminate.
 */
final class JobStates {

    private JobStates() {
    }

    static LaunchState of(Job job) {
        JobStatus status = job.getStatus();
        if (status == null) {
            return LaunchState.PENDING;
        }
        List<JobCondition> conditions = status.getConditions() == null ? List.of() : status.getConditions();
        for (JobCondition c : conditions) {
            if (!"True".equals(c.getStatus())) {
                continue;
            }
            switch (c.getType()) {
                // SuccessCriteriaMet / FailureTarget (Kubernetes 1.31+) come before Complete / Failed
                // while the pods terminate; the outcome is already decided then
                case "Complete", "SuccessCriteriaMet" -> {
                    return LaunchState.SUCCEEDED;
                }
                case "Failed", "FailureTarget" -> {
                    return "DeadlineExceeded".equals(c.getReason()) ? LaunchState.DEADLINE_EXCEEDED : LaunchState.FAILED;
                }
                default -> { }
            }
        }
        if (positive(status.getSucceeded())) {
            return LaunchState.SUCCEEDED;
        }
        if (positive(status.getActive())) {
            // a pod exists; it runs once it is ready (a crawler has no readiness probe, so ready
            // means started). Clusters that do not report `ready` (before 1.24) count active as running.
            return status.getReady() == null || positive(status.getReady()) ? LaunchState.RUNNING : LaunchState.PENDING;
        }
        return LaunchState.PENDING;
    }

    private static boolean positive(Integer n) {
        return n != null && n > 0;
    }
}
