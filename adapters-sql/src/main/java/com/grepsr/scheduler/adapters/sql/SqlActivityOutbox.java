package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.adapters.sql.jooq.tables.records.ActivityOutboxRecord;
import com.grepsr.scheduler.application.port.out.ActivityOutboxPort;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.ProjectId;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.common.ServiceCode;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import com.grepsr.scheduler.domain.event.EventId;
import com.grepsr.scheduler.domain.event.ReportScheduleCreatedEvent;
import com.grepsr.scheduler.domain.event.ReportScheduleDeletedEvent;
import com.grepsr.scheduler.domain.event.ReportScheduleStoppedEvent;
import com.grepsr.scheduler.domain.event.ReportScheduleUnpausedEvent;
import com.grepsr.scheduler.domain.event.ReportScheduleUpdatedEvent;
import com.grepsr.scheduler.domain.event.ScheduledRunMissedEvent;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.ResultQuery;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static com.grepsr.scheduler.adapters.sql.jooq.Tables.ACTIVITY_OUTBOX;

/**
 * The transactional outbox in {@code activity_outbox}. {@link #append} writes through the
 * caller's transaction (see {@link SqlTransactions}), so the event commits with the change or
 * not at all; the relay reads in append order ({@code seq}).
 */
public final class SqlActivityOutbox implements ActivityOutboxPort {

    private final SqlTransactions tx;
    private final Clock clock;

    SqlActivityOutbox(SqlTransactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void append(ActivityEvent e) {
        tx.dsl().insertInto(ACTIVITY_OUTBOX)
                .set(ACTIVITY_OUTBOX.EVENT_ID, e.id().value())
                .set(ACTIVITY_OUTBOX.EVENT_TYPE, e.type())
                .set(ACTIVITY_OUTBOX.SCHEDULE_ID, e.scheduleId().value())
                .set(ACTIVITY_OUTBOX.REPORT_ID, e.report().reportId().value())
                .set(ACTIVITY_OUTBOX.PROJECT_ID, e.report().projectId().value())
                .set(ACTIVITY_OUTBOX.ACCOUNT_ID, e.report().accountId().value())
                .set(ACTIVITY_OUTBOX.SERVICE_CODE, e.report().serviceCode().value())
                .set(ACTIVITY_OUTBOX.ACTOR, e.actor())
                .set(ACTIVITY_OUTBOX.OCCURRED_AT, e.occurredAt())
                .set(ACTIVITY_OUTBOX.DETAILS, TextCodec.encodeMap(e.details()))
                .execute();
    }

    @Override
    public List<ActivityEvent> undelivered(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return tx.dsl().selectFrom(ACTIVITY_OUTBOX).where(ACTIVITY_OUTBOX.DELIVERED_AT.isNull())
                .orderBy(ACTIVITY_OUTBOX.SEQ.asc()).limit(limit).fetch(SqlActivityOutbox::fromRecord);
    }

    @Override
    public void markDelivered(Collection<EventId> ids) {
        if (ids.isEmpty()) {
            return;
        }
        tx.dsl().update(ACTIVITY_OUTBOX).set(ACTIVITY_OUTBOX.DELIVERED_AT, clock.instant())
                .where(ACTIVITY_OUTBOX.EVENT_ID.in(ids.stream().map(EventId::value).distinct().toList()))
                .and(ACTIVITY_OUTBOX.DELIVERED_AT.isNull())
                .execute();
    }

    private static ActivityEvent fromRecord(ActivityOutboxRecord r) {
        EventId id = EventId.of(r.getEventId());
        ScheduleId schedule = ScheduleId.of(r.getScheduleId());
        ReportRef report = new ReportRef(ReportId.of(r.getReportId()), ProjectId.of(r.getProjectId()),
                AccountId.of(r.getAccountId()), ServiceCode.of(r.getServiceCode()));
        String actor = r.getActor();
        Instant at = r.getOccurredAt();
        Map<String, String> details = TextCodec.decodeMap(r.getDetails());
        return switch (r.getEventType()) {
            case "ReportScheduleCreatedEvent" -> new ReportScheduleCreatedEvent(id, schedule, report, actor, at, details);
            case "ReportScheduleStoppedEvent" -> new ReportScheduleStoppedEvent(id, schedule, report, actor, at, details);
            case "ReportScheduleDeletedEvent" -> new ReportScheduleDeletedEvent(id, schedule, report, actor, at, details);
            case "ReportScheduleUnpausedEvent" -> new ReportScheduleUnpausedEvent(id, schedule, report, actor, at, details);
            case "ReportScheduleUpdatedEvent" -> new ReportScheduleUpdatedEvent(id, schedule, report, actor, at, details);
            case "ScheduledRunMissedEvent" -> new ScheduledRunMissedEvent(id, schedule, report, actor, at, details);
            default -> throw new IllegalStateException("unknown activity event type in the outbox: " + r.getEventType());
        };
    }

    /** The keys {@link #deleteDeliveredBefore} deletes, through ix_outbox_occurred (for the EXPLAIN checks). */
    static ResultQuery<Record1<Long>> deliveredBeforeQuery(DSLContext dsl, Instant cutoff,
                                                                          int limit) {
        return dsl.select(ACTIVITY_OUTBOX.SEQ).from(ACTIVITY_OUTBOX)
                .where(ACTIVITY_OUTBOX.OCCURRED_AT.lt(cutoff)).and(ACTIVITY_OUTBOX.DELIVERED_AT.isNotNull())
                .orderBy(ACTIVITY_OUTBOX.OCCURRED_AT, ACTIVITY_OUTBOX.SEQ).limit(limit);
    }

    @Override
    public int deleteDeliveredBefore(Instant cutoff, int limit) {
        if (limit <= 0) {
            return 0;
        }
        return tx.inTransaction(() -> {
            // keys first through ix_outbox_occurred, then delete them (MySQL's DELETE takes no LIMIT with IN)
            List<Long> old = deliveredBeforeQuery(tx.dsl(), cutoff, limit).fetch(ACTIVITY_OUTBOX.SEQ);
            if (old.isEmpty()) {
                return 0;
            }
            return tx.dsl().deleteFrom(ACTIVITY_OUTBOX).where(ACTIVITY_OUTBOX.SEQ.in(old))
                    .and(ACTIVITY_OUTBOX.DELIVERED_AT.isNotNull()).execute();
        });
    }
}
