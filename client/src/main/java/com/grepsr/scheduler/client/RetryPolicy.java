package com.grepsr.scheduler.client;

import io.grpc.ManagedChannelBuilder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How often and how patiently a client retries a call the service answered UNAVAILABLE (restarting,
 * a connection dropped): at most {@code maxAttempts} calls in all, with grpc-java's jittered
 * exponential backoff from {@code initialBackoff}, doubling up to {@code maxBackoff}.
 *
 * <p>The retries are grpc-java's own, set through the channel's service config ({@link #applyTo}),
 * not a loop around each call: they count against the call's one deadline. The service answers
 * UNAVAILABLE only for a call it did not carry out (a store it could not reach rolls back), which is
 * why every method may retry.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** Five calls over about six seconds: rides out a scheduler restart, not an outage. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(3));

    /** One call, no retry. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1));

    static final String SERVICE = "grepsr.phoenix.scheduler.v1.SchedulerService";

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoffs must satisfy 0 < initial <= max");
        }
    }

    /** Turns grpc-java's retries on for the scheduler service with this policy; returns {@code builder}. */
    public <B extends ManagedChannelBuilder<B>> B applyTo(B builder) {
        if (maxAttempts == 1) {
            return builder.disableRetry();
        }
        return builder.defaultServiceConfig(serviceConfig()).maxRetryAttempts(maxAttempts).enableRetry();
    }

    /** The service config (gRFC A6) this policy stands for, in grpc-java's JSON-as-maps form. */
    public Map<String, ?> serviceConfig() {
        Map<String, Object> retry = Map.of(
                "maxAttempts", (double) maxAttempts,
                "initialBackoff", seconds(initialBackoff),
                "maxBackoff", seconds(maxBackoff),
                "backoffMultiplier", 2.0,
                "retryableStatusCodes", List.of("UNAVAILABLE"));
        Map<String, Object> method = Map.of(
                "name", List.of(Map.of("service", SERVICE)),
                "retryPolicy", retry);
        return Map.of("methodConfig", List.of(method));
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + "." + String.format("%09d", d.toNanosPart()) + "s";
    }
}
