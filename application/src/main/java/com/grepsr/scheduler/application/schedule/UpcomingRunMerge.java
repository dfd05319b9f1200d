package com.grepsr.scheduler.application.schedule;

import com.grepsr.scheduler.application.port.in.GetUpcomingAccountSchedulesUseCase.UpcomingRun;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Merges several schedules' fire times within {@code [from, to]} into one stream ordered by fire
 * instant then schedule id, starting after a keyset position. Each schedule is a cursor that
 * computes its next fire time only when the previous one was taken, so the work is bounded by
 * what is listed, not by how dense the recurrences are.
 */
final class UpcomingRunMerge {

    /** The last run of the previous page. */
    record Position(Instant fireAt, ScheduleId scheduleId) {
    }

    private static final class Cursor {
        final Schedule schedule;
        Instant next;

        Cursor(Schedule schedule) {
            this.schedule = schedule;
        }
    }

    private final Instant from;
    private final Instant to;
    private final Optional<Position> position;
    private final PriorityQueue<Cursor> queue = new PriorityQueue<>(
            Comparator.<Cursor, Instant>comparing(c -> c.next).thenComparing(c -> c.schedule.id()));

    UpcomingRunMerge(Instant from, Instant to, Optional<Position> position) {
        this.from = from;
        this.to = to;
        this.position = position;
    }

    void add(Schedule schedule) {
        // exclusive lower bound: just before the window, the resume instant, or the page position
        Instant after = from.minusNanos(1);
        if (schedule.pausedUntil().isPresent()) {
            after = later(after, schedule.pausedUntil().get().minusNanos(1));
        }
        if (position.isPresent()) {
            Position p = position.get();
            // a schedule ordered after the position's may still fire at the position's instant
            Instant past = schedule.id().compareTo(p.scheduleId()) > 0 ? p.fireAt().minusNanos(1) : p.fireAt();
            after = later(after, past);
        }
        Cursor cursor = new Cursor(schedule);
        if (advance(cursor, after)) {
            queue.add(cursor);
        }
    }

    /** Up to {@code limit} runs in order. */
    List<UpcomingRun> take(int limit) {
        List<UpcomingRun> out = new ArrayList<>(Math.min(limit, 1024));
        while (out.size() < limit && !queue.isEmpty()) {
            Cursor c = queue.poll();
            out.add(new UpcomingRun(c.schedule.id(), c.schedule.name(), c.schedule.report(), c.next));
            if (advance(c, c.next)) {
                queue.add(c);
            }
        }
        return out;
    }

    /** Moves the cursor to its first non-skipped fire time after {@code after} within the window. */
    private boolean advance(Cursor c, Instant after) {
        Optional<Instant> next = c.schedule.nextOccurrence(after, to);
        next.ifPresent(n -> c.next = n);
        return next.isPresent();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
