package com.grepsr.scheduler.adapters.grpc.tls;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;

import javax.net.ssl.SSLException;
import java.net.InetSocketAddress;
import java.util.Optional;

/** Netty server builders for a TCP address: plaintext, TLS, or mutual TLS. */
public final class ServerTransports {

    private ServerTransports() {
    }

    /** A builder listening on {@code address}, with TLS when {@code tls} is given. */
    public static NettyServerBuilder netty(InetSocketAddress address, Optional<TlsSettings> tls) {
        NettyServerBuilder builder = NettyServerBuilder.forAddress(address);
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
