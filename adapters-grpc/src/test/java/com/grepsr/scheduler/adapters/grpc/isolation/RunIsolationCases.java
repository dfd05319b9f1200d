package com.grepsr.scheduler.adapters.grpc.isolation;

import com.grepsr.scheduler.adapters.grpc.v1.AddToTaskQueueRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetAllMissedRunsRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetChildTasksRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetMissedScheduleRunsRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetScheduledTasksRequest;
import com.grepsr.scheduler.adapters.grpc.v1.MultiProcessRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.OneTimeRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.OneTimeTestRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.ReportRef;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduledRun;
import com.grepsr.scheduler.adapters.grpc.v1.StopChildTasksRequest;
import com.grepsr.scheduler.adapters.grpc.v1.StopRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.StopTaskRequest;
import com.grepsr.scheduler.adapters.grpc.v1.Task;
import com.grepsr.scheduler.adapters.grpc.v1.TaskStatus;

import java.util.List;

import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getAddToTaskQueueMethod;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getGetAllMissedRunsMethod;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getGetChildTasksMethod;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getGetMissedScheduleRunsMethod;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getGetScheduledTasksMethod;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getMultiProcessRunMethod;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getOneTimeRunMethod;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getOneTimeTestRunMethod;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getStopChildTasksMethod;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getStopRunMethod;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getStopTaskMethod;
import static org.assertj.core.api.Assertions.assertThat;

/** Starting and stopping work, multi-process parents and their queues, and the materialized runs. */
final class RunIsolationCases {

    private RunIsolationCases() {
    }

