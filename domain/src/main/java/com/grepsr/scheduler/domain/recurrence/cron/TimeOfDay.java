package com.grepsr.scheduler.domain.recurrence.cron;

/** The firing seconds of a day, as bitmasks of seconds, minutes and hours. */
final class TimeOfDay {

    private final long seconds;
    private final long minutes;
    private final int hours;

    TimeOfDay(long seconds, long minutes, int hours) {
        this.seconds = seconds;
        this.minutes = minutes;
        this.hours = hours;
    }

    /** The first firing second of a day at or after {@code secondOfDay}, or -1 if none is left. */
    int firstAtOrAfter(int secondOfDay) {
        int h = secondOfDay / 3600;
        int m = secondOfDay / 60 % 60;
        int s = secondOfDay % 60;
        while (true) {
            // h <= 24 and m, s <= 60: the shifts stay below the mask width
            int hs = hours & (-1 << h);
            if (hs == 0) {
                return -1;
            }
            int nh = Integer.numberOfTrailingZeros(hs);
            if (nh != h) {
                h = nh;
                m = 0;
                s = 0;
            }
            long mins = minutes & (-1L << m);
            if (mins == 0) {
                h++;
                m = 0;
                s = 0;
                continue;
            }
            int nm = Long.numberOfTrailingZeros(mins);
            if (nm != m) {
                m = nm;
                s = 0;
            }
            long secs = seconds & (-1L << s);
            if (secs == 0) {
                m++;
                s = 0;
                continue;
            }
            return h * 3600 + m * 60 + Long.numberOfTrailingZeros(secs);
        }
    }
}
