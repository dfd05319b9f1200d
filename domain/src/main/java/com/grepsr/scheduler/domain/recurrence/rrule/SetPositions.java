package com.grepsr.scheduler.domain.recurrence.rrule;

import static com.grepsr.scheduler.domain.recurrence.rrule.Horizon.SECONDS_PER_DAY;

import com.grepsr.scheduler.domain.recurrence.LocalSequence;

/**
 * BYSETPOS: keeps the n-th (or n-th from last) occurrence of each period's full, sorted set.
 * The set is days × times of day, so position i is day {@code i / times} at time {@code i % times}:
 * arithmetic instead of listing up to 31 million candidates.
 */
final class SetPositions {

    private final int[] positions;

    SetPositions(int[] positions) {
        this.positions = positions;
    }

    /** The earliest selected occurrence strictly after {@code after}, or {@link LocalSequence#NONE}. */
    long firstAfter(long[] days, TimesOfDay times, long after) {
        long perDay = times.size();
        long total = days.length * perDay;
        long best = LocalSequence.NONE;
        for (int p : positions) {
            long i = p > 0 ? p - 1 : total + p;
            if (i < 0 || i >= total) {
                continue;
            }
            long at = days[(int) (i / perDay)] * SECONDS_PER_DAY + times.at((int) (i % perDay));
            if (at > after && (best == LocalSequence.NONE || at < best)) {
                best = at;
            }
        }
        return best;
    }

    /** Applies the positions to one sorted list (the offsets within a sub-daily period). */
    int[] select(int[] sorted) {
        return java.util.Arrays.stream(positions)
                .map(p -> p > 0 ? p - 1 : sorted.length + p)
                .filter(i -> i >= 0 && i < sorted.length)
                .distinct().sorted().map(i -> sorted[i]).toArray();
    }
}
