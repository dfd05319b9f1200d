package com.grepsr.scheduler.domain.recurrence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Maps between instants and local epoch seconds in one zone, applying a {@link DstPolicy}.
 *
 * <p>Most lookups fall in a stretch of time with one offset and no transition; the last such
 * stretch ({@link Window}) is cached so the hot path is two comparisons and a subtraction. The
 * cache holds the two most recent windows, so a search that alternates across a transition
 * (e.g. next() from instants on both sides of a DST change) stays on the fast path. Windows are
 * immutable objects behind volatile fields: racing threads at worst recompute one.
 */
final class ZoneTimeline {

    private final ZoneId zone;
    private final ZoneRules rules;
    private final DstPolicy.Gap gapPolicy;
    private volatile Window window;
    private volatile Window spare;

    ZoneTimeline(ZoneId zone, DstPolicy.Gap gapPolicy) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.gapPolicy = gapPolicy;
        this.window = windowAround(0L);
        this.spare = window;
    }

    ZoneId zone() {
        return zone;
    }

    /** The offset in force at an instant, in seconds. */
    int offsetAt(long epochSecond) {
        Window w = window;
        if (w.containsInstant(epochSecond)) {
            return w.offset;
        }
        Window other = spare;
        if (other.containsInstant(epochSecond)) {
            remember(other, w);
            return other.offset;
        }
        Window fresh = windowAround(epochSecond);
        remember(fresh, w);
        return fresh.offset;
    }

    /** Makes {@code recent} the first window tried, keeping {@code previous} as the spare. */
    private void remember(Window recent, Window previous) {
        spare = previous;
        window = recent;
    }

    /** A cached window in which {@code local} is unambiguous, or null. */
    private Window cachedForLocal(long local) {
        Window w = window;
        if (w.containsLocal(local)) {
            return w;
        }
        Window other = spare;
        if (other.containsLocal(local)) {
            remember(other, w);
            return other;
        }
        return null;
    }

    /** The wall-clock time at an instant, as local epoch seconds. */
    long toLocal(long epochSecond) {
        return epochSecond + offsetAt(epochSecond);
    }

    /**
     * The instant a wall-clock time fires at, or {@link LocalSequence#NONE} when the gap policy
     * skips it. An ambiguous time resolves to the later offset when {@code later}, else the
     * earlier one; a nonexistent time shifts to the end of the gap (the transition instant).
     */
    long toInstant(long local, boolean later) {
        Window w = cachedForLocal(local);
        if (w != null) {
            return local - w.offset;
        }
        ZoneOffsetTransition t = rules.getTransition(LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC));
        if (t == null) {
            LocalDateTime ldt = LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC);
            long instant = local - rules.getOffset(ldt).getTotalSeconds();
            remember(windowAround(instant), window);
            return instant;
        }
        if (t.isGap()) {
            return gapPolicy == DstPolicy.Gap.SHIFT ? t.toEpochSecond() : LocalSequence.NONE;
        }
        ZoneOffset offset = later ? t.getOffsetAfter() : t.getOffsetBefore();
        return local - offset.getTotalSeconds();
    }

    /** The earliest instant whose wall-clock time is at or after {@code local}; gaps always shift. */
    long firstInstantAtOrAfter(long local) {
        long instant = toInstant(local, false);
        if (instant != LocalSequence.NONE) {
            return instant;
        }
        return rules.getTransition(LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC)).toEpochSecond();
    }

    /**
     * When {@code local} lies in a fall-back overlap, the local time at which that overlap
     * starts; otherwise {@code local} itself. Lets a search that resolves ambiguous times to the
     * later offset start early enough to see every one of them.
     */
    long overlapStart(long local) {
        if (cachedForLocal(local) != null) {
            return local;
        }
        ZoneOffsetTransition t = rules.getTransition(LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC));
        if (t == null || t.isGap()) {
            return local;
        }
        return t.getDateTimeAfter().toEpochSecond(ZoneOffset.UTC);
    }

    private Window windowAround(long epochSecond) {
        if (rules.isFixedOffset()) {
            return new Window(Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE,
                    rules.getOffset(Instant.EPOCH).getTotalSeconds());
        }
        // callers stay within the years 0001-9999; clamping keeps java.time from throwing if not
        long clamped = Math.max(Instant.MIN.getEpochSecond(), Math.min(epochSecond, Instant.MAX.getEpochSecond() - 1));
        Instant instant = Instant.ofEpochSecond(clamped);
        int offset = rules.getOffset(instant).getTotalSeconds();
        // previousTransition is strictly before its argument: +1 s includes a transition at epochSecond
        ZoneOffsetTransition prev = rules.previousTransition(Instant.ofEpochSecond(clamped + 1));
        ZoneOffsetTransition next = rules.nextTransition(instant);
        long fromInstant = prev == null ? Long.MIN_VALUE : prev.toEpochSecond();
        long toInstant = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        // local times near a transition may be ambiguous or missing: keep them off the fast path
        long fromLocal = prev == null ? Long.MIN_VALUE : prev.toEpochSecond()
                + Math.max(prev.getOffsetBefore().getTotalSeconds(), prev.getOffsetAfter().getTotalSeconds());
        long toLocal = next == null ? Long.MAX_VALUE : next.toEpochSecond()
                + Math.min(next.getOffsetBefore().getTotalSeconds(), next.getOffsetAfter().getTotalSeconds());
        return new Window(fromInstant, toInstant, fromLocal, toLocal, offset);
    }

    /** A stretch of time with one offset: instants [fromInstant, toInstant), unambiguous local times [fromLocal, toLocal). */
    private static final class Window {
        final long fromInstant;
        final long toInstant;
        final long fromLocal;
        final long toLocal;
        final int offset;

        Window(long fromInstant, long toInstant, long fromLocal, long toLocal, int offset) {
            this.fromInstant = fromInstant;
            this.toInstant = toInstant;
            this.fromLocal = fromLocal;
            this.toLocal = toLocal;
            this.offset = offset;
        }

        boolean containsInstant(long epochSecond) {
            return epochSecond >= fromInstant && epochSecond < toInstant;
        }

        boolean containsLocal(long local) {
            return local >= fromLocal && local < toLocal;
        }
    }
}
