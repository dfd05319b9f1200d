package com.grepsr.scheduler.adapters.dynamo;

import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.PageTokens;
import com.grepsr.scheduler.application.port.out.ActivityFeedPort;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the activity feed from the activity table: an account's events from its partition, a
 * report's from the {@value ActivityTable#BY_REPORT} index, newest first (ScanIndexForward=false).
 * <p>
 * The page token holds the last item's sort key and account, which is all it takes to rebuild
 * DynamoDB's ExclusiveStartKey for either query; we mint it ourselves instead of passing
 * LastEvaluatedKey through so that the last page has no token, as the port promises.
 */
public final class DynamoActivityFeed implements ActivityFeedPort {

    private static final Pattern SORT_KEY =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z#[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private final DynamoDbClient client;
    private final DynamoSettings settings;

    public DynamoActivityFeed(DynamoDbClient client, DynamoSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    @Override
    public Page<ActivityEvent> byAccount(AccountId account, PageRequest page) {
        String pk = ActivityItems.accountKey(account.value());
        Map<String, AttributeValue> start = page.isFirst() ? null : Map.of(
                ActivityTable.PK, s(pk), ActivityTable.SK, s(Position.of(page.token()).sortKey()));
        QueryRequest.Builder query = QueryRequest.builder().tableName(settings.tableName())
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", ActivityTable.PK))
                .expressionAttributeValues(Map.of(":pk", s(pk)));
        return run(query, start, page.size());
    }

    @Override
    public Page<ActivityEvent> byReport(ReportId report, PageRequest page) {
        String gsiPk = ActivityItems.reportKey(report.value());
        Map<String, AttributeValue> start = null;
        if (!page.isFirst()) {
            Position p = Position.of(page.token());
            // an index's start key names the index key and the table key of the last item
            start = Map.of(ActivityTable.GSI_PK, s(gsiPk), ActivityTable.GSI_SK, s(p.sortKey()),
                    ActivityTable.PK, s(ActivityItems.accountKey(p.accountId())), ActivityTable.SK, s(p.sortKey()));
        }
        QueryRequest.Builder query = QueryRequest.builder().tableName(settings.tableName())
                .indexName(ActivityTable.BY_REPORT)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", ActivityTable.GSI_PK))
                .expressionAttributeValues(Map.of(":pk", s(gsiPk)));
        return run(query, start, page.size());
    }

    /** Queries until a page and one more item are in hand (DynamoDB may stop early at 1 MB). */
    private Page<ActivityEvent> run(QueryRequest.Builder query, Map<String, AttributeValue> start, int size) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> next = start;
        do {
            QueryResponse r = client.query(query.scanIndexForward(false).exclusiveStartKey(next)
                    .limit(size + 1 - items.size()).build());
            items.addAll(r.items());
            next = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (next != null && items.size() <= size);
        String token = "";
        if (items.size() > size) {
            items = items.subList(0, size);
            Map<String, AttributeValue> last = items.get(size - 1);
            token = new Position(last.get(ActivityTable.SK).s(), last.get("accountId").s()).token();
        }
        return new Page<>(items.stream().map(ActivityItems::fromItem).toList(), token);
    }

    /** Where a page ends: the last item's sort key and account. */
    private record Position(String sortKey, String accountId) {

        String token() {
            return PageTokens.encode(sortKey, accountId);
        }

        /** The position in a token; a token we did not mint is a validation error on page_token. */
        static Position of(String token) {
            List<String> parts = PageTokens.decode(token, 2);
            if (!SORT_KEY.matcher(parts.get(0)).matches()) {
                throw badToken();
            }
            try {
                return new Position(parts.get(0), AccountId.of(parts.get(1)).value());
            } catch (ValidationException e) {
                throw badToken();
            }
        }

        private static ValidationException badToken() {
            return ValidationException.of("page_token",
                    "is not a token this service issued (use next_page_token as given)");
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
