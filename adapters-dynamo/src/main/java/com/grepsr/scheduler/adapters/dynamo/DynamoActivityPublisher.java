package com.grepsr.scheduler.adapters.dynamo;

import com.grepsr.scheduler.application.port.out.ActivityPublisherPort;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.List;
import java.util.Map;

/**
 * Publishes activity events into the activity table ({@link ActivityTable}), one conditional
 * {@code PutItem} per event, in order.
 * <p>
 * {@code attribute_not_exists(pk)} on a key that is a function of the event makes it idempotent:
 * a ConditionalCheckFailed means an earlier attempt (or another relay replica) already stored
 * the event, which is a success. BatchWriteItem would be cheaper in calls but takes no
 * conditions and gives no order, so it could neither dedupe nor keep an account's order.
 */
public final class DynamoActivityPublisher implements ActivityPublisherPort {

    private final DynamoDbClient client;
    private final DynamoSettings settings;

    public DynamoActivityPublisher(DynamoDbClient client, DynamoSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    @Override
    public void publish(List<? extends ActivityEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            ActivityEvent e = events.get(i);
            try {
                client.putItem(b -> b.tableName(settings.tableName())
                        .item(ActivityItems.toItem(e, settings.retention()))
                        .conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", ActivityTable.PK)));
            } catch (ConditionalCheckFailedException alreadyThere) {
                // stored before: idempotent success
            } catch (RuntimeException failure) {
                throw new PublishFailedException(i, "could not store activity event " + e.id() + " in "
                        + settings.tableName() + ": " + failure.getMessage(), failure);
            }
        }
    }
}
