package com.grepsr.scheduler.adapters.grpc;

import java.time.Duration;
import java.util.Objects;

/**
 * How the gRPC server guards itself.
 *
 * @param maxInboundMessageBytes the largest request accepted; larger ones fail with
 *                               RESOURCE_EXHAUSTED before they are parsed (default 4 MiB: the largest
 *                               legitimate request, a full AddToTaskQueue batch, is far smaller
 *                               than what a client could otherwise make the server buffer)
 * @param shutdownGrace          how long {@link SchedulerGrpcServer#close()} lets in-flight calls finish
 */
public record GrpcServerSettings(int maxInboundMessageBytes, Duration shutdownGrace) {

    public static final int DEFAULT_MAX_INBOUND_MESSAGE_BYTES = 4 * 1024 * 1024;
    public static final GrpcServerSettings DEFAULTS =
            new GrpcServerSettings(DEFAULT_MAX_INBOUND_MESSAGE_BYTES, Duration.ofSeconds(10));

    public GrpcServerSettings {
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (maxInboundMessageBytes < 1024) {
            throw new IllegalArgumentException("maxInboundMessageBytes must be at least 1024, was "
                    + maxInboundMessageBytes);
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative");
        }
    }
}
