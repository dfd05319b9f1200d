package com.grepsr.scheduler.adapters.grpc.isolation;

import com.grepsr.scheduler.adapters.grpc.GrpcTestKit;
import com.grepsr.scheduler.adapters.grpc.v1.AddToTaskQueueRequest;
import com.grepsr.scheduler.adapters.grpc.v1.MisfirePolicy;
import com.grepsr.scheduler.adapters.grpc.v1.MisfirePolicyKind;
import com.grepsr.scheduler.adapters.grpc.v1.MultiProcessRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.MultiProcessRunResponse;
import com.grepsr.scheduler.adapters.grpc.v1.OneTimeRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.OneTimeTestRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.ReportRef;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.SchedulerServiceBlockingStub;
import com.grepsr.scheduler.adapters.grpc.v1.StopScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.Task;
import com.grepsr.scheduler.adapters.grpc.v1.TaskStatus;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateTaskHistoryRequest;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateTaskHistoryResponse;

import java.util.List;

/**
 * One account's data in an {@link IsolationWorld}, made through the API with the account's own
 * token: what a user of the platform would have. The ids are what another account's token tries
 * to reach.
 *
 * @param report         the account's report (its account, project, report id and service code)
 * @param schedule       an ACTIVE hourly schedule of the report, with missed, dispatched and pending runs
 * @param pausedSchedule a PAUSED schedule of the report
 * @param manualTask     a RUNNING manual task with a crawler report in its history
 * @param manualJob      the manual task's launch (Kubernetes job) name
 * @param finishedTask   a SUCCEEDED manual task
 * @param testTask       a test run's task
 * @param parentTask     a RUNNING multi-process parent: one child launched, one QUEUED, one work item queued
 * @param childTasks     the parent's children
 * @param historySequence the sequence of the manual task's crawler report
 */
record AccountData(ReportRef report, String schedule, String pausedSchedule, String manualTask, String manualJob,
                   String finishedTask, String testTask, String parentTask, List<String> childTasks,
                   long historySequence) {

    String account() {
        return report.getAccountId();
    }

    /** Parameter values, names and payloads the account's data carries, for leak checks. */
    List<String> tags() {
        String a = account();
        return List.of(a + " hourly", a + " paused", a + "-category", a + "-manual", a + "-work-item", a + " crawling",
                report.getReportId(), report.getProjectId(), a);
    }

    /** Makes the account's data with its own token {@code as}. */
    static AccountData seed(SchedulerServiceBlockingStub as, ReportRef report) {
        String a = report.getAccountId();
        String schedule = as.schedule(schedule(report, a + " hourly")).getSchedule().getScheduleId();
        String paused = as.schedule(schedule(report, a + " paused")).getSchedule().getScheduleId();
        as.stopSchedule(StopScheduleRequest.newBuilder().setScheduleId(paused).build());

        Task manual = runNow(as, report);
        long sequence = crawlerReport(as, manual.getTaskId(), TaskStatus.TASK_STATUS_RUNNING, a).getEntry()
                .getSequence();
        Task finished = runNow(as, report);
        crawlerReport(as, finished.getTaskId(), TaskStatus.TASK_STATUS_RUNNING, a);
        crawlerReport(as, finished.getTaskId(), TaskStatus.TASK_STATUS_SUCCEEDED, a);
        Task test = as.oneTimeTestRun(OneTimeTestRunRequest.newBuilder().setReport(report).setRowLimit(10).build())
                .getTask();

        // parallelism 1 of 2 children: one runs, one waits, and the queued work item waits too
        MultiProcessRunResponse multi = as.multiProcessRun(MultiProcessRunRequest.newBuilder().setReport(report)
                .setProcessors(2).setParallelism(1).build());
        String parent = multi.getParent().getTaskId();
        as.addToTaskQueue(AddToTaskQueueRequest.newBuilder().setParentTaskId(parent).addPayloads(a + "-work-item")
                .build());
        return new AccountData(report, schedule, paused, manual.getTaskId(), manual.getLaunchName(),
                finished.getTaskId(), test.getTaskId(), parent, multi.getChildTaskIdsList(), sequence);
    }

    private static ScheduleRequest schedule(ReportRef report, String name) {
        return ScheduleRequest.newBuilder().setName(name).setReport(report).setTiming(GrpcTestKit.hourly())
                .setMisfirePolicy(MisfirePolicy.newBuilder().setKind(MisfirePolicyKind.MISFIRE_POLICY_KIND_SKIP))
                .putParameters("category", report.getAccountId() + "-category").build();
    }

    private static Task runNow(SchedulerServiceBlockingStub as, ReportRef report) {
        return as.oneTimeRun(OneTimeRunRequest.newBuilder().setReport(report)
                .putParameters("category", report.getAccountId() + "-manual").build()).getTask();
    }

    private static UpdateTaskHistoryResponse crawlerReport(SchedulerServiceBlockingStub as, String task,
                                                           TaskStatus status, String account) {
        return as.updateTaskHistory(UpdateTaskHistoryRequest.newBuilder().setTaskId(task).setStatus(status)
                .setProgress(10).setMessage(account + " crawling").build());
    }
}