    static List<IsolationCase> all() {
        return List.of(
                IsolationCase.of(getOneTimeRunMethod())
                        .own(w -> runNow(w.acme.report()),
                                (w, r) -> assertThat(r.getTask().getReport().getAccountId()).isEqualTo("acme"))
                        .denied("a run of B's report", w -> runNow(w.globex.report()))
                        .denied("a run of A's report with B's schedule's parameters", w -> runNow(w.acme.report())
                                .toBuilder().setScheduleId(w.globex.schedule()).build())
                        .denied("firing B's pending run (the processor's call)", w -> runNow(w.globex.report())
                                .toBuilder().setScheduleId(w.globex.schedule()).setScheduledRunId(w.pendingRunOf(w.globex))
                                .build())
                        .denied("firing even A's own pending run early (admin only: the processor's job)",
                                w -> runNow(w.acme.report()).toBuilder().setScheduleId(w.acme.schedule())
                                        .setScheduledRunId(w.pendingRunOf(w.acme)).build())
                        .build(),
                IsolationCase.of(getOneTimeTestRunMethod())
                        .own(w -> OneTimeTestRunRequest.newBuilder().setReport(w.acme.report()).build(),
                                (w, r) -> assertThat(r.getTask().getReport().getAccountId()).isEqualTo("acme"))
                        .denied("a test run of B's report", w -> OneTimeTestRunRequest.newBuilder()
                                .setReport(w.globex.report()).build())
                        .build(),
                IsolationCase.of(getMultiProcessRunMethod())
                        .own(w -> multi(w.acme.report()), (w, r) -> assertThat(r.getChildTaskIdsList()).hasSize(2))
                        .denied("a multi-process run of B's report", w -> multi(w.globex.report()))
                        .build(),
                IsolationCase.of(getAddToTaskQueueMethod())
                        .own(w -> enqueue(w.acme.parentTask()), (w, r) -> assertThat(r.getAdded()).isEqualTo(1))
                        .denied("work for B's parent", w -> enqueue(w.globex.parentTask()))
                        .denied("work for B's child", w -> enqueue(w.globex.childTasks().get(0)))
                        .build(),
                IsolationCase.of(getStopRunMethod())
                        .own(w -> StopRunRequest.newBuilder().setReportId("acme-report").build(),
                                (w, r) -> assertThat(r.getStoppedTaskIdsList()).contains(w.acme.manualTask(),
                                        w.acme.parentTask()))
                        .hidden("stopping B's report", w -> StopRunRequest.newBuilder().setReportId("globex-report")
                                .build(), (w, r) -> assertThat(r.getStoppedTaskIdsList()).isEmpty())
                        .build(),
                IsolationCase.of(getStopTaskMethod())
                        .own(w -> stopTask(w.acme.manualTask()),
                                (w, r) -> assertThat(r.getTask().getStatus()).isEqualTo(TaskStatus.TASK_STATUS_STOPPED))
                        .denied("B's manual task", w -> stopTask(w.globex.manualTask()))
                        .denied("B's scheduled task", w -> stopTask(w.scheduledTaskOf(w.globex)))
                        .denied("B's parent", w -> stopTask(w.globex.parentTask()))
                        .denied("B's child", w -> stopTask(w.globex.childTasks().get(0)))
                        .build(),
                IsolationCase.of(getStopChildTasksMethod())
                        .own(w -> StopChildTasksRequest.newBuilder().setParentTaskId(w.acme.parentTask()).build(),
                                (w, r) -> assertThat(r.getDroppedWorkItems()).isEqualTo(1))
                        .denied("B's parent", w -> StopChildTasksRequest.newBuilder()
                                .setParentTaskId(w.globex.parentTask()).build())
                        .build(),
                IsolationCase.of(getGetChildTasksMethod())
                        .own(w -> children(w.acme.parentTask()), (w, r) -> assertThat(r.getTasksList())
                                .extracting(Task::getTaskId).containsExactlyInAnyOrderElementsOf(w.acme.childTasks()))
                        .denied("B's parent", w -> children(w.globex.parentTask()))
                        .build(),
                IsolationCase.of(getGetScheduledTasksMethod())
                        .own(w -> GetScheduledTasksRequest.getDefaultInstance(), (w, r) -> assertThat(r.getRunsList())
                                .isNotEmpty().extracting(ScheduledRun::getScheduleId).containsOnly(w.acme.schedule()))
                        .denied("B's schedule", w -> GetScheduledTasksRequest.newBuilder()
                                .setScheduleId(w.globex.schedule()).build())
                        .denied("B's account", w -> GetScheduledTasksRequest.newBuilder().setAccountId("globex").build())
                        .hidden("B's report", w -> GetScheduledTasksRequest.newBuilder().setReportId("globex-report")
                                .build(), (w, r) -> assertThat(r.getRunsList()).isEmpty())
                        .build(),
                IsolationCase.of(getGetMissedScheduleRunsMethod())
                        .own(w -> missed().setScheduleId(w.acme.schedule()).build(),
                                (w, r) -> assertThat(r.getRunsList()).hasSize(2))
                        .denied("B's schedule", w -> missed().setScheduleId(w.globex.schedule()).build())
                        .denied("B's account and report", w -> missed().setReportId("globex-report")
                                .setAccountId("globex").build())
                        .hidden("B's report", w -> missed().setReportId("globex-report").build(),
                                (w, r) -> assertThat(r.getRunsList()).isEmpty())
                        .build(),
                IsolationCase.of(getGetAllMissedRunsMethod())
                        .adminOnly(w -> GetAllMissedRunsRequest.newBuilder().setAccountId("globex").build(),
                                (w, r) -> assertThat(r.getRunsList()).hasSize(2))
                        .denied("B's missed runs", w -> GetAllMissedRunsRequest.newBuilder().setAccountId("globex")
                                .build())
                        .denied("A's own missed runs", w -> GetAllMissedRunsRequest.newBuilder().setAccountId("acme")
                                .build())
                        .denied("everyone's missed runs", w -> GetAllMissedRunsRequest.getDefaultInstance())
                        .build());
    }

    private static OneTimeRunRequest runNow(ReportRef report) {
        return OneTimeRunRequest.newBuilder().setReport(report).build();
    }

    private static MultiProcessRunRequest multi(ReportRef report) {
        return MultiProcessRunRequest.newBuilder().setReport(report).setProcessors(2).setParallelism(1).build();
    }

    private static AddToTaskQueueRequest enqueue(String parent) {
        return AddToTaskQueueRequest.newBuilder().setParentTaskId(parent).addPayloads("more work").build();
    }

    private static StopTaskRequest stopTask(String task) {
        return StopTaskRequest.newBuilder().setTaskId(task).build();
    }

    private static GetChildTasksRequest children(String parent) {
        return GetChildTasksRequest.newBuilder().setParentTaskId(parent).build();
    }

    private static GetMissedScheduleRunsRequest.Builder missed() {
        return GetMissedScheduleRunsRequest.newBuilder();
    }
}
