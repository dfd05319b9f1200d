package com.grepsr.scheduler.application.port.out;

import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.RunFilter;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.ScheduleId;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps materialized occurrences ({@code vt_scheduled_runs}), unique on (schedule id, fire
 * instant), and hands due ones to processors.
 */
public interface ScheduledRunStorePort {

    /**
     * Inserts the runs whose (schedule id, fire instant) is not stored yet and ignores the rest:
     * re-running the calculator never duplicates a run. Returns how many were inserted.
     */
    int insertIfAbsent(List<ScheduledRun> runs);

    /**
     * Claims up to {@code limit} PENDING runs due at or before {@code now}, oldest fire instant
     * first, for {@code claimer} until {@code now + lease}. A claim is exclusive across every
     * replica sharing the store: a run is returned by at most one call while its lease lasts.
     * A claimer that dies without settling its runs loses them when the lease ends, and they
     * become claimable again. Settling a run ({@link #settle}) ends its claim.
     */
    List<ScheduledRun> claimDue(Instant now, int limit, String claimer, Duration lease);

    /**
     * The lean claim: inside the caller's open transaction, locks up to {@code limit} runs that
     * {@link #claimDue} would hand out (PENDING, due at or before {@code now}, unclaimed or past
     * their lease; oldest fire instant first), skipping runs another transaction holds, and
     * writes nothing. The runs are the caller's alone until its transaction ends: whatever it
     * settles commits with it, and when it rolls back (or its connection dies) they are claimable
     * again at once, with no lease to wait for. Neither another {@code lockDue} nor
     * {@link #claimDue} returns them meanwhile.
     *
     * @throws IllegalStateException when no transaction is open (a lock would end with the statement)
     */
    List<ScheduledRun> lockDue(Instant now, int limit);

    /**
     * Leases the given runs that are still PENDING to {@code claimer} until {@code until}, as
     * {@link #claimDue} would: a processor that locked runs ({@link #lockDue}) and lets some of
     * them wait (overlap QUEUE_ONE) keeps them from being locked again at once. Settled runs and
     * unknown ids are left alone. Returns how many were leased.
     */
    int lease(Collection<ScheduledRunId> runs, String claimer, Instant until);

    /**
     * Gives up {@code claimer}'s claims on the given runs that are still PENDING, so another
     * processor may claim them at once instead of after the lease (a processor stopping in the
     * middle of a batch hands back what it did not dispatch). Claims of another claimer, settled
     * runs and unknown ids are left alone. Returns how many claims were released.
     */
    int release(Collection<ScheduledRunId> runs, String claimer);

    /**
     * Stores a run that left PENDING (dispatched, missed, skipped, cancelled). Only a PENDING
     * stored run changes; returns false (and changes nothing) when it was settled already or
     * is unknown.
     *
     * @throws IllegalArgumentException when {@code settled} is itself still PENDING
     */
    boolean settle(ScheduledRun settled);

    /**
     * {@link #settle} for many runs at once (the processor settles a fired batch together);
     * returns how many changed.
     *
     * @throws IllegalArgumentException when any of them is still PENDING (then none changes)
     */
    default int settleAll(List<ScheduledRun> settled) {
        settled.forEach(r -> {
            if (r.status() == RunStatus.PENDING) {
                throw new IllegalArgumentException("settle needs runs that left PENDING, got " + r);
            }
        });
        return (int) settled.stream().filter(this::settle).count();
    }

    /**
     * Removes the PENDING runs of a schedule due after {@code after} (the calculator recomputes
     * them), returning how many. Runs already claimed by a processor are left alone (until they
     * are settled, whether or not the lease has run out: the claimer may still settle them).
     */
    int deletePendingAfter(ScheduleId schedule, Instant after);

    Optional<ScheduledRun> find(ScheduledRunId id);

    /** The latest fire instant stored for a schedule, whatever its status. */
    Optional<Instant> latestFireAt(ScheduleId schedule);

    /**
     * The latest fire instant stored for each of {@code schedules} that has any run, whatever
     * its status: {@link #latestFireAt} for many schedules in one call.
     */
    Map<ScheduleId, Instant> latestFireAts(Collection<ScheduleId> schedules);

    /**
     * The latest fire instant stored for each of {@code schedules} that has a run in
     * [{@code from}, {@code to}], whatever its status: the processor asks it for the schedules of
     * its claimed late runs, whose newest late run may be in another claim (claims take the
     * oldest runs first) or fired already.
     */
    Map<ScheduleId, Instant> latestFireAtsBetween(Collection<ScheduleId> schedules, Instant from, Instant to);

    /**
     * The fire instant of the oldest PENDING run of each of {@code schedules} that has one before
     * {@code before}, claimed or not, locked or not (a plain read). A processor asks it for the
     * schedules of the runs it claimed: a PENDING run older than them that it did not get is held
     * by another claimer, and its newer runs must not be judged before it is settled (the overlap
     * policy would see none of its tasks). Claims take the oldest runs first, so the PENDING runs
     * before a claim's newest are few: the claim itself and what others hold.
     */
    Map<ScheduleId, Instant> oldestPendingBefore(Collection<ScheduleId> schedules, Instant before);

    /**
     * The earliest instant at which {@link #claimDue} can hand out a PENDING run, if it is no later
     * than {@code notAfter} (the processor sleeps until then, or at most until {@code notAfter}):
     * an unclaimed run's fire instant, or, for a claimed one, the end of its lease (when a dead
     * claimer's runs become claimable again) if that is later. Empty when no run becomes claimable
     * by {@code notAfter}.
     *
     * <p>Only runs due by {@code notAfter} need to be looked at (a run's claimable instant is never
     * before its fire instant), so the cost follows the backlog and the runs due soon, not the
     * whole materialized horizon: over 100,000 schedules' 3-day horizon (1.3 million PENDING runs)
     * the unbounded question took PostgreSQL 1.5 s, asked after every tick that was not a full batch.
     */
    Optional<Instant> nextDueAt(Instant notAfter);

    /** {@link #nextDueAt(Instant)} however far away (for tools and tests; the processor bounds it). */
    default Optional<Instant> nextDueAt() {
        return nextDueAt(FOREVER);
    }

    /** Later than any run: the bound of {@link #nextDueAt()}, inside every database's timestamp range. */
    Instant FOREVER = Instant.parse("9999-12-31T00:00:00Z");

    /** Runs matching the filter in fire order (see {@link RunFilter}), one keyset page at a time. */
    Page<ScheduledRun> list(RunFilter filter, PageRequest page);

    /**
     * Retention: deletes at most {@code limit} settled runs (any status but PENDING) that were
     * due before {@code cutoff}, in no particular order, and returns how many. A PENDING run never goes,
     * however old. Safe to call from several replicas at once (each deletes what is still there).
     */
    int deleteSettledBefore(Instant cutoff, int limit);
}
