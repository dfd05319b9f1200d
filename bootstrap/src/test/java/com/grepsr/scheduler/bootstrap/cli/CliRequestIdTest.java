package com.grepsr.scheduler.bootstrap.cli;

import com.grepsr.scheduler.adapters.grpc.v1.OneTimeRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.OneTimeRunResponse;
import com.grepsr.scheduler.adapters.grpc.v1.OneTimeTestRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.OneTimeTestRunResponse;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleResponse;
import com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc;
import com.grepsr.scheduler.bootstrap.Main;
import com.google.protobuf.Message;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line client sends a request id with every create, a new one per command unless
 * {@code --request-id} gives it, and retries a lost answer with the same id. Runs the real
 * {@link Main} against a recording server.
 */
class CliRequestIdTest {

    private static final String[] REPORT = {"--report", "r1", "--project", "p1", "--account", "acme",
            "--service-code", "svc", "--deadline", "5s"};

    private final List<Message> received = new CopyOnWriteArrayList<>();
    /** How many calls the server answers UNAVAILABLE before it answers. */
    private final AtomicInteger failFirst = new AtomicInteger();
    private Server server;

    @BeforeEach
    void start() throws IOException {
        server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create()).addService(new Recorder())
                .build().start();
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    private int cli(String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--server", "localhost:" + server.getPort()))
                .toArray(String[]::new);
        return Main.run(all);
    }

    private static String[] with(String[] head, String... tail) {
        return Stream.concat(Stream.of(head), Stream.of(tail)).toArray(String[]::new);
    }

    private List<String> requestIds() {
        return received.stream().map(m -> (String) m.getField(m.getDescriptorForType().findFieldByName("request_id")))
                .toList();
    }

    @Test
    void each_create_command_sends_a_new_uuid_by_default() {
        assertThat(cli(with(new String[] {"run"}, REPORT))).isZero();
        assertThat(cli(with(new String[] {"run", "--test"}, REPORT))).isZero();
        assertThat(cli(with(new String[] {"schedules", "create", "--every", "1h"}, REPORT))).isZero();

        assertThat(received).extracting(m -> m.getClass().getSimpleName())
                .containsExactly("OneTimeRunRequest", "OneTimeTestRunRequest", "ScheduleRequest");
        assertThat(requestIds()).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    }

    @Test
    void a_given_request_id_is_sent_as_it_is() {
        assertThat(cli(with(new String[] {"run", "--request-id", "retry-me-1"}, REPORT))).isZero();

        assertThat(requestIds()).containsExactly("retry-me-1");
    }

    @Test
    void a_lost_answer_is_retried_with_the_same_request_id() {
        failFirst.set(RequestIdOption.ATTEMPTS - 1);

        assertThat(cli(with(new String[] {"schedules", "create", "--every", "1h"}, REPORT))).isZero();

        assertThat(requestIds()).hasSize(RequestIdOption.ATTEMPTS);
        assertThat(requestIds().stream().distinct()).hasSize(1);
    }

    /** Records every request; answers UNAVAILABLE while {@link #failFirst} lasts, then an empty response. */
    private final class Recorder extends SchedulerServiceGrpc.SchedulerServiceImplBase {
        @Override
        public void schedule(ScheduleRequest request, StreamObserver<ScheduleResponse> out) {
            answer(request, ScheduleResponse.getDefaultInstance(), out);
        }

        @Override
        public void oneTimeRun(OneTimeRunRequest request, StreamObserver<OneTimeRunResponse> out) {
            answer(request, OneTimeRunResponse.getDefaultInstance(), out);
        }

        @Override
        public void oneTimeTestRun(OneTimeTestRunRequest request, StreamObserver<OneTimeTestRunResponse> out) {
            answer(request, OneTimeTestRunResponse.getDefaultInstance(), out);
        }

        private <T> void answer(Message request, T response, StreamObserver<T> out) {
            received.add(request);
            if (failFirst.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                out.onError(Status.UNAVAILABLE.withDescription("answer lost").asRuntimeException());
                return;
            }
            out.onNext(response);
            out.onCompleted();
        }
    }
}
