package com.grepsr.scheduler.adapters.grpc;

import com.grepsr.scheduler.adapters.grpc.v1.MultiProcessRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.MultiProcessRunResponse;
import com.grepsr.scheduler.adapters.grpc.v1.OneTimeRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.OneTimeTestRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleResponse;
import com.grepsr.scheduler.adapters.grpc.v1.Task;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.ScheduleFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.acmeHourly;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.acmeReport;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.invalid;
import static org.assertj.core.api.Assertions.assertThat;

/** request_id on Schedule, OneTimeRun, OneTimeTestRun and MultiProcessRun: a retry gets the first answer. */
class RequestIdTest {

    private final GrpcTestKit kit = new GrpcTestKit();
    private final String id = UUID.randomUUID().toString();

    @AfterEach
    void close() {
        kit.close();
    }

    private int schedules() {
        return kit.scheduler.core().ports().schedules().list(ScheduleFilter.all(), PageRequest.first(100)).items().size();
    }

    @Test
    void a_retried_schedule_request_gets_the_first_answer_and_creates_nothing() {
        ScheduleRequest request = acmeHourly("report-1").setRequestId(id).build();

        ScheduleResponse first = kit.acme().schedule(request);
        ScheduleResponse again = kit.acme().schedule(request);

        assertThat(again).isEqualTo(first);
        assertThat(schedules()).isEqualTo(1);
    }

    @Test
    void the_same_id_with_another_request_is_invalid_argument_on_request_id() {
        kit.acme().schedule(acmeHourly("report-1").setRequestId(id).build());

        invalid("request_id", () -> kit.acme().schedule(acmeHourly("report-1").setName("changed").setRequestId(id).build()));
        assertThat(schedules()).isEqualTo(1);
    }

    @Test
    void a_malformed_request_id_is_invalid_argument_and_writes_nothing() {
        invalid("request_id", () -> kit.acme().schedule(acmeHourly("report-1").setRequestId("no spaces, please").build()));
        invalid("request_id", () -> kit.acme().schedule(acmeHourly("report-1").setRequestId("x".repeat(65)).build()));
        assertThat(schedules()).isZero();
    }

    @Test
    void another_accounts_same_id_is_its_own_request() {
        kit.acme().schedule(acmeHourly("report-1").setRequestId(id).build());

        kit.globex().schedule(ScheduleRequest.newBuilder(acmeHourly("report-1").build())
                .setReport(GrpcTestKit.globexReport("report-9")).setRequestId(id).build());

        assertThat(schedules()).isEqualTo(2);
    }

    @Test
    void retried_runs_get_the_first_task() {
        OneTimeRunRequest run = OneTimeRunRequest.newBuilder().setReport(acmeReport("report-1")).setRequestId(id).build();
        OneTimeTestRunRequest test = OneTimeTestRunRequest.newBuilder().setReport(acmeReport("report-1"))
                .setRequestId(id).build();

        Task firstRun = kit.acme().oneTimeRun(run).getTask();
        Task firstTest = kit.acme().oneTimeTestRun(test).getTask();

        assertThat(kit.acme().oneTimeRun(run).getTask().getTaskId()).isEqualTo(firstRun.getTaskId());
        assertThat(kit.acme().oneTimeTestRun(test).getTask().getTaskId()).isEqualTo(firstTest.getTaskId());
        assertThat(firstTest.getTaskId()).as("an id is per method").isNotEqualTo(firstRun.getTaskId());
        assertThat(kit.scheduler.adapters().launcher.launchCalls()).isEqualTo(2);
    }

    @Test
    void a_retried_multi_process_run_gets_the_first_parent_and_children() {
        MultiProcessRunRequest multi = MultiProcessRunRequest.newBuilder().setReport(acmeReport("report-1"))
                .setProcessors(3).setParallelism(1).setRequestId(id).build();

        MultiProcessRunResponse first = kit.acme().multiProcessRun(multi);
        MultiProcessRunResponse again = kit.acme().multiProcessRun(multi);

        assertThat(again.getParent().getTaskId()).isEqualTo(first.getParent().getTaskId());
        assertThat(again.getChildTaskIdsList()).isEqualTo(first.getChildTaskIdsList()).hasSize(3);
    }
}
