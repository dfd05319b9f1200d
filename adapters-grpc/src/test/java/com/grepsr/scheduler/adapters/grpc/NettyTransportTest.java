package com.grepsr.scheduler.adapters.grpc;

import com.grepsr.scheduler.adapters.grpc.auth.ApiToken;
import com.grepsr.scheduler.adapters.grpc.auth.AuthInterceptor;
import com.grepsr.scheduler.adapters.grpc.auth.TokenRegistry;
import com.grepsr.scheduler.client.ClientSettings;
import com.grepsr.scheduler.client.SchedulerClient;
import com.grepsr.scheduler.adapters.grpc.tls.ServerTransports;
import com.grepsr.scheduler.adapters.grpc.tls.TlsSettings;
import com.grepsr.scheduler.adapters.grpc.v1.AddToTaskQueueRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskStatusRequest;
import com.grepsr.scheduler.adapters.memory.InMemoryScheduler;
import io.grpc.testing.TlsTesting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.fails;
import static io.grpc.Status.Code.NOT_FOUND;
import static io.grpc.Status.Code.RESOURCE_EXHAUSTED;
import static io.grpc.Status.Code.UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real transport on a loopback port: plaintext with the inbound size limit (the in-process
 * transport does not serialize, so it cannot show that), TLS and mutual TLS with grpc-java's test
 * certificates (issued for *.test.google.fr), through {@link SchedulerClient}.
 */
class NettyTransportTest {

    private static final String TOKEN = "netty-admin-token-0123456789";
    private static final GetTaskStatusRequest UNKNOWN_TASK = GetTaskStatusRequest.newBuilder().setTaskId("t-1").build();

    @TempDir
    Path dir;

    private SchedulerGrpcServer start(Optional<TlsSettings> tls) {
        InMemoryScheduler scheduler = InMemoryScheduler.startingAt(GrpcTestKit.T0);
        return SchedulerGrpcServer.create(ServerTransports.netty(new InetSocketAddress("127.0.0.1", 0), tls),
                GrpcTestKit.useCasesOf(scheduler.core()),
                AuthInterceptor.requireTokens(TokenRegistry.of(ApiToken.admin("ops", TOKEN))),
                new GrpcServerSettings(256 * 1024, Duration.ofSeconds(1))).start();
    }

    private Path cert(String name) throws IOException {
        Path p = dir.resolve(name);
        if (Files.exists(p)) {
            return p;
        }
        try (InputStream in = TlsTesting.loadCert(name)) {
            Files.copy(in, p);
        }
        return p;
    }

    private ClientSettings.Tls clientTls(boolean withCertificate) throws IOException {
        return new ClientSettings.Tls(Optional.of(cert("ca.pem")),
                withCertificate ? Optional.of(cert("client.pem")) : Optional.empty(),
                withCertificate ? Optional.of(cert("client.key")) : Optional.empty(),
                Optional.of("foo.test.google.fr"));
    }

    @Test
    void a_plaintext_client_reaches_the_service_with_its_token() {
        try (SchedulerGrpcServer server = start(Optional.empty());
             SchedulerClient client = SchedulerClient.connect(ClientSettings.plaintext("127.0.0.1:" + server.port(),
                     TOKEN))) {
            fails(NOT_FOUND, () -> client.blocking().getTaskStatus(UNKNOWN_TASK));
        }
    }

    @Test
    void a_request_over_the_size_limit_is_refused_and_the_server_keeps_serving() {
        AddToTaskQueueRequest.Builder huge = AddToTaskQueueRequest.newBuilder().setParentTaskId("p-1");
        for (int i = 0; i < 8; i++) {
            huge.addPayloads("x".repeat(60 * 1024));
        }
        try (SchedulerGrpcServer server = start(Optional.empty());
             SchedulerClient client = SchedulerClient.connect(ClientSettings.plaintext("127.0.0.1:" + server.port(),
                     TOKEN))) {
            fails(RESOURCE_EXHAUSTED, () -> client.blocking().addToTaskQueue(huge.build()));
            fails(NOT_FOUND, () -> client.blocking().getTaskStatus(UNKNOWN_TASK));
        }
    }

    @Test
    void mutual_tls_serves_a_client_with_a_certificate_and_refuses_one_without() throws IOException {
        TlsSettings mtls = TlsSettings.mutual(cert("server1.pem"), cert("server1.key"), cert("ca.pem"));
        try (SchedulerGrpcServer server = start(Optional.of(mtls))) {
            String target = "127.0.0.1:" + server.port();
            try (SchedulerClient client = SchedulerClient.connect(new ClientSettings(target, Optional.of(TOKEN),
                    Optional.of(clientTls(true)), Duration.ofSeconds(5)))) {
                fails(NOT_FOUND, () -> client.blocking().getTaskStatus(UNKNOWN_TASK));
            }
            try (SchedulerClient anonymous = SchedulerClient.connect(new ClientSettings(target, Optional.of(TOKEN),
                    Optional.of(clientTls(false)), Duration.ofSeconds(5)))) {
                fails(UNAVAILABLE, () -> anonymous.blocking().getTaskStatus(UNKNOWN_TASK));
            }
        }
    }

    @Test
    void tls_without_client_certificates_serves_any_client_that_trusts_the_server() throws IOException {
        try (SchedulerGrpcServer server = start(Optional.of(TlsSettings.tls(cert("server1.pem"), cert("server1.key"))));
             SchedulerClient client = SchedulerClient.connect(new ClientSettings("127.0.0.1:" + server.port(),
                     Optional.of(TOKEN), Optional.of(clientTls(false)), Duration.ofSeconds(5)))) {
            fails(NOT_FOUND, () -> client.blocking().getTaskStatus(UNKNOWN_TASK));
        }
    }

    @Test
    void missing_tls_files_fail_at_startup_naming_the_file() {
        assertThatThrownBy(() -> TlsSettings.tls(dir.resolve("nope.pem"), dir.resolve("nope.key")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope.pem");
        assertThat(dir).exists();
    }
}
