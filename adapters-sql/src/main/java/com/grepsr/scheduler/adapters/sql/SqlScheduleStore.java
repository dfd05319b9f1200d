package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.adapters.sql.jooq.tables.records.VtExtractorScheduleRecord;
import com.grepsr.scheduler.adapters.sql.vendor.VendorStrategy;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.PageTokens;
import com.grepsr.scheduler.application.model.ScheduleFilter;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.domain.error.AlreadyExistsException;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.VersionConflictException;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;
import org.jooq.Condition;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.grepsr.scheduler.adapters.sql.jooq.Tables.VT_EXTRACTOR_SCHEDULE;

/** Schedules in {@code vt_extractor_schedule}; updates are compare-and-set on the version column. */
public final class SqlScheduleStore implements ScheduleStorePort {

    private static final String KIND = "schedule";
    private final SqlTransactions tx;
    private final VendorStrategy vendor;

    /** Ids per IN list: well under every driver's bind-parameter limit. */
    private static final int IN_CHUNK = 500;

    SqlScheduleStore(SqlTransactions tx, VendorStrategy vendor) {
        this.tx = tx;
        this.vendor = vendor;
    }

    @Override
    public void insert(Schedule schedule) {
        // ON CONFLICT DO NOTHING (or its vendor spelling) rather than catching a duplicate-key
        // error: on PostgreSQL a failed statement would poison the caller's whole transaction
        int inserted = tx.dsl().insertInto(VT_EXTRACTOR_SCHEDULE).set(ScheduleRows.toRecord(schedule))
                .onConflictDoNothing().execute();
        if (inserted == 0) {
            throw new AlreadyExistsException(KIND, schedule.id().value());
        }
    }

    @Override
    public void update(Schedule updated, long expectedVersion) {
        VtExtractorScheduleRecord row = ScheduleRows.toRecord(updated);
        row.changed(VT_EXTRACTOR_SCHEDULE.ID, false);
        row.changed(VT_EXTRACTOR_SCHEDULE.CREATED_AT, false);
        int changed = tx.dsl().update(VT_EXTRACTOR_SCHEDULE).set(row)
                .where(VT_EXTRACTOR_SCHEDULE.ID.eq(updated.id().value()))
                .and(VT_EXTRACTOR_SCHEDULE.VERSION.eq(expectedVersion))
                .execute();
        if (changed == 0) {
            Long actual = tx.dsl().select(VT_EXTRACTOR_SCHEDULE.VERSION).from(VT_EXTRACTOR_SCHEDULE)
                    .where(VT_EXTRACTOR_SCHEDULE.ID.eq(updated.id().value())).fetchOne(VT_EXTRACTOR_SCHEDULE.VERSION);
            if (actual == null) {
                throw new NotFoundException(KIND, updated.id().value());
            }
            throw new VersionConflictException(KIND, updated.id().value(), expectedVersion, actual);
        }
    }

    @Override
    public Optional<Schedule> find(ScheduleId id) {
        return tx.dsl().selectFrom(VT_EXTRACTOR_SCHEDULE).where(VT_EXTRACTOR_SCHEDULE.ID.eq(id.value()))
                .fetchOptional().map(ScheduleRows::fromRecord);
    }

