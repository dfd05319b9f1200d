package com.grepsr.scheduler.adapters.dynamo;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;

/**
 * The activity table's layout, and creating it in a fresh environment.
 * <p>
 * Layout (one item per event):
 * <pre>
 *   pk      = ACCOUNT#&lt;account id&gt;                 partition: one account's feed
 *   sk      = &lt;occurredAt, fixed-width UTC&gt;#&lt;event id&gt;  newest first with ScanIndexForward=false
 *   gsi1pk  = REPORT#&lt;report id&gt;     } GSI {@value #BY_REPORT}: one report's feed, same order
 *   gsi1sk  = sk                     }
 *   eventId, type, scheduleId, reportId, projectId, accountId, serviceCode, actor, occurredAt,
 *   details (map of strings), expiresAt (epoch seconds, only with a retention: the TTL attribute)
 * </pre>
 * The key is a function of the event alone, so publishing with {@code attribute_not_exists(pk)}
 * is idempotent by event id. On-demand billing: the feed's traffic follows user activity.
 */
public final class ActivityTable {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String GSI_PK = "gsi1pk";
    public static final String GSI_SK = "gsi1sk";
    public static final String BY_REPORT = "byReport";
    public static final String TTL = "expiresAt";

    private static final System.Logger LOG = System.getLogger(ActivityTable.class.getName());

    private final DynamoDbClient client;
    private final DynamoSettings settings;

    public ActivityTable(DynamoDbClient client, DynamoSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    public String name() {
        return settings.tableName();
    }

    /**
     * Creates the table unless it exists, waits until it is ACTIVE, and turns TTL on when a
     * retention is set. Safe to run from several replicas at once.
     *
     * @return whether this call created the table
     */
    public boolean createIfAbsent(Duration timeout) {
        boolean created = false;
        if (status().isEmpty()) {
            try {
                client.createTable(b -> b.tableName(name())
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(stringAttribute(PK), stringAttribute(SK), stringAttribute(GSI_PK),
                                stringAttribute(GSI_SK))
                        .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(BY_REPORT)
                                .keySchema(key(GSI_PK, KeyType.HASH), key(GSI_SK, KeyType.RANGE))
                                .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
                created = true;
                LOG.log(Level.INFO, "created activity table " + name());
            } catch (ResourceInUseException raced) {
                // another replica created it between our look and our create: wait for it like for ours
            }
        }
        awaitActive(timeout);
        if (settings.retention().isPresent()) {
            enableTimeToLive();
        }
        return created;
    }

    /** The table's status, or empty when it does not exist. */
    public Optional<TableStatus> status() {
        try {
            return Optional.of(client.describeTable(b -> b.tableName(name())).table().tableStatus());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    private void awaitActive(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<TableStatus> s = status();
            if (s.isPresent() && s.get() == TableStatus.ACTIVE) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("activity table " + name() + " is not ACTIVE after " + timeout
                        + " (status " + s.map(Enum::name).orElse("absent") + ")");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for table " + name(), e);
            }
        }
    }

    private void enableTimeToLive() {
        try {
            TimeToLiveStatus now = client.describeTimeToLive(b -> b.tableName(name()))
                    .timeToLiveDescription().timeToLiveStatus();
            // DynamoDB refuses to enable TTL twice, so only ask when it is off
            if (now == TimeToLiveStatus.DISABLED || now == TimeToLiveStatus.DISABLING || now == null) {
                client.updateTimeToLive(b -> b.tableName(name())
                        .timeToLiveSpecification(t -> t.attributeName(TTL).enabled(true)));
            }
        } catch (DynamoDbException e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            if (!"UnknownOperationException".equals(code)) {
                throw e;
            }
            // local servers (dynalite) lack UpdateTimeToLive; the attribute is still written
            LOG.log(Level.WARNING, "this DynamoDB server cannot enable TTL on " + name() + "; events will not expire");
        }
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
