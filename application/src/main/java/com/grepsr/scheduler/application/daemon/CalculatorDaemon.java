package com.grepsr.scheduler.application.daemon;

import com.grepsr.scheduler.application.port.out.IdGeneratorPort;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort.DueSchedule;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort.NextCalculation;
import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.application.port.out.TransactionPort;
import com.grepsr.scheduler.domain.error.VersionConflictException;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Schedule Calculator: materializes every active schedule's occurrences within the horizon
 * into scheduled runs. Idempotent (the store ignores a run it already has), so any number of
 * replicas may run it.
 *
 * <p>The store keeps, per schedule, when the calculator must look at it next
 * ({@link ScheduleStorePort#findDueForCalculation}): once its runs reach less than
 * {@code horizon - refreshMargin} ahead, when its last run is due (to complete it), or at once
 * after any change. A tick reads only those schedules, so an idle tick is one query that finds
 * nothing, and the state survives restarts and is shared by replicas. Due schedules are handled a
 * page at a time: one query for their latest runs, then their new runs and next marks written
 * together in one transaction, in multi-row statements rather than one round trip per schedule.
 */
public final class CalculatorDaemon {

    /** Schedules read per query. */
    private static final int PAGE = 500;
    /** Runs held in memory before they are written: bounds a page of seconds-level schedules. */
    private static final int FLUSH_ROWS = 20_000;

    private final ScheduleStorePort schedules;
    private final ScheduledRunStorePort runs;
    private final TransactionPort tx;
    private final IdGeneratorPort ids;
    private final DaemonSettings settings;

    /** What one tick did. */
    public record TickResult(int schedulesSeen, int schedulesExtended, int runsInserted, int completed) {
    }

    public CalculatorDaemon(ScheduleStorePort schedules, ScheduledRunStorePort runs, TransactionPort tx,
                            IdGeneratorPort ids, DaemonSettings settings) {
        this.schedules = schedules;
        this.runs = runs;
        this.tx = tx;
        this.ids = ids;
        this.settings = settings;
    }

    public TickResult tick(Instant now) {
        Instant to = now.plus(settings.horizon());
        // a schedule with more to come than one tick may write is due again at `now`, past the
        // keyset: looked at once per tick, so this set skips it instead of filling it in a loop
        Set<ScheduleId> seen = new HashSet<>();
        Pending pending = new Pending();
        List<Schedule> toComplete = new ArrayList<>();
        Optional<DueSchedule> after = Optional.empty();
        while (true) {
            List<DueSchedule> due = schedules.dueForCalculation(now, after, PAGE);
            List<Schedule> fresh = due.stream().map(DueSchedule::schedule).filter(s -> seen.add(s.id())).toList();
            if (due.isEmpty()) {
                break;
            }
            after = Optional.of(due.get(due.size() - 1));
            Map<ScheduleId, Instant> latest = runs.latestFireAts(fresh.stream().map(Schedule::id).toList());
            for (Schedule s : fresh) {
                if (plan(s, latest.get(s.id()), now, to, pending)) {
                    toComplete.add(s);
                }
                if (pending.runs.size() >= FLUSH_ROWS) {
                    pending.flush();
                }
            }
            pending.flush(); // a page of schedules: its runs and marks in one transaction
            if (due.size() < PAGE) {
                break;
            }
        }
        int completed = 0;
        for (Schedule s : toComplete) {
            if (complete(s, now)) {
                completed++;
            }
        }
        return new TickResult(seen.size(), seen.size(), pending.inserted, completed);
    }

    /**
     * Runs and marks computed but not yet written; written together, all or nothing, and only for
     * the schedule versions they were computed from. The page was read outside this transaction,
     * so a change (new timing, pause, delete) may have committed since: the schedules are locked
     * and their versions checked first, and a changed one's runs and mark are dropped — it is due
     * again at once, and the next tick computes it anew. A change arriving after the lock waits
     * for this commit and then removes what it replaces (docs/concurrency.md).
     */
    private final class Pending {
        final List<ScheduledRun> runs = new ArrayList<>();
        final List<NextCalculation> marks = new ArrayList<>();
        int inserted;

        void flush() {
            if (marks.isEmpty()) {
                return;
            }
            inserted += tx.inTransaction(() -> {
                Set<ScheduleId> unchanged = schedules.lockIfUnchanged(marks.stream()
                        .collect(Collectors.toMap(NextCalculation::schedule, NextCalculation::version, (a, b) -> b)));
                List<ScheduledRun> current = runs.stream().filter(r -> unchanged.contains(r.scheduleId())).toList();
                int n = current.isEmpty() ? 0 : CalculatorDaemon.this.runs.insertIfAbsent(current);
                schedules.calculatedUntil(marks.stream().filter(m -> unchanged.contains(m.schedule())).toList());
                return n;
            });
            runs.clear();
            marks.clear();
        }
    }

    /**
     * Computes a schedule's new runs and when to look at it next into {@code pending}; returns
     * whether it has nothing left to fire and its last run is due (it is to be COMPLETED).
     */
    private boolean plan(Schedule s, Instant latest, Instant now, Instant to, Pending pending) {
        // nothing before the schedule's last change (a paused stretch, an old timing) nor before
        // the catch-up limit; from there on, runs the scheduler missed while down are written too
        // so that the misfire policy can judge them
        Instant from = s.updatedAt().minusNanos(1);
        if (latest != null && latest.isAfter(from)) {
            from = latest;
        }
        Instant floor = now.minus(settings.maxCatchUp());
        if (from.isBefore(floor)) {
            from = floor;
        }
        Instant last = latest;
        List<Instant> next = s.occurrences(from, to, settings.maxRunsPerTick());
        for (Instant fireAt : next) {
            pending.runs.add(ScheduledRun.pending(ids.runId(), s.id(), s.report(), fireAt, now));
            last = fireAt;
        }
        Instant nextLook;
        boolean completeNow = false;
        if (next.size() == settings.maxRunsPerTick()) {
            nextLook = now; // more to come: the next tick continues from the last run written
        } else {
            Instant after = last == null ? from : last;
            if (s.isExhaustedAfter(after)) {
                nextLook = last == null ? now : last; // complete it once its last run is due
                completeNow = !now.isBefore(nextLook);
            } else {
                // runs reach `to`; extend once they reach less than horizon - margin ahead
                nextLook = to.minus(settings.horizon()).plus(settings.refreshMargin());
            }
        }
        pending.marks.add(new NextCalculation(s.id(), s.version(), nextLook));
        return completeNow;
    }

    /** A schedule with nothing left to fire, whose last run is due, is COMPLETED. */
    private boolean complete(Schedule s, Instant now) {
        try {
            tx.run(() -> schedules.update(s.complete(now), s.version()));
            return true;
        } catch (VersionConflictException e) {
            return false; // changed meanwhile: due again at once, the next tick looks again
        }
    }
}
