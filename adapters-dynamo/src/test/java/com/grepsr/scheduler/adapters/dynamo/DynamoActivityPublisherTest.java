package com.grepsr.scheduler.adapters.dynamo;

import com.grepsr.scheduler.application.port.out.ActivityPublisherPort.PublishFailedException;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.grepsr.scheduler.application.contract.ActivityEventSamples.T0;
import static com.grepsr.scheduler.application.contract.ActivityEventSamples.createdAt;
import static com.grepsr.scheduler.application.contract.ActivityEventSamples.createdEvery;
import static com.grepsr.scheduler.application.contract.ActivityEventSamples.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the DynamoDB adapter does beyond the shared contracts: table, TTL, conditional puts, failures. */
class DynamoActivityPublisherTest {

    @RegisterExtension
    static final DynaliteExtension DYNAMO = DynaliteExtension.inMemory();

    @Test
    void create_if_absent_creates_once_and_leaves_an_active_table() {
        try (DynamoAdapters dynamo = DynamoAdapters.create(DYNAMO.freshTableSettings())) {
            assertThat(dynamo.table().status()).isEmpty();

            assertThat(dynamo.table().createIfAbsent(Duration.ofSeconds(10))).isTrue();
            assertThat(dynamo.table().createIfAbsent(Duration.ofSeconds(10))).isFalse();

            assertThat(dynamo.table().status()).contains(TableStatus.ACTIVE);
            var gsi = dynamo.client().describeTable(b -> b.tableName(dynamo.table().name())).table()
                    .globalSecondaryIndexes();
            assertThat(gsi).extracting(g -> g.indexName()).containsExactly(ActivityTable.BY_REPORT);
        }
    }

    @Test
    void with_a_retention_items_carry_the_ttl_attribute() {
        DynamoSettings settings = DYNAMO.freshTableSettings().withRetention(Duration.ofDays(90));
        try (DynamoAdapters dynamo = DynamoAdapters.create(settings)) {
            dynamo.table().createIfAbsent(Duration.ofSeconds(10)); // dynalite cannot enable TTL: a warning, no failure
            ActivityEvent e = createdAt(report("acct-ttl", "rep-ttl"), T0);

            dynamo.publisher().publish(List.of(e));

            Map<String, AttributeValue> item = TableScan.items(dynamo).get(0);
            assertThat(item.get(ActivityTable.TTL).n()).isEqualTo(Long.toString(T0.plus(Duration.ofDays(90)).getEpochSecond()));
        }
    }

    @Test
    void republishing_never_overwrites_the_stored_item() {
        try (DynamoAdapters dynamo = DYNAMO.freshTable()) {
            ActivityEvent e = createdAt(report("acct-cond", "rep-cond"), T0);
            dynamo.publisher().publish(List.of(e));
            // mark the stored item, so an unconditional put would show by erasing the mark
            Map<String, AttributeValue> item = TableScan.items(dynamo).get(0);
            dynamo.client().updateItem(b -> b.tableName(dynamo.table().name())
                    .key(Map.of(ActivityTable.PK, item.get(ActivityTable.PK), ActivityTable.SK, item.get(ActivityTable.SK)))
                    .updateExpression("SET mark = :m").expressionAttributeValues(Map.of(":m", AttributeValue.fromS("x"))));

            dynamo.publisher().publish(List.of(e));
            dynamo.publisher().publish(List.of(e));

            assertThat(TableScan.items(dynamo)).singleElement().satisfies(i -> assertThat(i).containsKey("mark"));
        }
    }

    @Test
    void a_failure_says_how_many_events_were_stored_first() {
        try (DynamoAdapters dynamo = DynamoAdapters.create(DYNAMO.freshTableSettings())) {
            List<ActivityEvent> events = createdEvery(report("acct-fail", "rep-fail"), T0, 3);

            // no table: the first put fails
            assertThatThrownBy(() -> dynamo.publisher().publish(events))
                    .isInstanceOfSatisfying(PublishFailedException.class, e -> assertThat(e.published()).isZero())
                    .hasMessageContaining(events.get(0).id().value());
        }
    }

    @Test
    void the_commands_create_the_table_and_print_a_feed_page() {
        DynamoSettings settings = DYNAMO.freshTableSettings();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        assertThat(ActivityTableCommands.createTable(settings, Duration.ofSeconds(10), out)).isZero();
        try (DynamoAdapters dynamo = DynamoAdapters.create(settings)) {
            dynamo.publisher().publish(createdEvery(report("acct-cli", "rep-cli"), T0, 3));
        }
        assertThat(ActivityTableCommands.showFeed(settings, "acct-cli", null, 2, "", out)).isZero();
        assertThat(ActivityTableCommands.showFeed(settings, null, null, 2, "", out)).isEqualTo(2);

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("created activity table " + settings.tableName())
                .contains(T0.plusSeconds(2) + "\tReportScheduleCreatedEvent\tsched-rep-cli\trep-cli\talice")
                .contains("next page: ").contains("give either an account id or a report id");
    }
}
