package com.grepsr.scheduler.examples.client;

import com.google.common.util.concurrent.ListenableFuture;
import com.grepsr.scheduler.adapters.grpc.v1.GetScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetScheduleResponse;
import com.grepsr.scheduler.adapters.grpc.v1.ReportRef;
import com.grepsr.scheduler.adapters.grpc.v1.Schedule;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.Timing;
import com.grepsr.scheduler.client.SchedulerClient;

import java.util.Objects;
import java.util.UUID;

/**
 * Example 1: an app that calls the scheduler service through the client library (and nothing
 * else of the scheduler's). It schedules a report every night at 02:00 in the report's zone, and
 * reads a schedule back without blocking.
 */
public final class ReportSchedules {

    private final SchedulerClient scheduler;

    public ReportSchedules(SchedulerClient scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /**
     * Creates the nightly schedule of a report. The request id makes a retry (the app's, after an
     * answer that never came) return the first call's schedule instead of creating a second one.
     */
    public Schedule scheduleNightly(String accountId, String projectId, String reportId, String zone) {
        ScheduleRequest request = ScheduleRequest.newBuilder()
                .setName("nightly " + reportId)
                .setReport(ReportRef.newBuilder().setAccountId(accountId).setProjectId(projectId)
                        .setReportId(reportId).setServiceCode("amazon-products"))
                .setTiming(Timing.newBuilder().setZone(zone).setCron("0 2 * * *"))
                .setRequestId(UUID.randomUUID().toString())
                .build();
        return scheduler.blocking().schedule(request).getSchedule();
    }

    /** Reads a schedule with the future stub: the app's thread goes on while the call is in flight. */
    public ListenableFuture<GetScheduleResponse> find(String scheduleId) {
        return scheduler.future().getSchedule(GetScheduleRequest.newBuilder().setScheduleId(scheduleId).build());
    }
}
