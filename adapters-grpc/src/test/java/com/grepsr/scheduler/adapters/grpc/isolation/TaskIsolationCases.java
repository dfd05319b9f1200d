package com.grepsr.scheduler.adapters.grpc.isolation;

import com.google.protobuf.Timestamp;
import com.grepsr.scheduler.adapters.grpc.GrpcTestKit;
import com.grepsr.scheduler.adapters.grpc.v1.GetActiveTasksV2Request;
import com.grepsr.scheduler.adapters.grpc.v1.GetCompletedTasksRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetStatsRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskHistoryBySchedulerIdRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskHistoryInfoRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskInfoRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskStatusRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetTasksStatusRequest;
import com.grepsr.scheduler.adapters.grpc.v1.Task;
import com.grepsr.scheduler.adapters.grpc.v1.TaskHistoryEntry;
import com.grepsr.scheduler.adapters.grpc.v1.TaskHistoryUpdate;
import com.grepsr.scheduler.adapters.grpc.v1.TaskStatus;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateAllTaskHistoryByStatusRequest;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateMetaByJobRequest;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateOutcome;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateTaskHistoryByBatchRequest;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateTaskHistoryRequest;

import java.time.Duration;
import java.util.List;

import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getGetActiveTasksV2Method;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getGetCompletedTasksMethod;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getGetStatsMethod;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getGetTaskHistoryBySchedulerIdMethod;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getGetTaskHistoryInfoMethod;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getGetTaskInfoMethod;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getGetTaskStatusMethod;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getGetTasksStatusMethod;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getUpdateAllTaskHistoryByStatusMethod;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getUpdateMetaByJobMethod;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getUpdateTaskHistoryByBatchMethod;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getUpdateTaskHistoryMethod;
import static org.assertj.core.api.Assertions.assertThat;

/** Task reads, lists and statistics, and the task history: crawler reports, bulk moves, reads. */
final class TaskIsolationCases {

    /** A day either side of the world's start: every task the world made finished in it. */
    private static final Timestamp FROM = GrpcTestKit.at(GrpcTestKit.T0.minus(Duration.ofDays(1)));
    private static final Timestamp TO = GrpcTestKit.at(GrpcTestKit.T0.plus(Duration.ofDays(1)));

    private TaskIsolationCases() {
    }

