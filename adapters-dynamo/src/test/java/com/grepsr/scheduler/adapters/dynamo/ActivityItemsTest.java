package com.grepsr.scheduler.adapters.dynamo;

import com.grepsr.scheduler.domain.event.ActivityEvent;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static com.grepsr.scheduler.application.contract.ActivityEventSamples.T0;
import static com.grepsr.scheduler.application.contract.ActivityEventSamples.createdAt;
import static com.grepsr.scheduler.application.contract.ActivityEventSamples.oneOfEachKind;
import static com.grepsr.scheduler.application.contract.ActivityEventSamples.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActivityItemsTest {

    @Test
    void every_kind_of_event_the_domain_permits_can_be_read_back() {
        assertThat(ActivityItems.FACTORIES.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ActivityEvent.class.getPermittedSubclasses()).map(Class::getSimpleName).toList());
        for (ActivityEvent e : oneOfEachKind(report("acct-1", "rep-1"))) {
            assertThat(ActivityItems.fromItem(ActivityItems.toItem(e, Optional.empty()))).isEqualTo(e);
        }
    }

    @Test
    void sort_keys_are_fixed_width_so_text_order_is_time_order() {
        ActivityEvent whole = createdAt(report("acct-1", "rep-1"), Instant.parse("2026-03-10T09:15:00Z"));
        ActivityEvent half = createdAt(report("acct-1", "rep-1"), Instant.parse("2026-03-10T09:15:00.5Z"));

        assertThat(ActivityItems.sortKey(whole)).startsWith("2026-03-10T09:15:00.000000000Z#evt-");
        assertThat(ActivityItems.sortKey(half)).isGreaterThan(ActivityItems.sortKey(whole));
    }

    @Test
    void the_ttl_attribute_is_the_event_time_plus_the_retention_in_epoch_seconds() {
        ActivityEvent e = createdAt(report("acct-1", "rep-1"), T0);

        assertThat(ActivityItems.toItem(e, Optional.of(Duration.ofDays(30))).get(ActivityTable.TTL).n())
                .isEqualTo(Long.toString(T0.plus(Duration.ofDays(30)).getEpochSecond()));
        assertThat(ActivityItems.toItem(e, Optional.empty())).doesNotContainKey(ActivityTable.TTL);
    }

    @Test
    void an_item_of_an_unknown_type_is_refused_with_its_key() {
        Map<String, AttributeValue> item = new HashMap<>(ActivityItems.toItem(createdAt(report("acct-1", "rep-1"), T0), Optional.empty()));
        item.put("type", AttributeValue.fromS("FromTheFutureEvent"));

        assertThatThrownBy(() -> ActivityItems.fromItem(item)).hasMessageContaining("FromTheFutureEvent");
    }
}
