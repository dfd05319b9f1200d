package com.grepsr.scheduler.domain.recurrence;

import java.util.Objects;

/**
 * What a recurrence does with local times that a daylight-saving transition makes nonexistent
 * (spring forward) or ambiguous (fall back).
 *
 * <p>The default ({@link #DEFAULT}) is what users expect from a wall-clock schedule: a local
 * time inside a gap fires at the first instant after the gap (several such times merge into one
 * firing), and a local time that occurs twice fires once, at its earlier occurrence.
 *
 * @param gap     what to do with a local time that does not exist
 * @param overlap what to do with a local time that exists twice
 */
public record DstPolicy(Gap gap, Overlap overlap) {

    /** Shift gap times to the end of the gap; fire ambiguous times at their earlier offset. */
    public static final DstPolicy DEFAULT = new DstPolicy(Gap.SHIFT, Overlap.EARLIER);

    /** Local times that fall into a spring-forward gap. */
    public enum Gap {
        /** Fire at the first instant after the gap (the transition instant). */
        SHIFT,
        /** Do not fire (the RFC 5545 behaviour for nonexistent times). */
        SKIP
    }

    /** Local times that occur twice in a fall-back overlap. */
    public enum Overlap {
        /** Fire once, at the earlier offset (the first time the wall clock shows it). */
        EARLIER,
        /** Fire once, at the later offset (the second time the wall clock shows it). */
        LATER,
        /** Fire at both instants. */
        BOTH
    }

    public DstPolicy {
        Objects.requireNonNull(gap, "gap");
        Objects.requireNonNull(overlap, "overlap");
    }
}
