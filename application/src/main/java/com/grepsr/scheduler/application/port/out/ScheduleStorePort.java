package com.grepsr.scheduler.application.port.out;

import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.ScheduleFilter;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

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
}
