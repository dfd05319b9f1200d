package com.grepsr.scheduler.adapters.dynamo;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the activity table lives and how to reach it.
 *
 * @param region      the AWS region, e.g. {@code eu-west-1} (any value for a local server)
 * @param endpoint    an endpoint override for local servers (dynalite, DynamoDB Local) or VPC
 *                    endpoints; empty for the region's public endpoint
 * @param tableName   the activity table
 * @param credentials the default AWS chain, or static keys (local servers)
 * @param retention   how long the feed keeps an event (written as the TTL attribute
 *                    {@value ActivityTable#TTL}); empty keeps events forever
 * @param callTimeout the most one API call may take, retries included
 * @param maxAttempts attempts per API call inside the SDK (its own quick retries); the activity
 *                    relay backs off and retries on top of these
 */
public record DynamoSettings(String region, Optional<URI> endpoint, String tableName, Credentials credentials,
                             Optional<Duration> retention, Duration callTimeout, int maxAttempts) {

    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

    /** How the SDK signs requests. */
    public sealed interface Credentials {
    }

    /** The default AWS chain: environment, system properties, profile, web identity, container, instance role. */
    public record DefaultChain() implements Credentials {
    }

    /** Fixed keys, for local servers (which accept any) or where no chain is available. */
    public record StaticKeys(String accessKeyId, String secretAccessKey) implements Credentials {
        public StaticKeys {
            if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
                throw new IllegalArgumentException("static DynamoDB credentials need an access key id and a secret key");
            }
        }

        @Override
        public String toString() {
            return "StaticKeys[accessKeyId=" + accessKeyId + ", secretAccessKey=****]"; // never log the secret
        }
    }

    public DynamoSettings {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("DynamoDB region is required");
        }
        Objects.requireNonNull(endpoint, "endpoint");
        if (tableName == null || !TABLE.matcher(tableName).matches()) {
            throw new IllegalArgumentException("DynamoDB table name must be 3-255 of A-Z a-z 0-9 _ . -, was " + tableName);
        }
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(retention, "retention");
        retention.ifPresent(r -> {
            if (r.compareTo(Duration.ofDays(1)) < 0) {
                throw new IllegalArgumentException("retention must be at least a day, was " + r);
            }
        });
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("call timeout must be positive");
        }
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("max attempts must be 1..10, was " + maxAttempts);
        }
    }

    /** Real DynamoDB in {@code region} with the default credentials chain; events kept forever. */
    public static DynamoSettings aws(String region, String tableName) {
        return new DynamoSettings(region, Optional.empty(), tableName, new DefaultChain(), Optional.empty(),
                Duration.ofSeconds(10), 3);
    }

    /** A local DynamoDB-protocol server (dynalite, DynamoDB Local) with dummy static keys. */
    public static DynamoSettings local(URI endpoint, String tableName) {
        return new DynamoSettings("us-east-1", Optional.of(endpoint), tableName, new StaticKeys("local", "local"),
                Optional.empty(), Duration.ofSeconds(10), 3);
    }

    public DynamoSettings withEndpoint(URI uri) {
        return new DynamoSettings(region, Optional.of(uri), tableName, credentials, retention, callTimeout, maxAttempts);
    }

    public DynamoSettings withRetention(Duration keepFor) {
        return new DynamoSettings(region, endpoint, tableName, credentials, Optional.of(keepFor), callTimeout,
                maxAttempts);
    }

    public DynamoSettings withCallTimeout(Duration timeout, int attempts) {
        return new DynamoSettings(region, endpoint, tableName, credentials, retention, timeout, attempts);
    }
}
