package com.grepsr.scheduler.client;

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
 * @param deadline how long each call may take, retries included
 * @param retry    how calls answered UNAVAILABLE are retried (grpc-java's service config)
 */
public record ClientSettings(String target, Optional<String> token, Optional<Tls> tls, Duration deadline,
                             RetryPolicy retry) {

    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

    public ClientSettings {
        Objects.requireNonNull(target, "target");
        token = token == null ? Optional.empty() : token;
        tls = tls == null ? Optional.empty() : tls;
        deadline = deadline == null ? DEFAULT_DEADLINE : deadline;
        retry = retry == null ? RetryPolicy.DEFAULT : retry;
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive, was " + deadline);
        }
    }

    /** The default retry policy. */
    public ClientSettings(String target, Optional<String> token, Optional<Tls> tls, Duration deadline) {
        this(target, token, tls, deadline, RetryPolicy.DEFAULT);
    }

    /** Plaintext to {@code target} with a token (null for none), the default deadline and retries. */
    public static ClientSettings plaintext(String target, String token) {
        return new ClientSettings(target, Optional.ofNullable(token), Optional.empty(), DEFAULT_DEADLINE);
    }

    /** The same, with another deadline. */
    public ClientSettings withDeadline(Duration newDeadline) {
        return new ClientSettings(target, token, tls, newDeadline, retry);
    }

    /** The same, with another retry policy. */
    public ClientSettings withRetry(RetryPolicy newRetry) {
        return new ClientSettings(target, token, tls, deadline, newRetry);
    }

    /** The same, over TLS. */
    public ClientSettings withTls(Tls newTls) {
        return new ClientSettings(target, token, Optional.of(newTls), deadline, retry);
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
