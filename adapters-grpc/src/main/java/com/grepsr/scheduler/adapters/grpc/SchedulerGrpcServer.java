package com.grepsr.scheduler.adapters.grpc;

import com.grepsr.scheduler.application.port.in.SchedulerUseCases;
import com.grepsr.scheduler.adapters.grpc.auth.AuthInterceptor;
import com.grepsr.scheduler.adapters.grpc.service.SchedulerGrpcService;
import com.grepsr.scheduler.adapters.grpc.service.UnparseableRequests;
import com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The scheduler's gRPC server: the SchedulerService behind the {@link AuthInterceptor}, with
 * unparseable request bodies refused as INVALID_ARGUMENT ({@link UnparseableRequests}), plus the
 * standard health service and server reflection (v1), which answer without a token so load
 * balancers and {@code grpcurl} work with no credentials and no proto files.
 *
 * <p>It takes its {@link ServerBuilder}, so the transport is the caller's choice: a
 * {@code NettyServerBuilder} on a port (see {@link com.grepsr.scheduler.adapters.grpc.tls.ServerTransports}
 * for TLS), or {@code InProcessServerBuilder} in tests.
 */
public final class SchedulerGrpcServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SchedulerGrpcServer.class.getName());

    private final Server server;
    private final HealthStatusManager health;
    private final GrpcServerSettings settings;

    private SchedulerGrpcServer(Server server, HealthStatusManager health, GrpcServerSettings settings) {
        this.server = server;
        this.health = health;
        this.settings = settings;
    }

    /** Builds (does not start) the server. */
    public static SchedulerGrpcServer create(ServerBuilder<?> builder, SchedulerUseCases useCases,
                                             AuthInterceptor auth, GrpcServerSettings settings) {
        Objects.requireNonNull(auth, "auth");
        HealthStatusManager health = new HealthStatusManager();
        Server server = builder
                .maxInboundMessageSize(settings.maxInboundMessageBytes())
                .addService(UnparseableRequests.refusedAsInvalidArgument(
                        ServerInterceptors.intercept(new SchedulerGrpcService(useCases), auth)))
                .addService(health.getHealthService())
                .addService(ProtoReflectionServiceV1.newInstance())
                .build();
        return new SchedulerGrpcServer(server, health, settings);
    }

    /** Starts listening and reports SERVING for the server and the SchedulerService. */
    public SchedulerGrpcServer start() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("the gRPC server could not start: " + e.getMessage(), e);
        }
        health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.SERVING);
        health.setStatus(SchedulerServiceGrpc.SERVICE_NAME, ServingStatus.SERVING);
        return this;
    }

    /**
     * Reports the process's readiness through the health service: NOT_SERVING while a daemon is
     * stuck or the store is unreachable, so load balancers and probes send calls elsewhere.
     */
    public void serving(boolean ready) {
        ServingStatus status = ready ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
        health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, status);
        health.setStatus(SchedulerServiceGrpc.SERVICE_NAME, status);
    }

    /** The port it listens on (-1 for in-process servers). */
    public int port() {
        return server.getPort();
    }

    public List<? extends java.net.SocketAddress> listenAddresses() {
        return server.getListenSockets();
    }

    /**
     * Stops gracefully: health turns NOT_SERVING (load balancers stop sending), new calls are
     * refused, in-flight calls get the settings' grace period, then the rest are cancelled.
     */
    @Override
    public void close() {
        health.enterTerminalState();
        server.shutdown();
        try {
            if (!server.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "gRPC calls still running after the grace period; cancelling");
                server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until the server has terminated (for a main thread). */
    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }
}
