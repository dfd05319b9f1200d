package com.grepsr.scheduler.adapters.sql.vendor;

import com.grepsr.scheduler.adapters.sql.jooq.tables.records.TaskHistoryRecord;
import com.grepsr.scheduler.adapters.sql.jooq.tables.records.TasksRecord;
import com.grepsr.scheduler.adapters.sql.jooq.tables.records.VtScheduledRunsRecord;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort.NextCalculation;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import org.jooq.Configuration;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What differs between the databases the SQL adapter runs on, one implementation per database
 * (as db-scheduler's {@code JdbcCustomization}): the stores ask their strategy and never look at
 * the jOOQ dialect, so a database's quirks and fast paths live in its own class. {@code SqlVendor}
 * picks the strategy once; a new database is a new implementation here and a constant there.
 * The bulk writes take the caller's {@link DSLContext} so they join its transaction.
 */
public interface VendorStrategy {

    static VendorStrategy postgres() {
        return new PostgresStrategy();
    }

    /** MySQL 8 and MariaDB: jOOQ renders their differences, the stores need no other. */
    static VendorStrategy mySql() {
        return new MySqlStrategy();
    }

    static VendorStrategy h2() {
        return new H2Strategy();
    }

    /**
     * Makes {@code strategy} findable through {@link #of(Configuration)}: jOOQ instantiates
     * bindings itself, so they cannot have it injected.
     */
    static void attach(Configuration configuration, VendorStrategy strategy) {
        configuration.data(VendorStrategy.class, strategy);
    }

    /** The strategy {@link #attach}ed to {@code configuration} (or the one it derives from), or null. */
    static VendorStrategy of(Configuration configuration) {
        return configuration.data(VendorStrategy.class) instanceof VendorStrategy strategy ? strategy : null;
    }

    /**
     * Whether locking reads with SKIP LOCKED (claims, queue takes) must run one at a time in this
     * JVM, because the database locks more rows than such a read returns and so skips rows no
     * one took.
     */
    boolean serializesSkipLockedReads();

    /** Whether a timestamp parameter is rendered inside a cast, because the database cannot type a bare one. */
    boolean castsTimestampParameters();

    /**
     * Whether {@link #insertTasksFindingTaken} may get many rows at once; if not, the store
     * inserts tasks one by one.
     */
    boolean insertsManyTasksAtOnce();

    /**
     * Inserts the rows (whose ids are distinct) in one statement when all their ids are free, and
     * returns the ids among them that were already taken, in the rows' order: empty when every
     * row was inserted. When some were taken, whether the others went in differs by database; the
     * store then fails the call and the caller's transaction rolls them back. The taken ids are
     * those stored before this call, never rows this call inserted.
     */
    List<String> insertTasksFindingTaken(DSLContext dsl, List<TasksRecord> rows);

    /**
     * Writes each row (every column but the id and creation time) whose stored version is
     * {@code expectedVersions[i]}; returns whether every row was written.
     */
    boolean updateTasksAtVersions(DSLContext dsl, List<TasksRecord> rows, long[] expectedVersions);

    /** Inserts history rows (every column but the sequence) in the order given. */
    void appendHistory(DSLContext dsl, List<TaskHistoryRecord> rows);

    /**
     * Inserts the runs whose id and occurrence (schedule, fire instant) are both free; returns
     * how many it inserted. The rows are free of duplicates among themselves.
     */
    int insertRunsIfAbsent(DSLContext dsl, List<VtScheduledRunsRecord> rows);

    /** The latest fire instant of each of the (distinct, non-empty) schedules that has a run. */
    Map<ScheduleId, Instant> latestFireAts(DSLContext dsl, List<String> scheduleIds);

    /** Sets calculate_at of each schedule still at its mark's version; returns how many were. */
    int markCalculated(DSLContext dsl, List<NextCalculation> marks);
}
