package com.grepsr.scheduler.adapters.grpc.tls;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;

import javax.net.ssl.SSLException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Netty server builders for a TCP address: plaintext, TLS, or mutual TLS. */
public final class ServerTransports {

    private ServerTransports() {
    }

    /**
     * How long a client connection lives before the server asks it (GOAWAY) to reconnect: clients
     * behind a Service's one virtual IP would otherwise stay on the replica they first reached,
     * and new API replicas after a scale-up or rollout would get no calls.
     */
    public static final Duration MAX_CONNECTION_AGE = Duration.ofMinutes(5);
    /** Calls in flight on an aged connection get this long to finish before it closes. */
    public static final Duration MAX_CONNECTION_AGE_GRACE = Duration.ofSeconds(30);

    /** A builder listening on {@code address}, with TLS when {@code tls} is given. */
    public static NettyServerBuilder netty(InetSocketAddress address, Optional<TlsSettings> tls) {
        NettyServerBuilder builder = NettyServerBuilder.forAddress(address)
                .maxConnectionAge(MAX_CONNECTION_AGE.toSeconds(), TimeUnit.SECONDS)
                .maxConnectionAgeGrace(MAX_CONNECTION_AGE_GRACE.toSeconds(), TimeUnit.SECONDS);
        tls.ifPresent(t -> builder.sslContext(serverContext(t)));
        return builder;
    }

    /** The server's SSL context; with a client CA, a client certificate is required. */
    public static SslContext serverContext(TlsSettings tls) {
        try {
            SslContextBuilder b = GrpcSslContexts.forServer(tls.certificateChain().toFile(), tls.privateKey().toFile());
            tls.clientCa().ifPresent(ca -> b.trustManager(ca.toFile()).clientAuth(ClientAuth.REQUIRE));
            return b.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("TLS files could not be loaded (" + tls.certificateChain() + ", "
                    + tls.privateKey() + "): " + e.getMessage(), e);
        }
    }
}
