package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.adapters.sql.jooq.tables.records.RequestLogRecord;
import com.grepsr.scheduler.application.port.out.RequestLogPort;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static com.grepsr.scheduler.adapters.sql.jooq.Tables.REQUEST_LOG;

/**
 * Request ids in {@code request_log}, keyed by (scope, method, request id). Recording is an
 * insert that does nothing on a taken key (ON CONFLICT DO NOTHING, INSERT IGNORE, H2's MERGE):
 * PostgreSQL and MariaDB make it wait for a transaction holding the same key, so a concurrent
 * duplicate learns the key is taken only once the first one committed, and reads its entry then.
 */
final class SqlRequestLog implements RequestLogPort {

    private final SqlTransactions tx;

    SqlRequestLog(SqlTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<Entry> find(Key key, Instant notBefore) {
        return tx.dsl().selectFrom(REQUEST_LOG).where(is(key)).and(REQUEST_LOG.RECORDED_AT.ge(notBefore))
                .fetchOptional().map(SqlRequestLog::entry);
    }

    @Override
    public boolean record(Entry entry, Instant notBefore) {
        return tx.inTransaction(() -> {
            DSLContext dsl = tx.dsl();
            dsl.deleteFrom(REQUEST_LOG).where(is(entry.key())).and(REQUEST_LOG.RECORDED_AT.lt(notBefore)).execute();
            try {
                return dsl.insertInto(REQUEST_LOG).set(row(entry)).onConflictDoNothing().execute() == 1;
            } catch (IntegrityConstraintViolationException taken) {
                return false; // a store that reports the race as a duplicate key instead of waiting (H2)
            }
        });
    }

    @Override
    public int deleteRecordedBefore(Instant cutoff, int limit) {
        if (limit <= 0) {
            return 0;
        }
        return tx.inTransaction(() -> {
            DSLContext dsl = tx.dsl();
            // keys first, then delete them: neither MySQL's DELETE nor its IN (subquery) takes a LIMIT everywhere
            List<Condition> old = dsl.select(REQUEST_LOG.SCOPE, REQUEST_LOG.METHOD, REQUEST_LOG.REQUEST_ID)
                    .from(REQUEST_LOG).where(REQUEST_LOG.RECORDED_AT.lt(cutoff))
                    .orderBy(REQUEST_LOG.RECORDED_AT).limit(limit)
                    .fetch(r -> is(new Key(r.value1(), r.value2(), r.value3())));
            if (old.isEmpty()) {
                return 0;
            }
            return dsl.deleteFrom(REQUEST_LOG).where(DSL.or(old)).and(REQUEST_LOG.RECORDED_AT.lt(cutoff)).execute();
        });
    }

    private static Condition is(Key key) {
        return REQUEST_LOG.SCOPE.eq(key.scope()).and(REQUEST_LOG.METHOD.eq(key.method()))
                .and(REQUEST_LOG.REQUEST_ID.eq(key.requestId()));
    }

    private static RequestLogRecord row(Entry e) {
        return new RequestLogRecord(e.key().scope(), e.key().method(), e.key().requestId(), e.fingerprint(),
                String.join(",", e.created()), e.recordedAt());
    }

    private static Entry entry(RequestLogRecord r) {
        return new Entry(new Key(r.getScope(), r.getMethod(), r.getRequestId()), r.getFingerprint(),
                Arrays.asList(r.getCreatedIds().split(",")), r.getRecordedAt());
    }
}
