package com.grepsr.scheduler.adapters.grpc;

import com.grepsr.scheduler.adapters.grpc.client.GrpcRunTrigger;
import com.grepsr.scheduler.client.ClientSettings;
import com.grepsr.scheduler.client.RetryPolicy;
import com.grepsr.scheduler.client.SchedulerClient;
import com.grepsr.scheduler.adapters.grpc.v1.GetScheduledTasksRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskInfoRequest;
import com.grepsr.scheduler.adapters.grpc.v1.OneTimeRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.OneTimeRunResponse;
import com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc;
import com.grepsr.scheduler.adapters.grpc.v1.Task;
import com.grepsr.scheduler.adapters.grpc.v1.TaskKind;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.TaskId;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The processor's trigger over gRPC: idempotent per run against the real service, retried by the client's channel. */
class GrpcRunTriggerTest {

    private static final RetryPolicy FOUR_TRIES = new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(40));
    private static final ScheduledRun RUN = ScheduledRun.pending(ScheduledRunId.of("run-1"), ScheduleId.of("s-1"),
            ReportRef.of("report-1", "proj-1", "acme", "amazon-products"), T0, T0);

    /** A scheduler service that answers UNAVAILABLE (or {@code failure}) {@code failures} times, then a task. */
    private static final class Flaky extends SchedulerServiceGrpc.SchedulerServiceImplBase {
        final AtomicInteger calls = new AtomicInteger();
        final int failures;
        final Status failure;
        OneTimeRunRequest last;

        Flaky(int failures, Status failure) {
            this.failures = failures;
            this.failure = failure;
        }

        @Override
        public void oneTimeRun(OneTimeRunRequest request, StreamObserver<OneTimeRunResponse> out) {
            last = request;
            if (calls.incrementAndGet() <= failures) {
                out.onError(failure.asRuntimeException());
                return;
            }
            out.onNext(OneTimeRunResponse.newBuilder().setTask(Task.newBuilder().setTaskId("run-1")).build());
            out.onCompleted();
        }
    }

    private TaskId triggerAgainst(Flaky service) throws IOException {
        String name = InProcessServerBuilder.generateName();
        Server server = InProcessServerBuilder.forName(name).directExecutor().addService(service).build().start();
        ClientSettings settings = new ClientSettings("in-process", Optional.of("token"), Optional.empty(),
                Duration.ofSeconds(5), FOUR_TRIES);
        try (SchedulerClient client = SchedulerClient.over(InProcessChannelBuilder.forName(name), settings)) {
            return new GrpcRunTrigger(client).trigger(RUN);
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void firing_a_scheduled_run_twice_starts_one_task_named_after_the_run() {
        try (GrpcTestKit kit = new GrpcTestKit()) {
            String schedule = kit.acmeSchedule().getScheduleId();
            kit.scheduler.calculator().tick(T0);
            String runId = kit.admin().getScheduledTasks(GetScheduledTasksRequest.newBuilder()
                    .setScheduleId(schedule).setPageSize(1).build()).getRuns(0).getScheduledRunId();
            ScheduledRun run = kit.scheduler.adapters().runs.find(ScheduledRunId.of(runId)).orElseThrow();
            kit.scheduler.clock().tick(Duration.ofHours(1));
            SchedulerClient client = SchedulerClient.over(kit.channel, Optional.of(GrpcTestKit.ADMIN_TOKEN),
                    Duration.ofSeconds(5));
            GrpcRunTrigger trigger = new GrpcRunTrigger(client);

            TaskId first = trigger.trigger(run);
            TaskId again = trigger.trigger(run);

            assertThat(again).isEqualTo(first);
            Task task = kit.admin().getTaskInfo(GetTaskInfoRequest.newBuilder().setTaskId(first.value()).build())
                    .getTask();
            assertThat(task.getKind()).isEqualTo(TaskKind.TASK_KIND_SCHEDULED);
            assertThat(task.getScheduledRunId()).isEqualTo(runId);
            assertThat(task.getScheduleId()).isEqualTo(schedule);
        }
    }

    @Test
    void the_request_names_the_schedule_and_the_run() throws IOException {
        Flaky service = new Flaky(0, Status.UNAVAILABLE);

        assertThat(triggerAgainst(service)).isEqualTo(TaskId.of("run-1"));
        assertThat(service.last.getScheduleId()).isEqualTo("s-1");
        assertThat(service.last.getScheduledRunId()).isEqualTo("run-1");
        assertThat(service.last.getReport().getAccountId()).isEqualTo("acme");
    }

    @Test
    void an_unavailable_service_is_retried() throws IOException {
        Flaky service = new Flaky(3, Status.UNAVAILABLE);

        assertThat(triggerAgainst(service)).isEqualTo(TaskId.of("run-1"));
        assertThat(service.calls).hasValue(4);
    }

    @Test
    void after_the_last_attempt_the_failure_is_thrown() {
        Flaky service = new Flaky(10, Status.UNAVAILABLE);

        var e = catchThrowableOfType(StatusRuntimeException.class, () -> triggerAgainst(service));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(service.calls).hasValue(4);
    }

    @Test
    void a_refusal_is_not_retried() {
        Flaky service = new Flaky(10, Status.PERMISSION_DENIED);

        var e = catchThrowableOfType(StatusRuntimeException.class, () -> triggerAgainst(service));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(service.calls).hasValue(1);
    }

    @Test
    void an_account_token_cannot_fire_scheduled_runs() {
        try (GrpcTestKit kit = new GrpcTestKit()) {
            SchedulerClient client = SchedulerClient.over(kit.channel, Optional.of(GrpcTestKit.ACME_TOKEN),
                    Duration.ofSeconds(5));

            var e = catchThrowableOfType(StatusRuntimeException.class,
                    () -> new GrpcRunTrigger(client).trigger(RUN));

            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        }
    }
}
