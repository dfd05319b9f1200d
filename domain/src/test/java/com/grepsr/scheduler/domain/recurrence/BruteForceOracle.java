package com.grepsr.scheduler.domain.recurrence;

import com.grepsr.scheduler.domain.recurrence.WallClockSequences.TestSequence;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.OptionalLong;

/**
 * Decides "does this instant fire?" by looking only at the instant itself, java.time's zone
 * rules and {@link TestSequence#contains(long)}, then walks instants one grain at a time. It
 * shares no code with {@link ZoneTimeline} or {@link ZonedRecurrence}.
 *
 * <p>An instant fires when its wall-clock time is in the sequence and the overlap policy picks
 * this pass of it (EARLIER: no earlier instant showed that wall-clock time; LATER: no later one
 * will; BOTH: any pass), or, under {@code Gap.SHIFT}, when it is a gap's transition instant and
 * some sequence time lies in the gap.
 */
final class BruteForceOracle {

    private final ZoneRules rules;
    private final TestSequence sequence;
    private final DstPolicy policy;
    private final long grain;

    BruteForceOracle(ZoneRules rules, TestSequence sequence, DstPolicy policy) {
        this.rules = rules;
        this.sequence = sequence;
        this.policy = policy;
        this.grain = sequence.grain();
    }

    /** The first firing instant in {@code (after, after + window]}, if any. */
    OptionalLong firstFiringAfter(long after, long window) {
        long i = Math.floorDiv(after, grain) * grain + grain;
        int previousOffset = offset(i - grain);
        for (; i <= after + window; i += grain) {
            int offset = offset(i);
            if (fires(i, offset, offset != previousOffset)) {
                return OptionalLong.of(i);
            }
            previousOffset = offset;
        }
        return OptionalLong.empty();
    }

    private boolean fires(long instant, int offset, boolean offsetJustChanged) {
        long local = instant + offset;
        if (sequence.contains(local) && overlapPolicyPicks(instant, local)) {
            return true;
        }
        return offsetJustChanged && policy.gap() == DstPolicy.Gap.SHIFT && isTransitionOfGapWithSequenceTime(instant);
    }

    private boolean overlapPolicyPicks(long instant, long local) {
        List<ZoneOffset> valid = rules.getValidOffsets(LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC));
        if (valid.size() < 2) {
            return true;
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (ZoneOffset o : valid) {
            first = Math.min(first, local - o.getTotalSeconds());
            last = Math.max(last, local - o.getTotalSeconds());
        }
        return switch (policy.overlap()) {
            case EARLIER -> instant == first;
            case LATER -> instant == last;
            case BOTH -> true;
        };
    }

    private boolean isTransitionOfGapWithSequenceTime(long instant) {
        ZoneOffsetTransition t = rules.previousTransition(Instant.ofEpochSecond(instant + 1));
        if (t == null || t.toEpochSecond() != instant || !t.isGap()) {
            return false;
        }
        long gapStart = t.getDateTimeBefore().toEpochSecond(ZoneOffset.UTC);
        long gapEnd = t.getDateTimeAfter().toEpochSecond(ZoneOffset.UTC);
        for (long local = gapStart; local < gapEnd; local += grain) {
            if (sequence.contains(local)) {
                return true;
            }
        }
        return false;
    }

    private int offset(long instant) {
        return rules.getOffset(Instant.ofEpochSecond(instant)).getTotalSeconds();
    }
}
