package com.grepsr.scheduler.adapters.k8s;

import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort.LaunchState;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobStatesTest {

    private static Job withStatus(JobStatus status) {
        return new JobBuilder().withNewMetadata().withName("crawl-x").endMetadata().withStatus(status).build();
    }

    @Test
    void a_job_without_status_or_pods_is_pending() {
        assertThat(JobStates.of(withStatus(null))).isEqualTo(LaunchState.PENDING);
        assertThat(JobStates.of(withStatus(new JobStatus()))).isEqualTo(LaunchState.PENDING);
    }

    @Test
    void an_active_pod_not_yet_ready_is_pending_and_a_ready_one_is_running() {
        assertThat(JobStates.of(withStatus(new JobStatusBuilder().withActive(1).withReady(0).build())))
                .isEqualTo(LaunchState.PENDING);
        assertThat(JobStates.of(withStatus(new JobStatusBuilder().withActive(1).withReady(1).build())))
                .isEqualTo(LaunchState.RUNNING);
    }

    @Test
    void an_active_pod_on_a_cluster_that_does_not_count_ready_pods_is_running() {
        assertThat(JobStates.of(withStatus(new JobStatusBuilder().withActive(1).build()))).isEqualTo(LaunchState.RUNNING);
    }

    @Test
    void complete_or_success_criteria_met_is_succeeded() {
        assertThat(JobStates.of(withStatus(condition("Complete", null)))).isEqualTo(LaunchState.SUCCEEDED);
        assertThat(JobStates.of(withStatus(condition("SuccessCriteriaMet", null)))).isEqualTo(LaunchState.SUCCEEDED);
        assertThat(JobStates.of(withStatus(new JobStatusBuilder().withSucceeded(1).build()))).isEqualTo(LaunchState.SUCCEEDED);
    }

    @Test
    void failed_for_the_deadline_is_deadline_exceeded_and_any_other_failure_is_failed() {
        assertThat(JobStates.of(withStatus(condition("Failed", "DeadlineExceeded")))).isEqualTo(LaunchState.DEADLINE_EXCEEDED);
        assertThat(JobStates.of(withStatus(condition("FailureTarget", "DeadlineExceeded")))).isEqualTo(LaunchState.DEADLINE_EXCEEDED);
        assertThat(JobStates.of(withStatus(condition("Failed", "BackoffLimitExceeded")))).isEqualTo(LaunchState.FAILED);
    }

    @Test
    void a_terminal_condition_wins_over_pods_still_counted_active() {
        JobStatus s = new JobStatusBuilder(condition("Failed", "DeadlineExceeded")).withActive(1).withReady(1).build();
        assertThat(JobStates.of(withStatus(s))).isEqualTo(LaunchState.DEADLINE_EXCEEDED);
    }

    @Test
    void conditions_that_are_not_true_are_ignored() {
        JobStatus s = new JobStatusBuilder().addNewCondition().withType("Failed").withStatus("False").endCondition()
                .withActive(1).withReady(1).build();
        assertThat(JobStates.of(withStatus(s))).isEqualTo(LaunchState.RUNNING);
    }

    static JobStatus condition(String type, String reason) {
        return new JobStatusBuilder().addNewCondition().withType(type).withStatus("True").withReason(reason).endCondition()
                .build();
    }
}
