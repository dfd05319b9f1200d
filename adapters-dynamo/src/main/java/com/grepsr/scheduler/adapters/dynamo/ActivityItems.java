package com.grepsr.scheduler.adapters.dynamo;

import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import com.grepsr.scheduler.domain.event.EventId;
import com.grepsr.scheduler.domain.event.ReportScheduleCreatedEvent;
import com.grepsr.scheduler.domain.event.ReportScheduleDeletedEvent;
import com.grepsr.scheduler.domain.event.ReportScheduleStoppedEvent;
import com.grepsr.scheduler.domain.event.ReportScheduleUnpausedEvent;
import com.grepsr.scheduler.domain.event.ReportScheduleUpdatedEvent;
import com.grepsr.scheduler.domain.event.ScheduledRunMissedEvent;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Maps activity events to and from the table's items; the key formats live here. */
final class ActivityItems {

    /**
     * Fixed width, nanoseconds always written: sort-key text then sorts like the instant itself
     * ({@code Instant.toString()} drops a zero fraction, and "…:00Z" sorts after "…:00.5Z").
     */
    static final DateTimeFormatter SORTABLE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** Event constructors by {@link ActivityEvent#type()}; a test checks it covers every permitted subtype. */
    static final Map<String, Factory> FACTORIES = Map.of(
            "ReportScheduleCreatedEvent", ReportScheduleCreatedEvent::new,
            "ReportScheduleStoppedEvent", ReportScheduleStoppedEvent::new,
            "ReportScheduleDeletedEvent", ReportScheduleDeletedEvent::new,
            "ReportScheduleUnpausedEvent", ReportScheduleUnpausedEvent::new,
            "ReportScheduleUpdatedEvent", ReportScheduleUpdatedEvent::new,
            "ScheduledRunMissedEvent", ScheduledRunMissedEvent::new);

    @FunctionalInterface
    interface Factory {
        ActivityEvent create(EventId id, ScheduleId scheduleId, ReportRef report, String actor, Instant occurredAt,
                             Map<String, String> details);
    }

    private ActivityItems() {
    }

    static String accountKey(String accountId) {
        return "ACCOUNT#" + accountId;
    }

    static String reportKey(String reportId) {
        return "REPORT#" + reportId;
    }

    /** {@code <fixed-width instant>#<event id>}: newest first is descending order of this text. */
    static String sortKey(ActivityEvent e) {
        return SORTABLE_TIME.format(e.occurredAt()) + "#" + e.id().value();
    }

    /** The item of an event; {@code retention} adds the TTL attribute (epoch seconds). */
    static Map<String, AttributeValue> toItem(ActivityEvent e, Optional<Duration> retention) {
        ReportRef r = e.report();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ActivityTable.PK, s(accountKey(r.accountId().value())));
        item.put(ActivityTable.SK, s(sortKey(e)));
        item.put(ActivityTable.GSI_PK, s(reportKey(r.reportId().value())));
        item.put(ActivityTable.GSI_SK, s(sortKey(e)));
        item.put("eventId", s(e.id().value()));
        item.put("type", s(e.type()));
        item.put("scheduleId", s(e.scheduleId().value()));
        item.put("reportId", s(r.reportId().value()));
        item.put("projectId", s(r.projectId().value()));
        item.put("accountId", s(r.accountId().value()));
        item.put("serviceCode", s(r.serviceCode().value()));
        item.put("actor", s(e.actor()));
        item.put("occurredAt", s(SORTABLE_TIME.format(e.occurredAt())));
        Map<String, AttributeValue> details = new LinkedHashMap<>();
        e.details().forEach((k, v) -> details.put(k, s(v)));
        item.put("details", AttributeValue.fromM(details));
        retention.ifPresent(keep -> item.put(ActivityTable.TTL,
                AttributeValue.fromN(Long.toString(e.occurredAt().plus(keep).getEpochSecond()))));
        return item;
    }

    /** The event an item holds; an item of a type this version does not know is an error. */
    static ActivityEvent fromItem(Map<String, AttributeValue> item) {
        String type = text(item, "type");
        Factory factory = FACTORIES.get(type);
        if (factory == null) {
            throw new IllegalStateException("activity item " + item.get(ActivityTable.SK) + " has unknown type " + type);
        }
        Map<String, String> details = new LinkedHashMap<>();
        AttributeValue d = item.get("details");
        if (d != null && d.hasM()) {
            d.m().forEach((k, v) -> details.put(k, v.s()));
        }
        ReportRef report = ReportRef.of(text(item, "reportId"), text(item, "projectId"), text(item, "accountId"),
                text(item, "serviceCode"));
        return factory.create(EventId.of(text(item, "eventId")), ScheduleId.of(text(item, "scheduleId")), report,
                text(item, "actor"), Instant.parse(text(item, "occurredAt")), details);
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || v.s() == null) {
            throw new IllegalStateException("activity item " + item.get(ActivityTable.SK) + " lacks " + name);
        }
        return v.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
