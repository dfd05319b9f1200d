package com.grepsr.scheduler.adapters.sql.vendor;

import com.grepsr.scheduler.adapters.sql.jooq.tables.records.VtScheduledRunsRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;

import static com.grepsr.scheduler.adapters.sql.jooq.Tables.VT_SCHEDULED_RUNS;

/**
 * H2, the single-process embedded store. It has no INSERT … ON CONFLICT and jOOQ's MERGE stand-in
 * serves one row at a time well but not many, so tasks and runs go in a statement each (embedded:
 * no round trips). It locks every row a {@code FOR UPDATE} query's WHERE matches, not just the
 * rows it returns, so SKIP LOCKED skips rows no one took.
 */
final class H2Strategy extends PortableStrategy {

    @Override
    public boolean serializesSkipLockedReads() {
        return true;
    }

    /** H2 cannot type a bare parameter in a select list ({@code INSERT … SELECT ?, …}). */
    @Override
    public boolean castsTimestampParameters() {
        return true;
    }

    @Override
    public boolean insertsManyTasksAtOnce() {
        return false;
    }

    /**
     * jOOQ's MERGE stand-in joins on "same id OR same occurrence", which H2 runs as a scan per row
     * (2,000 runs took 30 s). Here each row is one INSERT … SELECT … WHERE NOT EXISTS per unique
     * key, each an index lookup; H2 is embedded, so a statement per row costs no network. A
     * racing duplicate fails only its own statement on H2 (the transaction lives on) and counts
     * as not inserted.
     */
    @Override
    public int insertRunsIfAbsent(DSLContext dsl, List<VtScheduledRunsRecord> rows) {
        int inserted = 0;
        for (VtScheduledRunsRecord row : rows) {
            List<Field<?>> values = new ArrayList<>();
            for (Field<?> f : VT_SCHEDULED_RUNS.fields()) {
                values.add(value(row, f));
            }
            try {
                inserted += dsl.insertInto(VT_SCHEDULED_RUNS).columns(VT_SCHEDULED_RUNS.fields())
                        .select(DSL.select(values)
                                .whereNotExists(DSL.selectOne().from(VT_SCHEDULED_RUNS)
                                        .where(VT_SCHEDULED_RUNS.ID.eq(row.getId())))
                                .andNotExists(DSL.selectOne().from(VT_SCHEDULED_RUNS)
                                        .where(VT_SCHEDULED_RUNS.SCHEDULE_ID.eq(row.getScheduleId()))
                                        .and(VT_SCHEDULED_RUNS.FIRE_AT.eq(row.getFireAt()))))
                        .execute();
            } catch (DataAccessException e) {
                if (e.sqlStateClass() != SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
                    throw e;
                }
            }
        }
        return inserted;
    }

    private static <T> Field<T> value(VtScheduledRunsRecord row, Field<T> field) {
        return DSL.val(row.get(field), field);
    }
}
