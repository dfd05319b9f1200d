package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.adapters.sql.jooq.tables.records.TasksRecord;
import com.grepsr.scheduler.adapters.sql.vendor.VendorStrategy;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.PageTokens;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.model.TaskStats;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.domain.error.AlreadyExistsException;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.VersionConflictException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Record5;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.grepsr.scheduler.adapters.sql.jooq.Tables.TASKS;

/** Tasks in {@code tasks}; updates are compare-and-set on the version column. */
public final class SqlTaskStore implements TaskStorePort {

    private static final String KIND = "task";
    /** Ids per IN list: well inside every vendor's limits. */
    private static final int IN_CHUNK = 500;
    /** Rows per multi-row INSERT: well under every driver's bind-parameter limit (~20 columns a row). */
    private static final int INSERT_CHUNK = 500;

    private final SqlTransactions tx;
    private final VendorStrategy vendor;

    SqlTaskStore(SqlTransactions tx, VendorStrategy vendor) {
        this.tx = tx;
        this.vendor = vendor;
    }

    @Override
    public void insert(Task task) {
        // see SqlScheduleStore.insert: no duplicate-key error inside the caller's transaction
        if (tx.dsl().insertInto(TASKS).set(TaskRows.toRecord(task)).onConflictDoNothing().execute() == 0) {
            throw new AlreadyExistsException(KIND, task.id().value());
        }
    }

    /**
     * One multi-row INSERT per chunk ({@link VendorStrategy#insertTasksFindingTaken}), or one
     * INSERT per task where the vendor cannot take many; a taken id (or an id twice in the list)
     * fails the call, naming that id, and the caller's transaction rolls back.
     */
    @Override
    public void insertAll(List<Task> created) {
        if (!vendor.insertsManyTasksAtOnce()) {
            created.forEach(this::insert);
            return;
        }
        Set<String> asked = new HashSet<>();
        for (Task t : created) {
            if (!asked.add(t.id().value())) {
                throw new AlreadyExistsException(KIND, t.id().value());
            }
        }
        for (int from = 0; from < created.size(); from += INSERT_CHUNK) {
            List<Task> chunk = created.subList(from, Math.min(created.size(), from + INSERT_CHUNK));
            List<TasksRecord> rows = chunk.stream().map(TaskRows::toRecord).toList();
            List<String> taken = vendor.insertTasksFindingTaken(tx.dsl(), rows);
            if (!taken.isEmpty()) {
                throw new AlreadyExistsException(KIND, taken.get(0));
            }
        }
    }

    @Override
    public void update(Task updated, long expectedVersion) {
        TasksRecord row = TaskRows.toRecord(updated);
        row.changed(TASKS.ID, false);
        row.changed(TASKS.CREATED_AT, false);
        int changed = tx.dsl().update(TASKS).set(row)
                .where(TASKS.ID.eq(updated.id().value())).and(TASKS.VERSION.eq(expectedVersion)).execute();
        if (changed == 0) {
            Long actual = tx.dsl().select(TASKS.VERSION).from(TASKS).where(TASKS.ID.eq(updated.id().value()))
                    .fetchOne(TASKS.VERSION);
            if (actual == null) {
                throw new NotFoundException(KIND, updated.id().value());
            }
            throw new VersionConflictException(KIND, updated.id().value(), expectedVersion, actual);
        }
    }

    /**
     * All rows in one go ({@link VendorStrategy#updateTasksAtVersions}: a JDBC batch, or one
     * statement). Any row not at its expected version fails the whole call.
     */
    @Override
    public void updateAll(List<Update> updates) {
        if (updates.isEmpty()) {
            return;
        }
        List<TasksRecord> rows = updates.stream().map(u -> TaskRows.toRecord(u.updated())).toList();
        long[] expected = updates.stream().mapToLong(Update::expectedVersion).toArray();
        if (!vendor.updateTasksAtVersions(tx.dsl(), rows, expected)) {
            throwConflictOfFirstUnwritten(updates);
        }
    }

