package com.grepsr.scheduler.domain.recurrence.rrule;

import java.util.Arrays;

/**
 * The sorted times of day (seconds since midnight) a DAILY or coarser rule fires at: every
 * BYHOUR × BYMINUTE × BYSECOND combination, each part defaulting to DTSTART's. The product is never
 * materialised (it can hold 86,400 entries): the i-th time is read off the three lists like digits
 * of a mixed-radix number, which keeps it sorted because each list is.
 */
final class TimesOfDay {

    private final int[] hours;
    private final int[] minutes;
    private final int[] seconds;
    private final int size;

    TimesOfDay(int[] hours, int[] minutes, int[] seconds) {
        this.hours = hours;
        this.minutes = minutes;
        // a leap second (60) never shows on our wall clock
        this.seconds = Arrays.stream(seconds).filter(s -> s < 60).toArray();
        this.size = hours.length * minutes.length * this.seconds.length;
    }

    int size() {
        return size;
    }

    /** The {@code i}-th time of day, 0 ≤ i &lt; {@link #size()}. */
    int at(int i) {
        int s = seconds[i % seconds.length];
        int rest = i / seconds.length;
        return hours[rest / minutes.length] * 3_600 + minutes[rest % minutes.length] * 60 + s;
    }

    /** Index of the first time strictly after {@code secondOfDay}, or {@link #size()} if none. */
    int firstAfter(long secondOfDay) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (at(mid) > secondOfDay) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
