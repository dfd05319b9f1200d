package com.grepsr.scheduler.client;

import com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc;
import com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.SchedulerServiceBlockingStub;
import com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.SchedulerServiceFutureStub;
import com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.SchedulerServiceStub;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.AbstractStub;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;

import javax.net.ssl.SSLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A channel to a scheduler service and stubs that carry the bearer token, a deadline and the
 * retry policy: what other apps, the command-line client and the processor's remote trigger share.
 * Close it to release the channel.
 *
 * <pre>{@code
 * try (SchedulerClient client = SchedulerClient.connect(ClientSettings.plaintext("localhost:50051", token))) {
 *     Schedule s = client.blocking().createSchedule(request).getSchedule();
 *     ListenableFuture<GetScheduleResponse> later = client.future().getSchedule(get);
 * }
 * }</pre>
 */
public final class SchedulerClient implements AutoCloseable {

    private final ManagedChannel channel;
    private final Optional<BearerToken> credentials;
    private final Duration deadline;

    private SchedulerClient(ManagedChannel channel, Optional<String> token, Duration deadline) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.credentials = token.map(BearerToken::new);
        this.deadline = Objects.requireNonNull(deadline, "deadline");
    }

    /** Connects (lazily, on the first call) as {@code settings} say. */
    public static SchedulerClient connect(ClientSettings settings) {
        NettyChannelBuilder b = settings.retry().applyTo(NettyChannelBuilder.forTarget(settings.target()));
        if (settings.tls().isPresent()) {
            ClientSettings.Tls tls = settings.tls().get();
            b.sslContext(clientContext(tls));
            tls.authority().ifPresent(b::overrideAuthority);
        } else {
            b.usePlaintext();
        }
        return new SchedulerClient(b.build(), settings.token(), settings.deadline());
    }

    /**
     * Over a channel the caller built (in-process tests, custom transports); closing it shuts the
     * channel. Retries are the channel's: build it through {@link RetryPolicy#applyTo} for them.
     */
    public static SchedulerClient over(ManagedChannel channel, Optional<String> token, Duration deadline) {
        return new SchedulerClient(channel, token, deadline);
    }

    /** Over a channel {@code builder} builds (e.g. in-process), with the settings' retry policy, token and deadline. */
    public static <B extends ManagedChannelBuilder<B>> SchedulerClient over(B builder, ClientSettings settings) {
        return new SchedulerClient(settings.retry().applyTo(builder).build(), settings.token(), settings.deadline());
    }

    /**
     * A blocking stub for one call: the deadline counts from now, so take a fresh stub per call
     * rather than keeping one.
     */
    public SchedulerServiceBlockingStub blocking() {
        return configured(SchedulerServiceGrpc.newBlockingStub(channel));
    }

    /** A future stub for one call (the deadline counts from now): each call returns a {@code ListenableFuture}. */
    public SchedulerServiceFutureStub future() {
        return configured(SchedulerServiceGrpc.newFutureStub(channel));
    }

    /** An asynchronous stub for one call (the deadline counts from now): answers go to a {@code StreamObserver}. */
    public SchedulerServiceStub async() {
        return configured(SchedulerServiceGrpc.newStub(channel));
    }

    private <S extends AbstractStub<S>> S configured(S stub) {
        S timed = stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
        return credentials.isPresent() ? timed.withCallCredentials(credentials.get()) : timed;
    }

    public ManagedChannel channel() {
        return channel;
    }

    @Override
    public void close() {
        channel.shutdown();
        try {
            if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static io.grpc.netty.shaded.io.netty.handler.ssl.SslContext clientContext(ClientSettings.Tls tls) {
        try {
            SslContextBuilder b = GrpcSslContexts.forClient();
            tls.trustedCa().ifPresent(ca -> b.trustManager(ca.toFile()));
            if (tls.clientCertificate().isPresent()) {
                b.keyManager(tls.clientCertificate().get().toFile(), tls.clientKey().orElseThrow().toFile());
            }
            return b.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("client TLS files could not be loaded: " + e.getMessage(), e);
        }
    }
}
