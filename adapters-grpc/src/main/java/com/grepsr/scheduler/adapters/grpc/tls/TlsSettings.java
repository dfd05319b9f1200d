package com.grepsr.scheduler.adapters.grpc.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A server's TLS material, PEM files: its certificate chain and private key (PKCS#8), and, for
 * mutual TLS, the CA that client certificates must chain to. Checked at construction so a typo in
 * a path fails at startup with the path in the message, not at the first handshake.
 *
 * @param certificateChain the server's certificate chain
 * @param privateKey       its private key
 * @param clientCa         present: clients must present a certificate signed by this CA (mTLS)
 */
public record TlsSettings(Path certificateChain, Path privateKey, Optional<Path> clientCa) {

    public TlsSettings {
        requireReadable("certificate chain", certificateChain);
        requireReadable("private key", privateKey);
        clientCa = clientCa == null ? Optional.empty() : clientCa;
        clientCa.ifPresent(p -> requireReadable("client CA", p));
    }

    public static TlsSettings tls(Path certificateChain, Path privateKey) {
        return new TlsSettings(certificateChain, privateKey, Optional.empty());
    }

    public static TlsSettings mutual(Path certificateChain, Path privateKey, Path clientCa) {
        return new TlsSettings(certificateChain, privateKey, Optional.of(clientCa));
    }

    static void requireReadable(String what, Path p) {
        Objects.requireNonNull(p, what);
        if (!Files.isReadable(p)) {
            throw new IllegalArgumentException("TLS " + what + " file is missing or unreadable: " + p);
        }
    }
}
