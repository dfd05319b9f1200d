package com.grepsr.scheduler.bootstrap.fuzz;

import com.grepsr.scheduler.adapters.grpc.v1.GetActiveTasksV2Request;
import com.grepsr.scheduler.adapters.grpc.v1.GetAllSchedulesRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetScheduledTasksRequest;
import com.grepsr.scheduler.adapters.grpc.v1.MultiProcessRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.OneTimeRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.OneTimeTestRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.ReportRef;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.SchedulerServiceBlockingStub;
import com.grepsr.scheduler.adapters.grpc.v1.StopScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.Task;
import com.grepsr.scheduler.adapters.grpc.v1.TaskStatus;
import com.grepsr.scheduler.adapters.grpc.v1.Timing;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateTaskHistoryRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Objects that exist before the fuzzing starts — schedules (active, paused, deleted; two
 * accounts), manual, test, multi-process and finished tasks, materialized runs, history entries
 * and real page tokens — so fuzzed requests name real things, not only NOT_FOUND ones.
 */
record SeededIds(List<String> schedules, List<String> tasks, List<String> parents, List<String> runs,
                 List<String> jobNames, List<Long> sequences, List<String> pageTokens) {

    static final List<String> ACCOUNTS = List.of("acme", "globex");
    static final List<String> REPORTS = List.of("report-a1", "report-a2", "report-g1");
    static final List<String> PROJECTS = List.of("proj-a", "proj-g");

    static ReportRef report(String reportId) {
        boolean acme = reportId.startsWith("report-a");
        return ReportRef.newBuilder().setReportId(reportId).setProjectId(acme ? "proj-a" : "proj-g")
                .setAccountId(acme ? "acme" : "globex").setServiceCode("demo").build();
    }

    /** Creates the objects through the API, as clients would, and materializes the next runs. */
    static SeededIds plant(FuzzWorld world) {
        SchedulerServiceBlockingStub acme = world.stub(FuzzWorld.ACME);
        SchedulerServiceBlockingStub globex = world.stub(FuzzWorld.GLOBEX);
        SchedulerServiceBlockingStub admin = world.stub(FuzzWorld.ADMIN);
        List<String> schedules = new ArrayList<>();
        Timing hourly = Timing.newBuilder().setZone("Europe/London").setStart("2026-01-01T00:30")
                .setFixedInterval(com.google.protobuf.Duration.newBuilder().setSeconds(3600)).build();
        Timing weekdays = Timing.newBuilder().setZone("America/New_York").setCron("0 9 * * MON-FRI").build();
        schedules.add(acme.schedule(ScheduleRequest.newBuilder().setName("hourly").setReport(report("report-a1"))
                .setTiming(hourly).build()).getSchedule().getScheduleId());
        schedules.add(acme.schedule(ScheduleRequest.newBuilder().setName("weekdays").setReport(report("report-a2"))
                .setTiming(weekdays).putParameters("category", "shoes").build()).getSchedule().getScheduleId());
        schedules.add(globex.schedule(ScheduleRequest.newBuilder().setName("globex").setReport(report("report-g1"))
                .setTiming(weekdays).build()).getSchedule().getScheduleId());
        String paused = acme.schedule(ScheduleRequest.newBuilder().setName("paused").setReport(report("report-a1"))
                .setTiming(hourly).build()).getSchedule().getScheduleId();
        acme.stopSchedule(StopScheduleRequest.newBuilder().setScheduleId(paused).build());
        String deleted = acme.schedule(ScheduleRequest.newBuilder().setName("deleted").setReport(report("report-a2"))
                .setTiming(hourly).build()).getSchedule().getScheduleId();
        acme.stopSchedule(StopScheduleRequest.newBuilder().setScheduleId(deleted).setDelete(true).build());
        schedules.add(paused);
        schedules.add(deleted);
        world.component.core().calculator().tick(Instant.now());

        List<Task> tasks = new ArrayList<>();
        tasks.add(acme.oneTimeRun(OneTimeRunRequest.newBuilder().setReport(report("report-a1")).build()).getTask());
        tasks.add(acme.oneTimeTestRun(OneTimeTestRunRequest.newBuilder().setReport(report("report-a2"))
                .setRowLimit(10).build()).getTask());
        tasks.add(globex.oneTimeRun(OneTimeRunRequest.newBuilder().setReport(report("report-g1")).build()).getTask());
        Task finished = acme.oneTimeRun(OneTimeRunRequest.newBuilder().setReport(report("report-a2")).build()).getTask();
        List<Long> sequences = new ArrayList<>();
        sequences.add(acme.updateTaskHistory(UpdateTaskHistoryRequest.newBuilder().setTaskId(finished.getTaskId())
                .setStatus(TaskStatus.TASK_STATUS_RUNNING).setProgress(50).build()).getEntry().getSequence());
        sequences.add(acme.updateTaskHistory(UpdateTaskHistoryRequest.newBuilder().setTaskId(finished.getTaskId())
                .setStatus(TaskStatus.TASK_STATUS_SUCCEEDED).build()).getEntry().getSequence());
        tasks.add(finished);
        var multi = acme.multiProcessRun(MultiProcessRunRequest.newBuilder().setReport(report("report-a1"))
                .setProcessors(3).setParallelism(1).build());
        tasks.add(multi.getParent());
        List<String> taskIds = new ArrayList<>(tasks.stream().map(Task::getTaskId).toList());
        taskIds.addAll(multi.getChildTaskIdsList());

        List<String> runs = admin.getScheduledTasks(GetScheduledTasksRequest.newBuilder().setPageSize(20).build())
                .getRunsList().stream().map(r -> r.getScheduledRunId()).toList();
        List<String> tokens = new ArrayList<>();
        tokens.add(admin.getAllSchedules(GetAllSchedulesRequest.newBuilder().setPageSize(1).build()).getNextPageToken());
        tokens.add(admin.getActiveTasksV2(GetActiveTasksV2Request.newBuilder().setPageSize(1).build())
                .getNextPageToken());
        tokens.add(admin.getScheduledTasks(GetScheduledTasksRequest.newBuilder().setPageSize(1).build())
                .getNextPageToken());
        tokens.removeIf(String::isEmpty);
        return new SeededIds(List.copyOf(schedules), List.copyOf(taskIds), List.of(multi.getParent().getTaskId()),
                runs, tasks.stream().map(Task::getLaunchName).filter(n -> !n.isEmpty()).toList(),
                List.copyOf(sequences), List.copyOf(tokens));
    }
}
