package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.adapters.sql.jooq.tables.records.VtScheduledRunsRecord;
import com.grepsr.scheduler.adapters.sql.vendor.VendorStrategy;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.PageTokens;
import com.grepsr.scheduler.application.model.RunFilter;
import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.grepsr.scheduler.adapters.sql.jooq.Tables.VT_SCHEDULED_RUNS;

/**
 * Scheduled runs in {@code vt_scheduled_runs}. A claim is a lease in the row itself
 * ({@code claimed_by}, {@code claimed_until}), taken with {@code SELECT … FOR UPDATE SKIP LOCKED}
 * and written in the same transaction: replicas never wait for each other's rows and never get
 * the same row. The SELECT orders by (fire_at, id) under {@code status = 'PENDING'}, which the
 * (status, fire_at, id) index delivers as is; MariaDB only skips (instead of blocking) when no
 * filesort is needed. H2 locks every row its WHERE matches, so there a second concurrent claimer
 * gets nothing until the first commits: still exclusive, just not parallel (H2 is the
 * single-process embedded store).
 */
public final class SqlScheduledRunStore implements ScheduledRunStorePort {

    /** Ids per DELETE (or IN list): well under every driver's bind-parameter limit. */
    private static final int DELETE_CHUNK = 1_000;

    private static final String PENDING = RunStatus.PENDING.name();

    private final SqlTransactions tx;
    private final VendorStrategy vendor;

    SqlScheduledRunStore(SqlTransactions tx, VendorStrategy vendor) {
        this.tx = tx;
        this.vendor = vendor;
    }

    @Override
    public int insertIfAbsent(List<ScheduledRun> runs) {
        // one statement cannot insert two rows with the same key on every vendor (H2's MERGE
        // refuses), so duplicates inside the batch are dropped here first
        Set<String> ids = new HashSet<>();
        Set<List<Object>> occurrences = new HashSet<>();
        List<VtScheduledRunsRecord> rows = new ArrayList<>();
        for (ScheduledRun run : runs) {
            VtScheduledRunsRecord row = RunRows.toRecord(run);
            if (ids.add(row.getId()) && occurrences.add(List.of(row.getScheduleId(), row.getFireAt()))) {
                rows.add(row);
            }
        }
        return vendor.insertRunsIfAbsent(tx.dsl(), rows);
    }

    @Override
    public List<ScheduledRun> claimDue(Instant now, int limit, String claimer, Duration lease) {
        if (limit <= 0) {
            return List.of();
        }
        return tx.oneAtATimeOnH2(() -> {
            DSLContext dsl = tx.dsl();
            List<VtScheduledRunsRecord> rows = claimQuery(dsl, now, limit).fetch();
            if (rows.isEmpty()) {
                return List.of();
            }
            dsl.update(VT_SCHEDULED_RUNS)
                    .set(VT_SCHEDULED_RUNS.CLAIMED_BY, claimer)
                    .set(VT_SCHEDULED_RUNS.CLAIMED_UNTIL, now.plus(lease))
                    .where(VT_SCHEDULED_RUNS.ID.in(rows.stream().map(VtScheduledRunsRecord::getId).toList()))
                    .execute();
            return rows.stream().map(RunRows::fromRecord).toList();
        });
    }

    @Override
    public List<ScheduledRun> lockDue(Instant now, int limit) {
        if (!tx.open()) {
            throw new IllegalStateException("lockDue needs an open transaction");
        }
        return limit <= 0 ? List.of() : claimQuery(tx.dsl(), now, limit).fetch().stream().map(RunRows::fromRecord).toList();
    }

    @Override
    public int lease(Collection<ScheduledRunId> ids, String claimer, Instant until) {
        return ids.isEmpty() ? 0 : tx.dsl().update(VT_SCHEDULED_RUNS)
                .set(VT_SCHEDULED_RUNS.CLAIMED_BY, claimer)
                .set(VT_SCHEDULED_RUNS.CLAIMED_UNTIL, until)
                .where(VT_SCHEDULED_RUNS.ID.in(ids.stream().map(ScheduledRunId::value).toList()))
                .and(VT_SCHEDULED_RUNS.STATUS.eq(PENDING))
                .execute();
    }

