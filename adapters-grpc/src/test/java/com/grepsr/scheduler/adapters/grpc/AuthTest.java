package com.grepsr.scheduler.adapters.grpc;

import com.grepsr.scheduler.adapters.grpc.auth.AuthInterceptor;
import com.grepsr.scheduler.adapters.grpc.v1.GetAllMissedRunsRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetAllSchedulesRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskStatusRequest;
import com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc;
import com.grepsr.scheduler.adapters.grpc.v1.TaskStatus;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateAllTaskHistoryByStatusRequest;
import io.grpc.Metadata;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.fails;
import static io.grpc.Status.Code.PERMISSION_DENIED;
import static io.grpc.Status.Code.UNAUTHENTICATED;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may call what: tokens, account scope, admin-only methods, and what needs no token. */
class AuthTest {

    private final GrpcTestKit kit = new GrpcTestKit();

    @AfterEach
    void close() {
        kit.close();
    }

    private static final GetTaskStatusRequest ANY_CALL = GetTaskStatusRequest.newBuilder().setTaskId("t-1").build();

    @Test
    void a_call_without_a_token_is_unauthenticated() {
        var e = fails(UNAUTHENTICATED, () -> kit.noToken().getTaskStatus(ANY_CALL));

        assertThat(e.getStatus().getDescription()).contains("Bearer");
    }

    @Test
    void a_call_with_an_unknown_token_is_unauthenticated() {
        fails(UNAUTHENTICATED, () -> kit.stub("not-a-configured-token-at-all").getTaskStatus(ANY_CALL));
        fails(UNAUTHENTICATED, () -> kit.stub(GrpcTestKit.ADMIN_TOKEN + "x").getTaskStatus(ANY_CALL));
    }

    @Test
    void a_token_not_sent_as_bearer_is_unauthenticated() {
        Metadata basic = new Metadata();
        basic.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Basic " + GrpcTestKit.ADMIN_TOKEN);

        fails(UNAUTHENTICATED, () -> kit.noToken().withInterceptors(MetadataUtils.newAttachHeadersInterceptor(basic))
                .getTaskStatus(ANY_CALL));
    }

    @Test
    void the_bearer_scheme_is_case_insensitive() {
        Metadata lower = new Metadata();
        lower.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "bearer " + GrpcTestKit.ACME_TOKEN);

        assertThat(kit.noToken().withInterceptors(MetadataUtils.newAttachHeadersInterceptor(lower))
                .getSchedule(GetScheduleRequest.newBuilder().setScheduleId(kit.acmeSchedule().getScheduleId()).build())
                .getSchedule().getReport().getAccountId()).isEqualTo("acme");
    }

    @Test
    void an_account_token_cannot_see_another_accounts_schedule() {
        String schedule = kit.acmeSchedule().getScheduleId();

        fails(PERMISSION_DENIED, () -> kit.globex().getSchedule(GetScheduleRequest.newBuilder()
                .setScheduleId(schedule).build()));
        assertThat(kit.admin().getSchedule(GetScheduleRequest.newBuilder().setScheduleId(schedule).build())
                .getSchedule().getScheduleId()).isEqualTo(schedule);
    }

    @Test
    void admin_only_methods_refuse_an_account_token() {
        fails(PERMISSION_DENIED, () -> kit.acme().getAllSchedules(GetAllSchedulesRequest.getDefaultInstance()));
        fails(PERMISSION_DENIED, () -> kit.acme().getAllMissedRuns(GetAllMissedRunsRequest.getDefaultInstance()));
        fails(PERMISSION_DENIED, () -> kit.acme().updateAllTaskHistoryByStatus(UpdateAllTaskHistoryByStatusRequest
                .newBuilder().setFromStatus(TaskStatus.TASK_STATUS_RUNNING).setToStatus(TaskStatus.TASK_STATUS_FAILED)
                .build()));
        assertThat(kit.admin().getAllSchedules(GetAllSchedulesRequest.getDefaultInstance()).getSchedulesList())
                .isEmpty();
    }

    @Test
    void health_answers_serving_without_a_token() {
        var health = HealthGrpc.newBlockingStub(kit.channel);

        assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus())
                .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        assertThat(health.check(HealthCheckRequest.newBuilder().setService(SchedulerServiceGrpc.SERVICE_NAME).build())
                .getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    @Test
    void reflection_lists_the_services_without_a_token() throws Exception {
        CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(kit.channel)
                .serverReflectionInfo(new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse value) {
                        answer.complete(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                        answer.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
        requests.onCompleted();

        List<String> services = answer.get(5, TimeUnit.SECONDS).getListServicesResponse().getServiceList().stream()
                .map(ServiceResponse::getName).toList();
        assertThat(services).contains(SchedulerServiceGrpc.SERVICE_NAME, "grpc.health.v1.Health");
    }

    @Test
    void with_authentication_off_every_call_acts_as_an_admin() {
        try (GrpcTestKit open = new GrpcTestKit(UnaryOperator.identity(), AuthInterceptor.anonymousAdmin())) {
            assertThat(open.noToken().getAllSchedules(GetAllSchedulesRequest.getDefaultInstance()).getSchedulesList())
                    .isEmpty();
        }
    }
}
