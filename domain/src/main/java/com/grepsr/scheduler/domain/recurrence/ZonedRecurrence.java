package com.grepsr.scheduler.domain.recurrence;

import java.time.ZoneId;
import java.util.Objects;

/** A wall-clock sequence (cron, RRULE, one-time) placed in a zone under a {@link DstPolicy}. */
final class ZonedRecurrence extends Recurrence {

    private final LocalSequence sequence;
    private final ZoneTimeline timeline;
    private final DstPolicy dst;
    private final String description;
    /** The default policy, decided once: the hot path then needs no enum switch. */
    private final boolean earlierOnly;

    ZonedRecurrence(LocalSequence sequence, ZoneId zone, DstPolicy dst, String description) {
        this.sequence = Objects.requireNonNull(sequence, "sequence");
        this.dst = dst == null ? DstPolicy.DEFAULT : dst;
        this.timeline = new ZoneTimeline(zone, this.dst.gap());
        this.description = description;
        this.earlierOnly = this.dst.overlap() == DstPolicy.Overlap.EARLIER;
    }

    ZoneTimeline timeline() {
        return timeline;
    }

    @Override
    public ZoneId zone() {
        return timeline.zone();
    }

    @Override
    public String describe() {
        return description + " in " + timeline.zone().getId();
    }

    @Override
    long nextEpochSecond(long after) {
        if (earlierOnly) {
            return nextMapped(after, false);
        }
        return switch (dst.overlap()) {
            case LATER -> nextMapped(after, true);
            // each mapping is monotonic on its own; their union is the smaller of the two answers
            default -> earliest(nextMapped(after, false), nextMapped(after, true));
        };
    }

    /**
     * Walks the wall-clock sequence from the local time of {@code after}. With one fixed choice
     * of offset for ambiguous times, local → instant is non-decreasing, so the first candidate
     * that maps past {@code after} is the answer. Resolving to the later offset can map local
     * times <em>before</em> {@code after}'s own to instants after it, so that search starts at
     * the beginning of the overlap.
     */
    private long nextMapped(long after, boolean later) {
        long local = timeline.toLocal(after);
        if (later) {
            local = Math.min(local, timeline.overlapStart(local) - 1);
        }
        while (true) {
            local = sequence.nextLocal(local);
            if (local == NONE || local > MAX_SUPPORTED + 86_400L) {
                return NONE;
            }
            long instant = timeline.toInstant(local, later);
            if (instant != NONE && instant > after) {
                return instant;
            }
        }
    }

    private static long earliest(long a, long b) {
        if (a == NONE) {
            return b;
        }
        return b == NONE ? a : Math.min(a, b);
    }
}
