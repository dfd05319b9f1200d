package com.grepsr.scheduler.adapters.grpc.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how a client reaches a scheduler service.
 *
 * @param target   {@code host:port} (or any gRPC target string, e.g. {@code dns:///scheduler:50051})
 * @param token    the bearer token; empty for a server with authentication off
 * @param tls      present: TLS (with a client certificate for mTLS); empty: plaintext
 * @param deadline how long each call may take
 */
public record ClientSettings(String target, Optional<String> token, Optional<Tls> tls, Duration deadline) {

    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

    public ClientSettings {
        Objects.requireNonNull(target, "target");
        token = token == null ? Optional.empty() : token;
        tls = tls == null ? Optional.empty() : tls;
        deadline = deadline == null ? DEFAULT_DEADLINE : deadline;
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive, was " + deadline);
        }
    }

    /** Plaintext to {@code target} with a token and the default deadline. */
    public static ClientSettings plaintext(String target, String token) {
        return new ClientSettings(target, Optional.ofNullable(token), Optional.empty(), DEFAULT_DEADLINE);
    }

    /**
     * A client's TLS material (PEM).
     *
     * @param trustedCa         the CA the server's certificate must chain to; empty for the JDK's trust store
     * @param clientCertificate the client's certificate chain, for mTLS
     * @param clientKey         its private key (PKCS#8), for mTLS
     * @param authority         overrides the name checked against the server certificate (tests, IPs)
     */
    public record Tls(Optional<Path> trustedCa, Optional<Path> clientCertificate, Optional<Path> clientKey,
                      Optional<String> authority) {
        public Tls {
            trustedCa = trustedCa == null ? Optional.empty() : trustedCa;
            clientCertificate = clientCertificate == null ? Optional.empty() : clientCertificate;
            clientKey = clientKey == null ? Optional.empty() : clientKey;
            authority = authority == null ? Optional.empty() : authority;
            if (clientCertificate.isPresent() != clientKey.isPresent()) {
                throw new IllegalArgumentException("a client certificate needs its key, and a key its certificate");
            }
        }
    }
}
