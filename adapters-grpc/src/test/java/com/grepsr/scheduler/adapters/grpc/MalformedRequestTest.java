package com.grepsr.scheduler.adapters.grpc;

import com.grepsr.scheduler.application.port.in.SchedulerUseCases;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import com.grepsr.scheduler.adapters.grpc.v1.GetActiveTasksV2Request;
import com.grepsr.scheduler.adapters.grpc.v1.GetAllMissedRunsRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskStatusRequest;
import com.grepsr.scheduler.adapters.grpc.v1.OneTimeRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.StopScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateTaskHistoryRequest;
import com.grepsr.scheduler.application.port.in.GetTaskStatusUseCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLTransientConnectionException;

import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.acmeHourly;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.acmeReport;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.fails;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.hourly;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.invalid;
import static io.grpc.Status.Code.INTERNAL;
import static io.grpc.Status.Code.UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client can send that no well-behaved client would: each is INVALID_ARGUMENT naming the
 * field — never UNKNOWN or INTERNAL — and the server keeps serving.
 */
class MalformedRequestTest {

    private final GrpcTestKit kit = new GrpcTestKit();

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void a_timestamp_with_nanos_out_of_range_is_invalid() {
        invalid("pause_until", () -> kit.acme().stopSchedule(StopScheduleRequest.newBuilder().setScheduleId("s-1")
                .setPauseUntil(Timestamp.newBuilder().setSeconds(1_800_000_000L).setNanos(2_000_000_000)).build()));
    }

    @Test
    void a_timestamp_beyond_the_year_9999_is_invalid() {
        invalid("from", () -> kit.admin().getAllMissedRuns(GetAllMissedRunsRequest.newBuilder()
                .setFrom(Timestamp.newBuilder().setSeconds(Long.MAX_VALUE)).build()));
    }

    @Test
    void an_unknown_enum_number_is_invalid() {
        var e = invalid("status", () -> kit.acme().updateTaskHistory(UpdateTaskHistoryRequest.newBuilder()
                .setTaskId("t-1").setStatusValue(42).build()));

        assertThat(e.getStatus().getDescription()).contains("42");
        invalid("statuses[1]", () -> kit.acme().getActiveTasksV2(GetActiveTasksV2Request.newBuilder()
                .addStatusesValue(1).addStatusesValue(-7).build()));
        invalid("overlap_policy", () -> kit.acme().schedule(acmeHourly("r-1").setOverlapPolicyValue(99).build()));
    }

    @Test
    void a_duration_whose_parts_disagree_in_sign_is_invalid() {
        invalid("timeout", () -> kit.acme().oneTimeRun(OneTimeRunRequest.newBuilder().setReport(acmeReport("r-1"))
                .setTimeout(Duration.newBuilder().setSeconds(10).setNanos(-5)).build()));
    }

    @Test
    void a_local_date_time_that_is_not_iso_is_invalid() {
        invalid("timing.start", () -> kit.acme().schedule(acmeHourly("r-1")
                .setTiming(hourly().toBuilder().setStart("02/03/2026 10am")).build()));
        invalid("timing.excluded_dates[0]", () -> kit.acme().schedule(acmeHourly("r-1")
                .setTiming(hourly().toBuilder().addExcludedDates("Christmas")).build()));
        invalid("timing.start", () -> kit.acme().schedule(acmeHourly("r-1")
                .setTiming(hourly().toBuilder().setStart("2026-03-02T10:00".repeat(1000))).build()));
    }

    @Test
    void an_unknown_zone_is_invalid() {
        invalid("timing.zone", () -> kit.acme().schedule(acmeHourly("r-1")
                .setTiming(hourly().toBuilder().setZone("Europe/Atlantis")).build()));
        invalid("timing.zone", () -> kit.acme().schedule(acmeHourly("r-1")
                .setTiming(hourly().toBuilder().setZone("")).build()));
    }

    @Test
    void a_cron_that_does_not_parse_is_invalid() {
        invalid("timing.recurrence", () -> kit.acme().schedule(acmeHourly("r-1")
                .setTiming(hourly().toBuilder().setCron("61 * * * *")).build()));
    }

    @Test
    void an_id_with_forbidden_characters_is_invalid() {
        invalid("task_id", () -> kit.acme().getTaskStatus(GetTaskStatusRequest.newBuilder()
                .setTaskId("../../etc/passwd").build()));
    }

    @Test
    void a_store_outage_is_unavailable_and_a_bug_is_internal_without_its_details() {
        GetTaskStatusUseCase down = (caller, query) -> {
            throw new IllegalStateException("query failed", new SQLTransientConnectionException("pool timed out"));
        };
        GetTaskStatusUseCase buggy = (caller, query) -> {
            throw new NullPointerException("secret internals");
        };
        GetTaskStatusRequest call = GetTaskStatusRequest.newBuilder().setTaskId("t-1").build();

        try (GrpcTestKit outage = new GrpcTestKit(u -> withGetTaskStatus(u, down))) {
            fails(UNAVAILABLE, () -> outage.acme().getTaskStatus(call));
        }
        try (GrpcTestKit bug = new GrpcTestKit(u -> withGetTaskStatus(u, buggy))) {
            var e = fails(INTERNAL, () -> bug.acme().getTaskStatus(call));
            assertThat(e.getStatus().getDescription()).startsWith("internal error").doesNotContain("secret");
        }
    }

    private static SchedulerUseCases withGetTaskStatus(SchedulerUseCases u, GetTaskStatusUseCase replacement) {
        return u.replacing(replacement);
    }
}
