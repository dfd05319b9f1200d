package com.grepsr.scheduler.domain.recurrence.cron;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Brute force: walks instants one minute at a time and asks of each second "does this instant
 * fire?" under the default DST policy, using only {@link CronModel} and {@code ZoneRules}.
 *
 * <p>An instant fires when its wall-clock time matches and no earlier instant showed that wall
 * clock time (not the second pass of a fall-back overlap), or when it is a spring-forward
 * transition instant and some wall-clock time inside the skipped gap matches. Since 1970 every
 * offset in the tested zones is a whole number of minutes and transitions fall on whole minutes,
 * so a minute of instants is a minute of wall-clock time and one date/hour/minute check serves
 * its 60 seconds.
 */
final class CronOracle {

    static final long NONE = Long.MIN_VALUE;

    private final CronModel model;
    private final ZoneRules rules;

    CronOracle(CronModel model, ZoneId zone) {
        this.model = model;
        this.rules = zone.getRules();
    }

    /** The first firing instant in {@code (fromExclusive, toInclusive]}, or {@link #NONE}. */
    long first(long fromExclusive, long toInclusive) {
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        Instant scanFrom = Instant.ofEpochSecond(fromExclusive - 2 * 86_400L);
        int offset = rules.getOffset(scanFrom).getTotalSeconds();
        for (ZoneOffsetTransition t = rules.nextTransition(scanFrom);
             t != null && t.toEpochSecond() <= toInclusive; t = rules.nextTransition(t.getInstant())) {
            transitions.add(t);
        }
        int ti = 0;
        ZoneOffsetTransition current = null;
        for (long minute = Math.floorDiv(fromExclusive + 1, 60) * 60; minute <= toInclusive; minute += 60) {
            while (ti < transitions.size() && transitions.get(ti).toEpochSecond() <= minute) {
                current = transitions.get(ti++);
                offset = current.getOffsetAfter().getTotalSeconds();
            }
            if (offset % 60 != 0) {
                throw new IllegalStateException("oracle assumes whole-minute offsets: " + offset);
            }
            boolean secondPass = current != null && current.isOverlap()
                    && minute < current.toEpochSecond() + current.getDuration().abs().getSeconds();
            boolean gapEnd = current != null && current.isGap() && minute == current.toEpochSecond();
            if (gapEnd && gapMatches(current) && minute > fromExclusive) {
                return minute;
            }
            if (secondPass) {
                continue;
            }
            LocalDateTime local = LocalDateTime.ofEpochSecond(minute + offset, 0, ZoneOffset.UTC);
            if (!model.matchesTimeOfDay(local.getHour(), local.getMinute()) || !model.matchesDate(local.toLocalDate())) {
                continue;
            }
            for (int s = model.seconds.nextSetBit(0); s >= 0; s = model.seconds.nextSetBit(s + 1)) {
                long instant = minute + s;
                if (instant > fromExclusive && instant <= toInclusive) {
                    return instant;
                }
            }
        }
        return NONE;
    }

    /** Whether a wall-clock time skipped by this gap matches (gaps span whole minutes). */
    private boolean gapMatches(ZoneOffsetTransition gap) {
        long from = gap.getDateTimeBefore().toEpochSecond(ZoneOffset.UTC);
        long to = gap.getDateTimeAfter().toEpochSecond(ZoneOffset.UTC);
        for (long local = from; local < to; local += 60) {
            LocalDateTime t = LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC);
            if (model.matchesTimeOfDay(t.getHour(), t.getMinute()) && model.matchesDate(t.toLocalDate())) {
                return true;
            }
        }
        return false;
    }
}