    @Override
    public int release(Collection<ScheduledRunId> ids, String claimer) {
        if (ids.isEmpty()) {
            return 0;
        }
        return tx.dsl().update(VT_SCHEDULED_RUNS)
                .setNull(VT_SCHEDULED_RUNS.CLAIMED_BY)
                .setNull(VT_SCHEDULED_RUNS.CLAIMED_UNTIL)
                .where(VT_SCHEDULED_RUNS.ID.in(ids.stream().map(ScheduledRunId::value).toList()))
                .and(VT_SCHEDULED_RUNS.STATUS.eq(PENDING))
                .and(VT_SCHEDULED_RUNS.CLAIMED_BY.eq(claimer))
                .execute();
    }

    /** The locking read of a claim (package-private so a test can check MariaDB's plan for it). */
    static ResultQuery<VtScheduledRunsRecord> claimQuery(DSLContext dsl, Instant now, int limit) {
        return dsl.selectFrom(VT_SCHEDULED_RUNS)
                .where(VT_SCHEDULED_RUNS.STATUS.eq(PENDING))
                .and(VT_SCHEDULED_RUNS.FIRE_AT.le(now))
                .and(VT_SCHEDULED_RUNS.CLAIMED_UNTIL.isNull().or(VT_SCHEDULED_RUNS.CLAIMED_UNTIL.le(now)))
                .orderBy(VT_SCHEDULED_RUNS.FIRE_AT.asc(), VT_SCHEDULED_RUNS.ID.asc())
                .limit(limit)
                .forUpdate().skipLocked();
    }

    @Override
    public boolean settle(ScheduledRun settled) {
        if (settled.status() == RunStatus.PENDING) {
            throw new IllegalArgumentException("settle needs a run that left PENDING, got " + settled);
        }
        return tx.dsl().update(VT_SCHEDULED_RUNS)
                .set(VT_SCHEDULED_RUNS.STATUS, settled.status().name())
                .set(VT_SCHEDULED_RUNS.TASK_ID, settled.taskId() == null ? null : settled.taskId().value())
                .set(VT_SCHEDULED_RUNS.MISS_CAUSE, settled.missCause() == null ? null : settled.missCause().name())
                .set(VT_SCHEDULED_RUNS.SETTLED_AT, settled.settledAt())
                .setNull(VT_SCHEDULED_RUNS.CLAIMED_BY)
                .setNull(VT_SCHEDULED_RUNS.CLAIMED_UNTIL)
                .where(VT_SCHEDULED_RUNS.ID.eq(settled.id().value()))
                .and(VT_SCHEDULED_RUNS.STATUS.eq(PENDING))
                .execute() == 1;
    }

    /**
     * One prepared UPDATE executed as a JDBC batch: the driver sends the whole batch at once
     * (PostgreSQL pipelines it), instead of a round trip per run.
     */
    @Override
    public int settleAll(List<ScheduledRun> settled) {
        for (ScheduledRun r : settled) {
            if (r.status() == RunStatus.PENDING) {
                throw new IllegalArgumentException("settle needs runs that left PENDING, got " + r);
            }
        }
        if (settled.isEmpty()) {
            return 0;
        }
        var q = VT_SCHEDULED_RUNS;
        BatchBindStep batch = tx.dsl().batch(tx.dsl().update(q)
                .set(q.STATUS, DSL.param("status", q.STATUS))
                .set(q.TASK_ID, DSL.param("task_id", q.TASK_ID))
                .set(q.MISS_CAUSE, DSL.param("miss_cause", q.MISS_CAUSE))
                .set(q.SETTLED_AT, DSL.param("settled_at", q.SETTLED_AT))
                .setNull(q.CLAIMED_BY)
                .setNull(q.CLAIMED_UNTIL)
                .where(q.ID.eq(DSL.param("id", q.ID)))
                .and(q.STATUS.eq(DSL.param("pending", q.STATUS))));
        for (ScheduledRun r : settled) {
            Map<String, Object> values = new HashMap<>();
            values.put("status", r.status().name());
            values.put("task_id", r.taskId() == null ? null : r.taskId().value());
            values.put("miss_cause", r.missCause() == null ? null : r.missCause().name());
            values.put("settled_at", r.settledAt());
            values.put("id", r.id().value());
            values.put("pending", PENDING);
            batch = batch.bind(values);
        }
        return Arrays.stream(batch.execute()).map(n -> n > 0 ? 1 : 0).sum();
    }