    static List<IsolationCase> all() {
        return List.of(
                IsolationCase.of(getGetTaskStatusMethod())
                        .own(w -> status(w.acme.manualTask()), (w, r) -> assertThat(r.getStatus().getStatus())
                                .isEqualTo(TaskStatus.TASK_STATUS_RUNNING))
                        .denied("B's manual task", w -> status(w.globex.manualTask()))
                        .denied("B's scheduled task", w -> status(w.scheduledTaskOf(w.globex)))
                        .denied("B's child task", w -> status(w.globex.childTasks().get(0)))
                        .build(),
                IsolationCase.of(getGetTasksStatusMethod())
                        .own(w -> statuses(w.acme.manualTask(), w.acme.finishedTask()),
                                (w, r) -> assertThat(r.getStatusesCount()).isEqualTo(2))
                        .denied("B's task", w -> statuses(w.globex.manualTask()))
                        .denied("A's task among B's", w -> statuses(w.acme.manualTask(), w.globex.finishedTask()))
                        .build(),
                IsolationCase.of(getGetTaskInfoMethod())
                        .own(w -> info(w.acme.parentTask()), (w, r) -> assertThat(r.getChildren().getTotal()).isEqualTo(2))
                        .denied("B's parent", w -> info(w.globex.parentTask()))
                        .denied("B's test task", w -> info(w.globex.testTask()))
                        .build(),
                IsolationCase.of(getGetActiveTasksV2Method())
                        .own(w -> GetActiveTasksV2Request.getDefaultInstance(), (w, r) -> assertThat(r.getTasksList())
                                .extracting(Task::getTaskId).contains(w.acme.manualTask(), w.acme.parentTask())
                                .doesNotContain(w.acme.finishedTask()))
                        .denied("B's account", w -> GetActiveTasksV2Request.newBuilder().setAccountId("globex").build())
                        .hidden("B's report", w -> GetActiveTasksV2Request.newBuilder().setReportId("globex-report")
                                .build(), (w, r) -> assertThat(r.getTasksList()).isEmpty())
                        .hidden("B's schedule", w -> GetActiveTasksV2Request.newBuilder()
                                .setScheduleId(w.globex.schedule()).build(), (w, r) -> assertThat(r.getTasksList()).isEmpty())
                        .hidden("a page token from B's own listing", w -> GetActiveTasksV2Request.newBuilder()
                                .setPageSize(3).setPageToken(w.kit.globex().getActiveTasksV2(GetActiveTasksV2Request
                                        .newBuilder().setPageSize(1).build()).getNextPageToken()).build(),
                                (w, r) -> assertThat(r.getTasksList()).isNotEmpty()
                                        .allSatisfy(t -> assertThat(t.getReport().getAccountId()).isEqualTo("acme")))
                        .build(),
                IsolationCase.of(getGetCompletedTasksMethod())
                        .own(w -> completed().build(), (w, r) -> assertThat(r.getTasksList()).extracting(Task::getTaskId)
                                .containsExactly(w.acme.finishedTask()))
                        .denied("B's account", w -> completed().setAccountId("globex").build())
                        .hidden("B's report", w -> completed().setReportId("globex-report").build(),
                                (w, r) -> assertThat(r.getTasksList()).isEmpty())
                        .build(),
                IsolationCase.of(getGetStatsMethod())
                        .own(w -> stats().build(), (w, r) -> assertThat(r.getTotal()).isPositive())
                        .denied("B's account", w -> stats().setAccountId("globex").build())
                        .hidden("B's report", w -> stats().setReportId("globex-report").build(),
                                (w, r) -> assertThat(r.getTotal()).isZero())
                        .hidden("B's schedule", w -> stats().setScheduleId(w.globex.schedule()).build(),
                                (w, r) -> assertThat(r.getTotal()).isZero())
                        .build(),
                IsolationCase.of(getUpdateTaskHistoryMethod())
                        .own(w -> progress(w.acme.manualTask()), (w, r) -> assertThat(r.getTask().getProgress()).isEqualTo(50))
                        .denied("B's manual task", w -> progress(w.globex.manualTask()))
                        .denied("B's child task", w -> progress(w.globex.childTasks().get(0)))
                        .denied("failing B's scheduled task", w -> progress(w.scheduledTaskOf(w.globex)).toBuilder()
                                .setStatus(TaskStatus.TASK_STATUS_FAILED).build())
                        .build(),
                IsolationCase.of(getUpdateMetaByJobMethod())
                        .own(w -> byJob(w.acme.manualJob()), (w, r) -> assertThat(r.getTask().getProgress()).isEqualTo(50))
                        .denied("B's job", w -> byJob(w.globex.manualJob()))
                        .build(),
                IsolationCase.of(getUpdateTaskHistoryByBatchMethod())
                        .own(w -> batch(w.acme.manualTask()), (w, r) -> assertThat(r.getUpdated()).isEqualTo(1))
                        .hidden("an item for B's task is refused on its own", w -> batch(w.globex.manualTask()),
                                (w, r) -> {
                                    assertThat(r.getUpdated()).isZero();
                                    assertThat(r.getResults(0).getOutcome()).isEqualTo(UpdateOutcome.UPDATE_OUTCOME_ACCESS_DENIED);
                                })
                        .build(),
                IsolationCase.of(getUpdateAllTaskHistoryByStatusMethod())
                        .adminOnly(w -> failRunning().setAccountId("globex").build(),
                                (w, r) -> assertThat(r.getMoved()).isPositive())
                        .denied("failing B's running tasks", w -> failRunning().setAccountId("globex").build())
                        .denied("failing A's own running tasks", w -> failRunning().setAccountId("acme").build())
                        .denied("failing everyone's running tasks", w -> failRunning().build())
                        .build(),
                IsolationCase.of(getGetTaskHistoryBySchedulerIdMethod())
                        .own(w -> historyOf(w.acme.schedule()), (w, r) -> assertThat(r.getEntriesList()).isNotEmpty()
                                .extracting(TaskHistoryEntry::getTaskId).containsOnly(w.scheduledTaskOf(w.acme)))
                        .denied("B's schedule", w -> historyOf(w.globex.schedule()))
                        .build(),
                IsolationCase.of(getGetTaskHistoryInfoMethod())
                        .own(w -> entry(w.acme.historySequence()),
                                (w, r) -> assertThat(r.getEntry().getTaskId()).isEqualTo(w.acme.manualTask()))
                        .denied("B's crawler report", w -> entry(w.globex.historySequence()))
                        .build());
    }

    private static GetTaskStatusRequest status(String task) {
        return GetTaskStatusRequest.newBuilder().setTaskId(task).build();
    }

    private static GetTasksStatusRequest statuses(String... tasks) {
        return GetTasksStatusRequest.newBuilder().addAllTaskIds(List.of(tasks)).build();
    }

    private static GetTaskInfoRequest info(String task) {
        return GetTaskInfoRequest.newBuilder().setTaskId(task).build();
    }

    private static GetCompletedTasksRequest.Builder completed() {
        return GetCompletedTasksRequest.newBuilder().setFrom(FROM).setTo(TO);
    }

    private static GetStatsRequest.Builder stats() {
        return GetStatsRequest.newBuilder().setFrom(FROM).setTo(TO);
    }

    private static UpdateTaskHistoryRequest progress(String task) {
        return UpdateTaskHistoryRequest.newBuilder().setTaskId(task).setProgress(50).setMessage("half way").build();
    }

    private static UpdateMetaByJobRequest byJob(String job) {
        return UpdateMetaByJobRequest.newBuilder().setJobName(job).setProgress(50).build();
    }

    private static UpdateTaskHistoryByBatchRequest batch(String task) {
        return UpdateTaskHistoryByBatchRequest.newBuilder().addItems(TaskHistoryUpdate.newBuilder().setTaskId(task)
                .setProgress(60)).build();
    }

    private static UpdateAllTaskHistoryByStatusRequest.Builder failRunning() {
        return UpdateAllTaskHistoryByStatusRequest.newBuilder().setFromStatus(TaskStatus.TASK_STATUS_RUNNING)
                .setToStatus(TaskStatus.TASK_STATUS_FAILED);
    }

    private static GetTaskHistoryBySchedulerIdRequest historyOf(String schedule) {
        return GetTaskHistoryBySchedulerIdRequest.newBuilder().setScheduleId(schedule).build();
    }

    private static GetTaskHistoryInfoRequest entry(long sequence) {
        return GetTaskHistoryInfoRequest.newBuilder().setSequence(sequence).build();
    }
}
