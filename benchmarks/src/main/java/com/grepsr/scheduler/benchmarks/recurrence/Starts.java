package com.grepsr.scheduler.benchmarks.recurrence;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Random;

/**
 * The start instants every library is asked from: the same {@value #COUNT} instants for all, in
 * each library's own argument type, built before measurement so no conversion is timed.
 *
 * <p>One instant falls in each consecutive 1/64 of 2027 at a pseudo-random second (whole seconds,
 * as the engine works in seconds), and the order is shuffled, so successive calls neither repeat
 * an answer nor walk forward in a way a cache could exploit. A fixed seed keeps runs comparable.
 */
final class Starts {

    static final int COUNT = 64;
    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final Duration WINDOW = Duration.ofDays(3);

    /** No start lies before this instant, midnight of 1 January 2027 in New York. */
    static final Instant FIRST = Instant.parse("2027-01-01T05:00:00Z");
    private static final long YEAR_SECONDS = Duration.ofDays(365).toSeconds();
    private static final long SEED = 20_270_101L;

    final Instant[] instants = new Instant[COUNT];
    final ZonedDateTime[] zoned = new ZonedDateTime[COUNT];
    final Date[] dates = new Date[COUNT];
    /** The window's inclusive end for the start of the same index: start + {@link #WINDOW}. */
    final Instant[] windowEndInstants = new Instant[COUNT];
    final ZonedDateTime[] windowEndZoned = new ZonedDateTime[COUNT];
    final Date[] windowEndDates = new Date[COUNT];

    Starts() {
        Random random = new Random(SEED);
        long slice = YEAR_SECONDS / COUNT;
        long[] seconds = new long[COUNT];
        for (int i = 0; i < COUNT; i++) {
            seconds[i] = FIRST.getEpochSecond() + i * slice + (long) (random.nextDouble() * slice);
        }
        for (int i = COUNT - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = seconds[i];
            seconds[i] = seconds[j];
            seconds[j] = swap;
        }
        for (int i = 0; i < COUNT; i++) {
            instants[i] = Instant.ofEpochSecond(seconds[i]);
            zoned[i] = instants[i].atZone(ZONE);
            dates[i] = Date.from(instants[i]);
            windowEndInstants[i] = instants[i].plus(WINDOW);
            windowEndZoned[i] = windowEndInstants[i].atZone(ZONE);
            windowEndDates[i] = Date.from(windowEndInstants[i]);
        }
    }
}