    @Override
    public int deletePendingAfter(ScheduleId schedule, Instant after) {
        // read the ids without locking, then delete by primary key: a DELETE that scans (InnoDB
        // may plan it through the due index on a small table) waits on every locked row it passes,
        // other schedules' too, and two schedule changes deleting at once deadlocked on MariaDB
        List<String> ids = tx.dsl().select(VT_SCHEDULED_RUNS.ID).from(VT_SCHEDULED_RUNS)
                .where(VT_SCHEDULED_RUNS.SCHEDULE_ID.eq(schedule.value()))
                .and(VT_SCHEDULED_RUNS.FIRE_AT.gt(after))
                .and(VT_SCHEDULED_RUNS.STATUS.eq(PENDING))
                .and(VT_SCHEDULED_RUNS.CLAIMED_BY.isNull())
                .fetch(VT_SCHEDULED_RUNS.ID);
        int deleted = 0;
        for (int from = 0; from < ids.size(); from += DELETE_CHUNK) {
            deleted += tx.dsl().deleteFrom(VT_SCHEDULED_RUNS)
                    .where(VT_SCHEDULED_RUNS.ID.in(ids.subList(from, Math.min(ids.size(), from + DELETE_CHUNK))))
                    .and(VT_SCHEDULED_RUNS.STATUS.eq(PENDING)) // a processor may have claimed one meanwhile
                    .and(VT_SCHEDULED_RUNS.CLAIMED_BY.isNull())
                    .execute();
        }
        return deleted;
    }

    @Override
    public Optional<ScheduledRun> find(ScheduledRunId id) {
        return tx.dsl().selectFrom(VT_SCHEDULED_RUNS).where(VT_SCHEDULED_RUNS.ID.eq(id.value()))
                .fetchOptional().map(RunRows::fromRecord);
    }

    @Override
    public Optional<Instant> latestFireAt(ScheduleId schedule) {
        return Optional.ofNullable(tx.dsl().select(DSL.max(VT_SCHEDULED_RUNS.FIRE_AT)).from(VT_SCHEDULED_RUNS)
                .where(VT_SCHEDULED_RUNS.SCHEDULE_ID.eq(schedule.value())).fetchOne(0, Instant.class));
    }

    @Override
    public Map<ScheduleId, Instant> latestFireAts(Collection<ScheduleId> schedules) {
        List<String> ids = schedules.stream().map(ScheduleId::value).distinct().toList();
        return ids.isEmpty() ? new HashMap<>() : vendor.latestFireAts(tx.dsl(), ids);
    }

    @Override
    public Map<ScheduleId, Instant> latestFireAtsBetween(Collection<ScheduleId> schedules, Instant from, Instant to) {
        // a range of the (schedule_id, fire_at) unique index per schedule, bounded by the oldest late
        // run claimed: the backlog since then, not the schedule's history
        return fireAtPerSchedule(schedules, DSL.max(VT_SCHEDULED_RUNS.FIRE_AT), VT_SCHEDULED_RUNS.FIRE_AT.between(from, to));
    }

    @Override
    public Map<ScheduleId, Instant> oldestPendingBefore(Collection<ScheduleId> schedules, Instant before) {
        // a range of the (status, fire_at, id) index below the claim's newest run: what claims
        // hold, few rows however large the backlog or the schedules' history
        return fireAtPerSchedule(schedules, DSL.min(VT_SCHEDULED_RUNS.FIRE_AT),
                VT_SCHEDULED_RUNS.STATUS.eq(PENDING).and(VT_SCHEDULED_RUNS.FIRE_AT.lt(before)));
    }

