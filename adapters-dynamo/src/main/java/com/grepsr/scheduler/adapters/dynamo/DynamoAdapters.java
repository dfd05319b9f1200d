package com.grepsr.scheduler.adapters.dynamo;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.time.Duration;

/**
 * The DynamoDB adapters wired from {@link DynamoSettings}: the activity publisher, the feed and
 * the table helper over one client. Close it to release the client's connections.
 * <pre>
 *   try (DynamoAdapters dynamo = DynamoAdapters.create(DynamoSettings.aws("eu-west-1", "phoenix-activity"))) {
 *       dynamo.table().createIfAbsent(Duration.ofMinutes(2));
 *       relay = new ActivityRelayDaemon(outbox, dynamo.publisher(), tx, ActivityRelaySettings.DEFAULTS);
 *   }
 * </pre>
 */
public final class DynamoAdapters implements AutoCloseable {

    private final DynamoDbClient client;
    private final DynamoSettings settings;
    private final DynamoActivityPublisher publisher;
    private final DynamoActivityFeed feed;
    private final ActivityTable table;

    private DynamoAdapters(DynamoDbClient client, DynamoSettings settings) {
        this.client = client;
        this.settings = settings;
        this.publisher = new DynamoActivityPublisher(client, settings);
        this.feed = new DynamoActivityFeed(client, settings);
        this.table = new ActivityTable(client, settings);
    }

    /** Adapters over a new client built from the settings. */
    public static DynamoAdapters create(DynamoSettings settings) {
        return new DynamoAdapters(clientBuilder(settings).build(), settings);
    }

    /** Adapters over a client the caller built (e.g. from {@link #clientBuilder} plus interceptors); closing closes it. */
    public static DynamoAdapters using(DynamoDbClient client, DynamoSettings settings) {
        return new DynamoAdapters(client, settings);
    }

    /** A client builder configured from the settings, for callers that need to add to it. */
    public static DynamoDbClientBuilder clientBuilder(DynamoSettings settings) {
        Duration timeout = settings.callTimeout();
        DynamoDbClientBuilder b = DynamoDbClient.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings.credentials()))
                // explicit, so the SDK never has to choose among HTTP clients on the classpath
                .httpClientBuilder(Apache5HttpClient.builder()
                        .connectionTimeout(min(timeout, Duration.ofSeconds(3)))
                        .socketTimeout(timeout))
                .overrideConfiguration(o -> o.apiCallTimeout(timeout)
                        .retryStrategy(r -> r.maxAttempts(settings.maxAttempts())));
        settings.endpoint().ifPresent(b::endpointOverride);
        return b;
    }

    public DynamoActivityPublisher publisher() {
        return publisher;
    }

    public DynamoActivityFeed feed() {
        return feed;
    }

    public ActivityTable table() {
        return table;
    }

    public DynamoDbClient client() {
        return client;
    }

    public DynamoSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        client.close();
    }

    private static AwsCredentialsProvider credentials(DynamoSettings.Credentials c) {
        if (c instanceof DynamoSettings.StaticKeys keys) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
