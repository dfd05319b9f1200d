package com.grepsr.scheduler.bootstrap.fuzz;

import com.grepsr.scheduler.client.BearerToken;
import com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc;
import com.grepsr.scheduler.bootstrap.Fixtures;
import com.grepsr.scheduler.bootstrap.api.ApiServer;
import com.grepsr.scheduler.bootstrap.runtime.Node;
import com.grepsr.scheduler.bootstrap.wiring.DaggerSchedulerComponent;
import com.grepsr.scheduler.bootstrap.wiring.SchedulerComponent;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The production {@code api} role (the bootstrap's Dagger wiring: use cases, auth, metrics
 * interceptor, Netty on 127.0.0.1) over PostgreSQL, with no daemon running — they write on their
 * own, which would blur "a refused request wrote nothing". Calls go as raw bytes, so the same
 * path sends well-formed fuzzed messages and garbage.
 */
final class FuzzWorld implements AutoCloseable {

    static final String ADMIN = "fuzz-admin-secret-0123456789";
    static final String ACME = "fuzz-acme-secret-0123456789";
    static final String GLOBEX = "fuzz-globex-secret-0123456789";
    /** Long enough for a loaded build machine; a call that takes longer counts as a hang. */
    static final Duration CALL_DEADLINE = Duration.ofSeconds(20);

    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    final FuzzDatabase database;
    final SchedulerComponent component;
    private final Node node;
    final ManagedChannel channel;
    private final Map<String, MethodDescriptor<byte[], byte[]>> rawMethods = new ConcurrentHashMap<>();

    private FuzzWorld(FuzzDatabase database, SchedulerComponent component, Node node, ManagedChannel channel) {
        this.database = database;
        this.component = component;
        this.node = node;
        this.channel = channel;
    }

    /** Starts the service on a fresh schema; the caller closes it. */
    static FuzzWorld start() throws Exception {
        FuzzDatabase db = FuzzDatabase.create();
        Node node = null;
        try {
            SchedulerComponent c = DaggerSchedulerComponent.factory().create(Fixtures.settings(
                    "PHOENIX_ROLE", "api",
                    "PHOENIX_DB_URL", db.url(), "PHOENIX_DB_USER", db.user(), "PHOENIX_DB_PASSWORD", db.password(),
                    "PHOENIX_API_TOKENS", "ops:" + ADMIN + "=admin,alice:" + ACME + "=account:acme,bob:" + GLOBEX
                            + "=account:globex"), Clock.systemUTC());
            node = c.node().start();
            db.countRowWrites(); // the schema is migrated now
            int port = node.services().stream().filter(ApiServer.class::isInstance).map(ApiServer.class::cast)
                    .findFirst().orElseThrow().port();
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext()
                    .maxInboundMessageSize(64 * 1024 * 1024).build();
            return new FuzzWorld(db, c, node, channel);
        } catch (Exception | Error e) {
            if (node != null) {
                node.close();
            }
            db.close();
            throw e;
        }
    }

    /** Every method of the SchedulerService, from its descriptor: a new method is fuzzed too. */
    static List<MethodDescriptor<?, ?>> methods() {
        return List.copyOf(SchedulerServiceGrpc.getServiceDescriptor().getMethods());
    }

    /** Sends {@code request} as the body of {@code fullMethodName}; the status it ends with. */
    Status call(String fullMethodName, String token, byte[] request) {
        MethodDescriptor<byte[], byte[]> method = rawMethods.computeIfAbsent(fullMethodName, name ->
                MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
                        .setFullMethodName(name).setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build());
        CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        if (token != null) {
            options = options.withCallCredentials(new BearerToken(token));
        }
        try {
            ClientCalls.blockingUnaryCall(channel, method, options, request);
            return Status.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus();
        }
    }

    /** What the standard health service says of the whole server. */
    ServingStatus health() {
        return HealthGrpc.newBlockingStub(channel).withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                .check(HealthCheckRequest.newBuilder().setService("").build()).getStatus();
    }

    /** A typed stub for seeding the world; each of its calls gets its own deadline. */
    SchedulerServiceGrpc.SchedulerServiceBlockingStub stub(String token) {
        ClientInterceptor deadlinePerCall = new ClientInterceptor() {
            @Override
            public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options,
                                                       Channel next) {
                return next.newCall(method, options.withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS));
            }
        };
        return SchedulerServiceGrpc.newBlockingStub(channel).withCallCredentials(new BearerToken(token))
                .withInterceptors(deadlinePerCall);
    }

    @Override
    public void close() throws Exception {
        try {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            node.close();
        } finally {
            database.close();
        }
    }
}