    /** {@code fireAt} (an aggregate of fire_at) of each schedule's runs meeting {@code where}, if any. */
    private Map<ScheduleId, Instant> fireAtPerSchedule(Collection<ScheduleId> schedules, Field<Instant> fireAt,
                                                       Condition where) {
        List<String> ids = schedules.stream().map(ScheduleId::value).distinct().toList();
        Map<ScheduleId, Instant> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += DELETE_CHUNK) {
            tx.dsl().select(VT_SCHEDULED_RUNS.SCHEDULE_ID, fireAt)
                    .from(VT_SCHEDULED_RUNS)
                    .where(where)
                    .and(VT_SCHEDULED_RUNS.SCHEDULE_ID.in(ids.subList(from, Math.min(ids.size(), from + DELETE_CHUNK))))
                    .groupBy(VT_SCHEDULED_RUNS.SCHEDULE_ID)
                    .fetch()
                    .forEach(r -> found.put(ScheduleId.of(r.value1()), r.value2()));
        }
        return found;
    }

    @Override
    public Optional<Instant> nextDueAt(Instant notAfter) {
        // a claimed run comes due again when its lease ends (its claimer may have died); only runs
        // due by notAfter are read, an index range of (status, fire_at) (see the port)
        Field<Instant> claimableFrom = DSL.when(VT_SCHEDULED_RUNS.CLAIMED_UNTIL.gt(VT_SCHEDULED_RUNS.FIRE_AT),
                VT_SCHEDULED_RUNS.CLAIMED_UNTIL).otherwise(VT_SCHEDULED_RUNS.FIRE_AT);
        return Optional.ofNullable(tx.dsl().select(DSL.min(claimableFrom)).from(VT_SCHEDULED_RUNS)
                .where(VT_SCHEDULED_RUNS.STATUS.eq(PENDING)).and(VT_SCHEDULED_RUNS.FIRE_AT.le(notAfter))
                .fetchOne(0, Instant.class)).filter(at -> !at.isAfter(notAfter));
    }

    @Override
    public Page<ScheduledRun> list(RunFilter filter, PageRequest page) {
        Condition where = matching(filter);
        if (!page.isFirst()) {
            List<String> key = PageTokens.decode(page.token(), 2);
            where = where.and(Keyset.after(VT_SCHEDULED_RUNS.FIRE_AT, Keyset.instant(key.get(0)),
                    VT_SCHEDULED_RUNS.ID, Keyset.id(key.get(1)), filter.newestFirst()));
        }
        List<VtScheduledRunsRecord> rows = tx.dsl().selectFrom(VT_SCHEDULED_RUNS).where(where)
                .orderBy(Keyset.order(VT_SCHEDULED_RUNS.FIRE_AT, VT_SCHEDULED_RUNS.ID, filter.newestFirst()))
                .limit(page.size() + 1).fetch();
        return Keyset.page(rows, page, RunRows::fromRecord,
                r -> new String[] {r.getFireAt().toString(), r.getId()});
    }

    private static Condition matching(RunFilter f) {
        Condition c = DSL.noCondition();
        if (f.account().isPresent()) {
            c = c.and(VT_SCHEDULED_RUNS.ACCOUNT_ID.eq(f.account().get().value()));
        }
        if (f.report().isPresent()) {
            c = c.and(VT_SCHEDULED_RUNS.REPORT_ID.eq(f.report().get().value()));
        }
        if (f.schedule().isPresent()) {
            c = c.and(VT_SCHEDULED_RUNS.SCHEDULE_ID.eq(f.schedule().get().value()));
        }
        if (!f.statuses().isEmpty()) {
            c = c.and(VT_SCHEDULED_RUNS.STATUS.in(f.statuses().stream().map(Enum::name).toList()));
        }
        if (f.fireFrom().isPresent()) {
            c = c.and(VT_SCHEDULED_RUNS.FIRE_AT.ge(f.fireFrom().get()));
        }
        if (f.fireTo().isPresent()) {
            c = c.and(VT_SCHEDULED_RUNS.FIRE_AT.le(f.fireTo().get()));
        }
        return c;
    }

    /** The ids {@link #deleteSettledBefore} deletes, through ix_run_due (package-private for the EXPLAIN checks). */
    static ResultQuery<Record1<String>> settledBeforeQuery(DSLContext dsl, Instant cutoff, int limit) {
        List<String> settled = Arrays.stream(RunStatus.values()).filter(s -> s != RunStatus.PENDING)
                .map(Enum::name).toList();
        return dsl.select(VT_SCHEDULED_RUNS.ID).from(VT_SCHEDULED_RUNS)
                .where(VT_SCHEDULED_RUNS.STATUS.in(settled)).and(VT_SCHEDULED_RUNS.FIRE_AT.lt(cutoff))
                .limit(limit); // no ORDER BY: over four statuses it would sort the whole backlog
    }

    @Override
    public int deleteSettledBefore(Instant cutoff, int limit) {
        if (limit <= 0) {
            return 0;
        }
        return tx.inTransaction(() -> {
            // ids first through ix_run_due (status, fire_at), then delete them: MySQL's DELETE and
            // IN (subquery) take no LIMIT everywhere, and a short key list keeps the locks few
            List<String> old = settledBeforeQuery(tx.dsl(), cutoff, limit).fetch(VT_SCHEDULED_RUNS.ID);
            if (old.isEmpty()) {
                return 0;
            }
            return tx.dsl().deleteFrom(VT_SCHEDULED_RUNS).where(VT_SCHEDULED_RUNS.ID.in(old))
                    .and(VT_SCHEDULED_RUNS.STATUS.ne(PENDING)).execute();
        });
    }
}
