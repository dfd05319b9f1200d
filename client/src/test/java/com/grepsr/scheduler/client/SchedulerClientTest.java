package com.grepsr.scheduler.client;

import com.grepsr.scheduler.adapters.grpc.v1.GetScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetScheduleResponse;
import com.grepsr.scheduler.adapters.grpc.v1.Schedule;
import com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The client's stubs carry the token and the deadline; UNAVAILABLE is retried by the channel. */
class SchedulerClientTest {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private Server server;

    /** Answers GetSchedule with UNAVAILABLE {@code failures} times, then the schedule asked for. */
    private String serve(int failures) throws IOException {
        SchedulerServiceGrpc.SchedulerServiceImplBase service = new SchedulerServiceGrpc.SchedulerServiceImplBase() {
            @Override
            public void getSchedule(GetScheduleRequest request, StreamObserver<GetScheduleResponse> out) {
                if (calls.incrementAndGet() <= failures) {
                    out.onError(Status.UNAVAILABLE.withDescription("restarting").asRuntimeException());
                    return;
                }
                out.onNext(GetScheduleResponse.newBuilder()
                        .setSchedule(Schedule.newBuilder().setScheduleId(request.getScheduleId())).build());
                out.onCompleted();
            }
        };
        ServerInterceptor recordAuthorization = new ServerInterceptor() {
            @Override
            public <Q, A> io.grpc.ServerCall.Listener<Q> interceptCall(io.grpc.ServerCall<Q, A> call, Metadata headers,
                                                                      io.grpc.ServerCallHandler<Q, A> next) {
                authorizations.add(String.valueOf(headers.get(AUTHORIZATION)));
                return Contexts.interceptCall(io.grpc.Context.current(), call, headers, next);
            }
        };
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(ServerInterceptors.intercept(service, recordAuthorization)).build().start();
        return name;
    }

    private static ClientSettings settings(RetryPolicy retry) {
        return new ClientSettings("in-process", Optional.of("secret-token"), Optional.empty(), Duration.ofSeconds(5),
                retry);
    }

    private static GetScheduleRequest get(String id) {
        return GetScheduleRequest.newBuilder().setScheduleId(id).build();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }

    @Test
    void blocking_and_future_calls_carry_the_bearer_token() throws Exception {
        String name = serve(0);
        try (SchedulerClient client = SchedulerClient.over(InProcessChannelBuilder.forName(name),
                settings(RetryPolicy.NONE))) {
            assertThat(client.blocking().getSchedule(get("s-1")).getSchedule().getScheduleId()).isEqualTo("s-1");
            assertThat(client.future().getSchedule(get("s-2")).get(5, TimeUnit.SECONDS).getSchedule().getScheduleId())
                    .isEqualTo("s-2");
        }
        assertThat(authorizations).containsExactly("Bearer secret-token", "Bearer secret-token");
    }

    @Test
    void an_unavailable_service_is_retried_by_the_channel_up_to_the_policy() throws Exception {
        String name = serve(2);
        try (SchedulerClient client = SchedulerClient.over(InProcessChannelBuilder.forName(name),
                settings(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20))))) {
            assertThat(client.blocking().getSchedule(get("s-1")).getSchedule().getScheduleId()).isEqualTo("s-1");
        }
        assertThat(calls).hasValue(3);
    }

    @Test
    void without_retries_the_first_unavailable_is_the_answer() throws Exception {
        String name = serve(1);
        try (SchedulerClient client = SchedulerClient.over(InProcessChannelBuilder.forName(name),
                settings(RetryPolicy.NONE))) {
            var e = catchThrowableOfType(StatusRuntimeException.class, () -> client.blocking().getSchedule(get("s-1")));
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void the_policy_is_a_grpc_service_config_for_the_scheduler_service() {
        RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(3));

        assertThat(policy.serviceConfig().toString())
                .contains("service=grepsr.phoenix.scheduler.v1.SchedulerService")
                .contains("maxAttempts=4.0").contains("initialBackoff=0.250000000s").contains("maxBackoff=3.000000000s")
                .contains("retryableStatusCodes=[UNAVAILABLE]");
    }
}
