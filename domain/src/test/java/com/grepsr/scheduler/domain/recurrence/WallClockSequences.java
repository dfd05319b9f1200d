package com.grepsr.scheduler.domain.recurrence;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Small wall-clock sequences for engine tests, built from plain arithmetic on local epoch
 * seconds so that they share no code with the cron and RRULE parsers. Each also answers
 * {@link TestSequence#contains(long)} independently of {@code nextLocal}, which is what the
 * brute-force oracle uses.
 */
final class WallClockSequences {

    private static final long DAY = 86_400L;

    private WallClockSequences() {
    }

    /** A sequence that can say whether a wall-clock time belongs to it. */
    interface TestSequence extends LocalSequence {
        boolean contains(long local);

        /** The smallest step between elements, in seconds: how finely the oracle must walk. */
        long grain();
    }

    /** Every day at {@code time}. */
    static TestSequence dailyAt(LocalTime time) {
        return periodic(DAY, time.toSecondOfDay(), "daily at " + time);
    }

    static TestSequence dailyAt(String time) {
        return dailyAt(LocalTime.parse(time));
    }

    /** Every {@code n} minutes of wall clock, aligned to local midnight of 1970-01-01. */
    static TestSequence everyMinutes(int n) {
        return periodic(n * 60L, 0, "every " + n + " min");
    }

    /** Every {@code n} wall-clock minutes, shifted by {@code phaseMinutes}. */
    static TestSequence everyMinutes(int n, int phaseMinutes) {
        return periodic(n * 60L, Math.floorMod(phaseMinutes * 60L, n * 60L), "every " + n + " min +" + phaseMinutes);
    }

    /** Every {@code n} wall-clock seconds, shifted by {@code phaseSeconds}. */
    static TestSequence everySeconds(int n, int phaseSeconds) {
        return periodic(n, Math.floorMod(phaseSeconds, (long) n), "every " + n + " s +" + phaseSeconds);
    }

    /** Local epoch seconds of a wall-clock date-time. */
    static long local(String localDateTime) {
        return LocalDateTime.parse(localDateTime).toEpochSecond(ZoneOffset.UTC);
    }

    private static TestSequence periodic(long period, long phase, String name) {
        return new TestSequence() {
            @Override
            public long nextLocal(long afterLocal) {
                return phase + (Math.floorDiv(afterLocal - phase, period) + 1) * period;
            }

            @Override
            public boolean contains(long local) {
                return Math.floorMod(local - phase, period) == 0;
            }

            @Override
            public long grain() {
                return period % 60 == 0 && phase % 60 == 0 ? 60 : 1;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
