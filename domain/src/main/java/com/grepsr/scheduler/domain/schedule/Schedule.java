package com.grepsr.scheduler.domain.schedule;

import com.grepsr.scheduler.domain.common.Checks;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.error.IllegalTransitionException;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.error.VersionConflictException;
import com.grepsr.scheduler.domain.recurrence.Recurrence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A report's schedule: the aggregate. Immutable; every transition returns the next state with
 * its version raised by one (the optimistic-concurrency token storage compares).
 *
 * <p>Lifecycle: ACTIVE ⇄ PAUSED (a pause may carry a resume instant), ACTIVE/PAUSED → DELETED,
 * ACTIVE → COMPLETED once nothing is left to fire. Single occurrences can be skipped.
 */
public final class Schedule {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_SKIPPED = 1000;
    private static final String KIND = "schedule";

    private final ScheduleId id;
    private final String name;
    private final ReportRef report;
    private final ScheduleDetails details;
    private final ScheduleStatus status;
    private final Instant pausedUntil;
    private final Set<Instant> skippedOccurrences;
    private final long version;
    private final Instant createdAt;
    private final Instant updatedAt;
    private transient volatile Recurrence recurrence;

    private Schedule(ScheduleId id, String name, ReportRef report, ScheduleDetails details, ScheduleStatus status,
                     Instant pausedUntil, Set<Instant> skippedOccurrences, long version, Instant createdAt,
                     Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Checks.text("name", name, MAX_NAME_LENGTH, false);
        this.report = Objects.requireNonNull(report, "report");
        this.details = Objects.requireNonNull(details, "details");
        this.status = Objects.requireNonNull(status, "status");
        this.pausedUntil = status == ScheduleStatus.PAUSED ? pausedUntil : null;
        this.skippedOccurrences = Set.copyOf(skippedOccurrences);
        this.version = version;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new ACTIVE schedule at version 1. */
    public static Schedule create(ScheduleId id, String name, ReportRef report, ScheduleDetails details, Instant now) {
        return new Schedule(id, name, report, details, ScheduleStatus.ACTIVE, null, Set.of(), 1, now, now);
    }

    /** A schedule as storage kept it; no rule is re-checked beyond value validity. */
    public static Schedule reconstitute(ScheduleId id, String name, ReportRef report, ScheduleDetails details,
                                        ScheduleStatus status, Instant pausedUntil, Set<Instant> skippedOccurrences,
                                        long version, Instant createdAt, Instant updatedAt) {
        return new Schedule(id, name, report, details, status, pausedUntil, skippedOccurrences, version, createdAt,
                updatedAt);
    }

    // ---- transitions ---------------------------------------------------------------------

    /** Stops firing until {@link #unpause} or, when {@code until} is given, until that instant. */
    public Schedule pause(Instant until, Instant now) {
        if (until != null && !until.isAfter(now)) {
            throw ValidationException.of("pause_until", "must be in the future, was " + until);
        }
        if (status != ScheduleStatus.PAUSED) {
            requireMove(ScheduleStatus.PAUSED);
        }
        return next(name, details, ScheduleStatus.PAUSED, until, skippedOccurrences, now);
    }

    /** Fires again; ends a pause early, or at its pause-until (the reconciler's resume). */
    public Schedule unpause(Instant now) {
        requireMove(ScheduleStatus.ACTIVE);
        return next(name, details, ScheduleStatus.ACTIVE, null, skippedOccurrences, now);
    }

    public Schedule delete(Instant now) {
        requireMove(ScheduleStatus.DELETED);
        return next(name, details, ScheduleStatus.DELETED, null, skippedOccurrences, now);
    }

    /** Nothing left to fire: a one-time schedule that fired, or a bounded one past its end. */
    public Schedule complete(Instant now) {
        requireMove(ScheduleStatus.COMPLETED);
        return next(name, details, ScheduleStatus.COMPLETED, null, skippedOccurrences, now);
    }

    /** New name and details; allowed while ACTIVE or PAUSED. */
    public Schedule update(String newName, ScheduleDetails newDetails, Instant now) {
        if (status == ScheduleStatus.DELETED || status == ScheduleStatus.COMPLETED) {
            throw new IllegalTransitionException(KIND, id.value(), status, "updated");
        }
        boolean timingChanged = !newDetails.timing().equals(details.timing());
        Set<Instant> skipped = timingChanged ? Set.of() : skippedOccurrences;
        return next(newName == null ? name : newName, newDetails, status, pausedUntil, skipped, now);
    }

    /** Skips one future occurrence; it must be an occurrence of this schedule. */
    public Schedule skipOccurrence(Instant fireAt, Instant now) {
        if (status == ScheduleStatus.DELETED || status == ScheduleStatus.COMPLETED) {
            throw new IllegalTransitionException(KIND, id.value(), status, "skip an occurrence");
        }
        if (!fireAt.isAfter(now) || !isOccurrence(fireAt)) {
            throw ValidationException.of("skip_occurrence", fireAt + " is not a future occurrence of schedule " + id);
        }
        TreeSet<Instant> skipped = new TreeSet<>(skippedOccurrences);
        skipped.removeIf(t -> t.isBefore(now));
        skipped.add(fireAt);
        if (skipped.size() > MAX_SKIPPED) {
            throw ValidationException.of("skip_occurrence", "at most " + MAX_SKIPPED + " skipped occurrences");
        }
        return next(name, details, status, pausedUntil, skipped, now);
    }

    /** Fails with a {@link VersionConflictException} unless this is the version the caller read. */
    public Schedule requireVersion(long expected) {
        if (expected != version) {
            throw new VersionConflictException(KIND, id.value(), expected, version);
        }
        return this;
    }

    // ---- queries ------------------------------------------------------------------------

    /** The engine's recurrence for this schedule, built once. */
    public Recurrence recurrence() {
        Recurrence r = recurrence;
        if (r == null) {
            r = details.timing().toRecurrence();
            recurrence = r;
        }
        return r;
    }

    /**
     * Fire instants in (from, to], in order, skipped occurrences left out, at most {@code limit};
     * ignores the status. The one walk over a schedule's occurrences (the calculator's horizon,
     * previews, the merged upcoming runs): it goes only as far as it needs — a monthly rule is not
     * expanded over centuries to find a few — and ends, since skipped occurrences are bounded
     * ({@link #MAX_SKIPPED}).
     */
    public List<Instant> occurrences(Instant fromExclusive, Instant toInclusive, int limit) {
        List<Instant> out = new ArrayList<>(Math.min(Math.max(limit, 0), 64));
        Instant t = fromExclusive;
        while (out.size() < limit) {
            Optional<Instant> next = recurrence().next(t);
            if (next.isEmpty() || next.get().isAfter(toInclusive)) {
                break;
            }
            t = next.get();
            if (!skippedOccurrences.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** The first fire instant after {@code after} and no later than {@code toInclusive}, skipped ones left out. */
    public Optional<Instant> nextOccurrence(Instant after, Instant toInclusive) {
        return occurrences(after, toInclusive, 1).stream().findFirst();
    }

    /** Whether nothing can fire after {@code after}. */
    public boolean isExhaustedAfter(Instant after) {
        return recurrence().next(after).isEmpty();
    }

    public boolean isOccurrence(Instant fireAt) {
        return recurrence().next(fireAt.minusSeconds(1)).filter(fireAt::equals).isPresent();
    }

    public boolean isActive() {
        return status == ScheduleStatus.ACTIVE;
    }

    private void requireMove(ScheduleStatus to) {
        if (!status.canMoveTo(to)) {
            throw new IllegalTransitionException(KIND, id.value(), status, to);
        }
    }

    private Schedule next(String newName, ScheduleDetails newDetails, ScheduleStatus newStatus, Instant until,
                          Set<Instant> skipped, Instant now) {
        return new Schedule(id, newName, report, newDetails, newStatus, until, skipped, version + 1, createdAt, now);
    }

    public ScheduleId id() { return id; }
    public String name() { return name; }
    public ReportRef report() { return report; }
    public ScheduleDetails details() { return details; }
    public ScheduleTiming timing() { return details.timing(); }
    public ScheduleStatus status() { return status; }
    public Optional<Instant> pausedUntil() { return Optional.ofNullable(pausedUntil); }
    public Set<Instant> skippedOccurrences() { return skippedOccurrences; }
    public long version() { return version; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schedule s && id.equals(s.id) && version == s.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version);
    }

    @Override
    public String toString() {
        return "Schedule[" + id + " v" + version + " " + status + " " + details.timing().spec() + "]";
    }
}