    /**
     * Says which update of {@code updates} was not written and why, as {@link #update} does: rows
     * written by the call are at their new version, so the first row at any other version (or
     * gone) is the one. The caller's transaction rolls the written ones back.
     */
    private void throwConflictOfFirstUnwritten(List<Update> updates) {
        Map<String, Long> versions = new HashMap<>();
        List<String> ids = updates.stream().map(u -> u.updated().id().value()).distinct().toList();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            tx.dsl().select(TASKS.ID, TASKS.VERSION).from(TASKS).where(TASKS.ID.in(ids.subList(from,
                    Math.min(ids.size(), from + IN_CHUNK)))).forEach(r -> versions.put(r.value1(), r.value2()));
        }
        for (Update u : updates) {
            Long actual = versions.get(u.updated().id().value());
            if (actual == null) {
                throw new NotFoundException(KIND, u.updated().id().value());
            }
            if (actual != u.updated().version()) {
                throw new VersionConflictException(KIND, u.updated().id().value(), u.expectedVersion(), actual);
            }
        }
        // every row is at its new version, yet fewer were written: an id twice in one call
        Update first = updates.get(0);
        throw new VersionConflictException(KIND, first.updated().id().value(), first.expectedVersion(), -1);
    }

    @Override
    public Optional<Task> find(TaskId id) {
        return tx.dsl().selectFrom(TASKS).where(TASKS.ID.eq(id.value())).fetchOptional().map(TaskRows::fromRecord);
    }

    @Override
    public List<Task> findAll(Collection<TaskId> ids) {
        List<String> distinct = ids.stream().map(TaskId::value).distinct().toList();
        List<Task> found = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += IN_CHUNK) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + IN_CHUNK));
            found.addAll(tx.dsl().selectFrom(TASKS).where(TASKS.ID.in(chunk)).fetch(TaskRows::fromRecord));
        }
        return found;
    }

    @Override
    public Optional<Task> findByLaunchName(String launchName) {
        return tx.dsl().selectFrom(TASKS).where(TASKS.LAUNCH_NAME.eq(launchName))
                .orderBy(TASKS.CREATED_AT.desc(), TASKS.ID.desc()).limit(1)
                .fetchOptional().map(TaskRows::fromRecord);
    }

    @Override
    public Page<Task> list(TaskFilter filter, PageRequest page) {
        Condition where = matchingAllButStatus(filter);
        if (!page.isFirst()) {
            List<String> key = PageTokens.decode(page.token(), 2);
            where = where.and(Keyset.after(TASKS.CREATED_AT, Keyset.instant(key.get(0)), TASKS.ID, Keyset.id(key.get(1)), true));
        }
        int limit = page.size() + 1;
        List<TasksRecord> rows = readsEachStatusOnItsOwn(filter)
                ? newestOfEachStatus(where, filter.statuses(), limit)
                : tx.dsl().selectFrom(TASKS).where(where.and(statusIn(filter)))
                        .orderBy(Keyset.order(TASKS.CREATED_AT, TASKS.ID, true)).limit(limit).fetch();
        return Keyset.page(rows, page, TaskRows::fromRecord, r -> new String[] {r.getCreatedAt().toString(), r.getId()});
    }

    /**
     * Whether a list is read one status at a time: several statuses and nothing narrower than
     * the status to filter on — the admin's GetActiveTasksV2 over every account. With
     * {@code status IN (…)} no index delivers the newest-first order (ix_task_status starts with
     * the status), so the database reads and sorts every active task for each page; read per
     * status, each status's newest come in index order and only (page + 1) × statuses rows are
     * read. An account, report, schedule or parent has its own (…, created_at, id) index and
     * is read in one query.
     */
    private static boolean readsEachStatusOnItsOwn(TaskFilter f) {
        return f.statuses().size() > 1 && f.account().isEmpty() && f.report().isEmpty() && f.schedule().isEmpty()
                && f.parent().isEmpty();
    }

    /** The {@code limit} newest rows among the newest {@code limit} of each status (UNION ALL of index scans). */
    private List<TasksRecord> newestOfEachStatus(Condition where, Collection<TaskStatus> statuses, int limit) {
        Select<TasksRecord> union = null;
        for (TaskStatus status : statuses) {
            Select<TasksRecord> newest = tx.dsl().selectFrom(TASKS).where(where.and(TASKS.STATUS.eq(status.name())))
                    .orderBy(Keyset.order(TASKS.CREATED_AT, TASKS.ID, true)).limit(limit);
            union = union == null ? newest : union.unionAll(newest);
        }
        Table<TasksRecord> merged = union.asTable("newest");
        return tx.dsl().selectFrom(merged)
                .orderBy(Keyset.order(merged.field(TASKS.CREATED_AT), merged.field(TASKS.ID), true)).limit(limit).fetch();
    }

    @Override
    public TaskStats stats(TaskFilter filter) {
        // run_micros is only set on finished tasks that started, so its aggregates are exactly
        // "durations of finished tasks"
        List<Record5<String, Integer, BigDecimal, Long, Integer>> rows = tx.dsl()
                .select(TASKS.STATUS, DSL.count(), DSL.sum(TASKS.RUN_MICROS), DSL.max(TASKS.RUN_MICROS),
                        DSL.count(TASKS.RUN_MICROS))
                .from(TASKS).where(matchingAllButStatus(filter).and(statusIn(filter))).groupBy(TASKS.STATUS).fetch();
        Map<TaskStatus, Long> counts = new EnumMap<>(TaskStatus.class);
        long succeeded = 0;
        long finished = 0;
        long totalMicros = 0;
        long timed = 0;
        long maxMicros = 0;
        for (Record5<String, Integer, BigDecimal, Long, Integer> r : rows) {
            TaskStatus status = TaskStatus.valueOf(r.value1());
            long count = r.value2();
            counts.put(status, count);
            if (status.isFinal()) {
                finished += count;
                succeeded += status == TaskStatus.SUCCEEDED ? count : 0;
                totalMicros += r.value3() == null ? 0 : r.value3().longValue();
                timed += r.value5();
                maxMicros = Math.max(maxMicros, r.value4() == null ? 0 : r.value4());
            }
        }
        Duration average = timed == 0 ? Duration.ZERO : Duration.of(totalMicros / timed, ChronoUnit.MICROS);
        return new TaskStats(counts, succeeded, finished, average, Duration.of(maxMicros, ChronoUnit.MICROS));
    }

    private static Condition statusIn(TaskFilter f) {
        return f.statuses().isEmpty() ? DSL.noCondition()
                : TASKS.STATUS.in(f.statuses().stream().map(Enum::name).toList());
    }

    private static Condition matchingAllButStatus(TaskFilter f) {
        Condition c = DSL.noCondition();
        if (f.account().isPresent()) {
            c = c.and(TASKS.ACCOUNT_ID.eq(f.account().get().value()));
        }
        if (f.report().isPresent()) {
            c = c.and(TASKS.REPORT_ID.eq(f.report().get().value()));
        }
        if (f.schedule().isPresent()) {
            c = c.and(TASKS.SCHEDULE_ID.eq(f.schedule().get().value()));
        }
        if (f.parent().isPresent()) {
            c = c.and(TASKS.PARENT_ID.eq(f.parent().get().value()));
        }
        if (!f.kinds().isEmpty()) {
            c = c.and(TASKS.KIND.in(f.kinds().stream().map(Enum::name).toList()));
        }
        if (f.finishedFrom().isPresent()) {
            c = c.and(TASKS.FINISHED_AT.ge(f.finishedFrom().get()));
        }
        if (f.finishedTo().isPresent()) {
            c = c.and(TASKS.FINISHED_AT.le(f.finishedTo().get()));
        }
        if (f.updatedBefore().isPresent()) {
            c = c.and(TASKS.UPDATED_AT.lt(f.updatedBefore().get()));
        }
        if (f.createdFrom().isPresent()) {
            c = c.and(TASKS.CREATED_AT.ge(f.createdFrom().get()));
        }
        if (f.createdTo().isPresent()) {
            c = c.and(TASKS.CREATED_AT.le(f.createdTo().get()));
        }
        return c;
    }

    @Override
    public List<TaskId> finishedRootsBefore(Instant cutoff, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return finishedRootsQuery(tx.dsl(), cutoff, limit).fetch(r -> TaskId.of(r.value1()));
    }

    /** What {@link #finishedRootsBefore} reads: through ix_task_root_finished, the children check through ix_task_parent. */
    static ResultQuery<Record1<String>> finishedRootsQuery(DSLContext dsl, Instant cutoff,
                                                                          int limit) {
        var child = TASKS.as("child");
        List<String> active = Arrays.stream(TaskStatus.values()).filter(TaskStatus::isActive).map(Enum::name).toList();
        List<String> done = Arrays.stream(TaskStatus.values()).filter(TaskStatus::isFinal).map(Enum::name).toList();
        return dsl.select(TASKS.ID).from(TASKS)
                .where(TASKS.FINISHED_AT.lt(cutoff)).and(TASKS.PARENT_ID.isNull()).and(TASKS.STATUS.in(done))
                .andNotExists(DSL.selectOne().from(child)
                        .where(child.PARENT_ID.eq(TASKS.ID)).and(child.STATUS.in(active)))
                .orderBy(TASKS.FINISHED_AT, TASKS.ID).limit(limit);
    }

    @Override
    public List<TaskId> deleteWithChildren(Collection<TaskId> roots) {
        List<String> ids = roots.stream().map(TaskId::value).distinct().toList();
        return tx.inTransaction(() -> {
            List<TaskId> deleted = new ArrayList<>();
            for (int from = 0; from < ids.size(); from += IN_CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
                List<String> doomed = new ArrayList<>(tx.dsl().select(TASKS.ID).from(TASKS)
                        .where(TASKS.ID.in(chunk)).fetch(TASKS.ID));
                doomed.addAll(tx.dsl().select(TASKS.ID).from(TASKS).where(TASKS.PARENT_ID.in(chunk)).fetch(TASKS.ID));
                for (int d = 0; d < doomed.size(); d += IN_CHUNK) {
                    tx.dsl().deleteFrom(TASKS).where(TASKS.ID.in(doomed.subList(d, Math.min(doomed.size(), d + IN_CHUNK))))
                            .execute();
                }
                doomed.forEach(id -> deleted.add(TaskId.of(id)));
            }
            return deleted;
        });
    }
}
