package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.ScheduleFilter;
import com.grepsr.scheduler.application.port.out.IdGeneratorPort;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.application.port.out.TransactionPort;
import com.grepsr.scheduler.domain.error.VersionConflictException;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Schedule Calculator: materializes every active schedule's occurrences within the horizon
 * into scheduled runs. Idempotent (the store ignores a run it already has), so any number of
 * replicas may run it. A schedule whose runs reach far enough ahead is skipped without a query,
 * which keeps an idle tick close to no work.
 */
public final class CalculatorDaemon {

    private static final int PAGE = 500;

    private final ScheduleStorePort schedules;
    private final ScheduledRunStorePort runs;
    private final TransactionPort tx;
    private final IdGeneratorPort ids;
    private final DaemonSettings settings;
    /** schedule → how far its runs are materialized, this replica's memory only. */
    private final Map<ScheduleId, Watermark> watermarks = new ConcurrentHashMap<>();

    /**
     * @param version     the schedule version it was computed for
     * @param until       runs exist up to this instant
     * @param completesAt when the last run is due and nothing follows it, else null
     */
    private record Watermark(long version, Instant until, Instant completesAt) {
    }

    private record Extension(Watermark watermark, int inserted) {
    }

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
        int seen = 0;
        int extended = 0;
        int inserted = 0;
        int completed = 0;
        Instant to = now.plus(settings.horizon());
        Instant refreshBefore = to.minus(settings.refreshMargin());
        ScheduleFilter active = ScheduleFilter.withStatuses(Set.of(ScheduleStatus.ACTIVE));
        PageRequest page = PageRequest.first(PAGE);
        while (true) {
            Page<Schedule> batch = schedules.list(active, page);
            for (Schedule s : batch.items()) {
                seen++;
                Watermark w = watermarks.get(s.id());
                if (w == null || w.version() != s.version() || w.until().isBefore(refreshBefore)) {
                    extended++;
                    Extension e = materialize(s, now, to);
                    inserted += e.inserted();
                    w = e.watermark();
                    watermarks.put(s.id(), w);
                }
                if (w.completesAt() != null && !now.isBefore(w.completesAt()) && complete(s, now)) {
                    completed++;
                }
            }
            if (!batch.hasNext()) {
                break;
            }
            page = new PageRequest(PAGE, batch.nextPageToken());
        }
        return new TickResult(seen, extended, inserted, completed);
    }

    /** Forgets what this replica knows of a schedule, e.g. after it changed elsewhere. */
    public void forget(ScheduleId id) {
        watermarks.remove(id);
    }

    private Extension materialize(Schedule s, Instant now, Instant to) {
        Instant latest = runs.latestFireAt(s.id()).orElse(null);
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
        List<ScheduledRun> batch = new ArrayList<>();
        Instant until = to;
        List<Instant> next = occurrences(s, from, to, settings.maxRunsPerTick());
        for (Instant fireAt : next) {
            if (!s.skippedOccurrences().contains(fireAt)) {
                batch.add(ScheduledRun.pending(ids.runId(), s.id(), s.report(), fireAt, now));
            }
        }
        if (next.size() == settings.maxRunsPerTick()) {
            until = next.get(next.size() - 1); // more to come: the next tick continues from here
        }
        int inserted = batch.isEmpty() ? 0 : tx.inTransaction(() -> runs.insertIfAbsent(batch));
        Instant last = batch.isEmpty() ? latest : batch.get(batch.size() - 1).fireAt();
        Instant after = last == null ? from : last;
        Instant completesAt = until.equals(to) && s.isExhaustedAfter(after) ? (last == null ? now : last) : null;
        return new Extension(new Watermark(s.version(), until, completesAt), inserted);
    }

    /**
     * The occurrences in (from, to], at most {@code limit}. Walks the horizon only: asking for
     * {@code limit} occurrences outright would expand a monthly rule over centuries every time.
     */
    private static List<Instant> occurrences(Schedule s, Instant from, Instant to, int limit) {
        List<Instant> out = new ArrayList<>();
        Instant t = from;
        while (out.size() < limit) {
            Optional<Instant> n = s.recurrence().next(t);
            if (n.isEmpty() || n.get().isAfter(to)) {
                break;
            }
            out.add(n.get());
            t = n.get();
        }
        return out;
    }

    /** A schedule with nothing left to fire, whose last run is due, is COMPLETED. */
    private boolean complete(Schedule s, Instant now) {
        try {
            tx.run(() -> schedules.update(s.complete(now), s.version()));
            watermarks.remove(s.id());
            return true;
        } catch (VersionConflictException e) {
            return false; // changed meanwhile: the next tick looks again
        }
    }
}
