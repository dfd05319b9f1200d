package com.grepsr.scheduler.adapters.dynamo;

import com.grepsr.scheduler.domain.event.EventId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the activity table raw, past the feed's queries, to count what is really stored. */
final class TableScan {

    private TableScan() {
    }

    /** Every item of the table (consistent scan, all pages). */
    static List<Map<String, AttributeValue>> items(DynamoAdapters dynamo) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.client().scanPaginator(ScanRequest.builder().tableName(dynamo.settings().tableName())
                .consistentRead(true).build()).items().forEach(items::add);
        return items;
    }

    /** How many items hold the event. */
    static int copies(DynamoAdapters dynamo, EventId id) {
        return (int) items(dynamo).stream().filter(i -> id.value().equals(i.get("eventId").s())).count();
    }
}