    @Override
    public List<Schedule> findAll(Collection<ScheduleId> ids) {
        List<String> distinct = ids.stream().map(ScheduleId::value).distinct().toList();
        List<Schedule> found = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += IN_CHUNK) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + IN_CHUNK));
            found.addAll(tx.dsl().selectFrom(VT_EXTRACTOR_SCHEDULE).where(VT_EXTRACTOR_SCHEDULE.ID.in(chunk))
                    .fetch(ScheduleRows::fromRecord));
        }
        return found;
    }

    @Override
    public Page<Schedule> list(ScheduleFilter filter, PageRequest page) {
        Condition where = matching(filter);
        if (!page.isFirst()) {
            where = where.and(VT_EXTRACTOR_SCHEDULE.ID.gt(Keyset.id(PageTokens.decode(page.token(), 1).get(0))));
        }
        List<VtExtractorScheduleRecord> rows = tx.dsl().selectFrom(VT_EXTRACTOR_SCHEDULE).where(where)
                .orderBy(VT_EXTRACTOR_SCHEDULE.ID.asc()).limit(page.size() + 1).fetch();
        return Keyset.page(rows, page, ScheduleRows::fromRecord, r -> new String[] {r.getId()});
    }

    @Override
    public List<Schedule> findPausedUntil(Instant now, int limit) {
        return tx.dsl().selectFrom(VT_EXTRACTOR_SCHEDULE)
                .where(VT_EXTRACTOR_SCHEDULE.STATUS.eq(ScheduleStatus.PAUSED.name()))
                .and(VT_EXTRACTOR_SCHEDULE.PAUSED_UNTIL.le(now))
                .orderBy(VT_EXTRACTOR_SCHEDULE.ID.asc()).limit(limit)
                .fetch(ScheduleRows::fromRecord);
    }

    @Override
    public List<DueSchedule> dueForCalculation(Instant now, Optional<DueSchedule> after, int limit) {
        // the (status, calculate_at, id) index delivers this range in order: nothing due, no rows
        // read. The keyset starts each page past the previous one instead of scanning again over
        // the index entries the calculator has just moved on (dead until vacuumed). It is a row
        // comparison, which PostgreSQL uses as an index condition: spelled with OR it is a filter,
        // and a fill from empty (every mark equal) read every earlier entry again on each page
        Condition where = VT_EXTRACTOR_SCHEDULE.STATUS.eq(ScheduleStatus.ACTIVE.name())
                .and(VT_EXTRACTOR_SCHEDULE.CALCULATE_AT.le(now));
        if (after.isPresent()) {
            Instant at = after.get().at();
            where = where.and(VT_EXTRACTOR_SCHEDULE.CALCULATE_AT.ge(at)) // a range MySQL/MariaDB can use too
                    .and(DSL.row(VT_EXTRACTOR_SCHEDULE.CALCULATE_AT, VT_EXTRACTOR_SCHEDULE.ID)
                            .gt(at, after.get().schedule().id().value()));
        }
        return tx.dsl().selectFrom(VT_EXTRACTOR_SCHEDULE).where(where)
                .orderBy(VT_EXTRACTOR_SCHEDULE.CALCULATE_AT.asc(), VT_EXTRACTOR_SCHEDULE.ID.asc())
                .limit(Math.max(0, limit))
                .fetch(r -> new DueSchedule(ScheduleRows.fromRecord(r), r.getCalculateAt()));
    }

    @Override
    public Set<ScheduleId> lockIfUnchanged(Map<ScheduleId, Long> versions) {
        // FOR UPDATE rather than a shared lock: the caller goes on to update these rows (their
        // marks), and two share-lockers upgrading the same row would deadlock. A locking read sees
        // the latest committed version on every vendor, also after waiting for a writer.
        List<String> ids = versions.keySet().stream().map(ScheduleId::value).sorted().toList();
        Set<ScheduleId> unchanged = new HashSet<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            tx.dsl().select(VT_EXTRACTOR_SCHEDULE.ID, VT_EXTRACTOR_SCHEDULE.VERSION).from(VT_EXTRACTOR_SCHEDULE)
                    .where(VT_EXTRACTOR_SCHEDULE.ID.in(chunk))
                    .orderBy(VT_EXTRACTOR_SCHEDULE.ID.asc())
                    .forUpdate()
                    .fetch()
                    .forEach(row -> {
                        ScheduleId id = ScheduleId.of(row.value1());
                        if (row.value2().equals(versions.get(id))) {
                            unchanged.add(id);
                        }
                    });
        }
        return unchanged;
    }

    @Override
    public int calculatedUntil(List<NextCalculation> marks) {
        if (marks.isEmpty()) {
            return 0;
        }
        return vendor.markCalculated(tx.dsl(), marks);
    }

    private static Condition matching(ScheduleFilter f) {
        Condition c = DSL.noCondition();
        if (f.account().isPresent()) {
            c = c.and(VT_EXTRACTOR_SCHEDULE.ACCOUNT_ID.eq(f.account().get().value()));
        }
        if (f.project().isPresent()) {
            c = c.and(VT_EXTRACTOR_SCHEDULE.PROJECT_ID.eq(f.project().get().value()));
        }
        if (f.report().isPresent()) {
            c = c.and(VT_EXTRACTOR_SCHEDULE.REPORT_ID.eq(f.report().get().value()));
        }
        if (!f.statuses().isEmpty()) {
            c = c.and(VT_EXTRACTOR_SCHEDULE.STATUS.in(f.statuses().stream().map(Enum::name).toList()));
        }
        return c;
    }
}
