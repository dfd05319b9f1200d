package com.grepsr.scheduler.application.port.out;

import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.ScheduleFilter;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps schedules ({@code vt_extractor_schedule}). Writes take part in the caller's
 * {@link TransactionPort} transaction.
 */
public interface ScheduleStorePort {

    /**
     * Stores a new schedule.
     *
     * @throws com.grepsr.scheduler.domain.error.AlreadyExistsException when the id is taken
     */
    void insert(Schedule schedule);

    /**
     * Replaces the stored schedule with {@code updated} if, and only if, the stored version is
     * still {@code expectedVersion} (compare-and-set: two racing writers cannot both win).
     *
     * @throws com.grepsr.scheduler.domain.error.VersionConflictException when the stored version differs
     * @throws com.grepsr.scheduler.domain.error.NotFoundException when there is no such schedule
     */
    void update(Schedule updated, long expectedVersion);

    Optional<Schedule> find(ScheduleId id);

    /**
     * The schedules among {@code ids} that exist, in no particular order: one read for a whole
     * batch of due runs instead of one per run.
     */
    default List<Schedule> findAll(Collection<ScheduleId> ids) {
        return ids.stream().distinct().map(this::find).flatMap(Optional::stream).toList();
    }

    /** Schedules matching the filter, ordered by id ascending, one keyset page at a time. */
    Page<Schedule> list(ScheduleFilter filter, PageRequest page);

    /** PAUSED schedules whose pause-until is at or before {@code now}, at most {@code limit}. */
    List<Schedule> findPausedUntil(Instant now, int limit);

    /**
     * ACTIVE schedules the calculator must look at by {@code now}, i.e. whose next calculation
     * instant is at or before it, ordered by that instant then id, starting after {@code after}
     * (a keyset: the last one of the previous page), at most {@code limit}. Inserting or updating
     * a schedule makes it due at once, whatever the clocks say; the calculator then moves it on
     * with {@link #calculatedUntil}. Kept in the store rather than in a replica's memory so that
     * an idle calculator tick is one indexed query that finds nothing, and any replica continues
     * where another left off.
     */
    List<DueSchedule> dueForCalculation(Instant now, Optional<DueSchedule> after, int limit);

    /** The first page of {@link #dueForCalculation}, schedules only. */
    default List<Schedule> findDueForCalculation(Instant now, int limit) {
        return dueForCalculation(now, Optional.empty(), limit).stream().map(DueSchedule::schedule).toList();
    }

    /** A schedule due for calculation, with the calculation instant it was due at (its keyset position). */
    record DueSchedule(Schedule schedule, Instant at) {
        public DueSchedule {
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * Records, for each schedule still at the given version, when the calculator must look at it
     * next. A schedule changed meanwhile (another version) keeps its mark: it is due at once.
     * Returns how many were recorded.
     */
    int calculatedUntil(List<NextCalculation> marks);

    /**
     * Of the given schedule versions, the ones still stored at that version; each of them is locked
     * against change until the caller's transaction ends, so a writer that changes it afterwards
     * waits for that commit (and then sees what the transaction wrote). The calculator calls it
     * first in the transaction that writes a page's runs: runs computed from a version that changed
     * since they were read are dropped instead of written, and a change cannot commit between the
     * check and the write. Rows are locked in id order (the same order in every caller, so two
     * lockers never deadlock) and before any run is written (the order of UpdateSchedule and
     * StopSchedule too: the schedule row, then its runs). Must run inside a {@link TransactionPort}
     * transaction; unknown ids are left out.
     */
    Set<ScheduleId> lockIfUnchanged(Map<ScheduleId, Long> versions);

    /** When the calculator must next look at one version of a schedule. */
    record NextCalculation(ScheduleId schedule, long version, Instant at) {
        public NextCalculation {
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(at, "at");
        }
    }
}
