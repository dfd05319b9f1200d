package com.grepsr.scheduler.domain.recurrence.cron;

/**
 * Which days of a month fire, from the day-of-month and day-of-week fields together.
 *
 * <p>Every rule, including the Quartz ones ({@code L}, {@code L-n}, {@code nW}, {@code LW},
 * {@code nL}, {@code n#k}), depends only on the month's length (28–31) and the weekday of its
 * first day, so a month's set of days is one of 28 masks computed once at parse time: the search
 * then costs one table lookup per month. When both fields are restricted a day fires if either
 * field matches it (Vixie cron), otherwise the restricted one decides.
 */
final class DayRules {

    static final int TABLE_SIZE = 4 * 7;

    // day-of-month: plain days (bit d), L-n offsets (bit n: day length-n), nW days (bit d), LW
    final boolean domRestricted;
    final int domDays;
    final int lastOffsets;
    final int nearestWeekdays;
    final boolean lastWeekday;
    // day-of-week, 0 = Sunday: plain days (bit w), nL (bit w), n#k (bit 7*(k-1)+w)
    final boolean dowRestricted;
    final int weekdays;
    final int lastWeekdays;
    final long nthWeekdays;

    DayRules(boolean domRestricted, int domDays, int lastOffsets, int nearestWeekdays, boolean lastWeekday,
             boolean dowRestricted, int weekdays, int lastWeekdays, long nthWeekdays) {
        this.domRestricted = domRestricted;
        this.domDays = domDays;
        this.lastOffsets = lastOffsets;
        this.nearestWeekdays = nearestWeekdays;
        this.lastWeekday = lastWeekday;
        this.dowRestricted = dowRestricted;
        this.weekdays = weekdays;
        this.lastWeekdays = lastWeekdays;
        this.nthWeekdays = nthWeekdays;
    }

    /** Index into {@link #table()} for a month of {@code length} days starting on {@code firstDow}. */
    static int index(int length, int firstDow) {
        return (length - 28) * 7 + firstDow;
    }

    /** The firing days (bit d for day d) of every kind of month, indexed by {@link #index}. */
    int[] table() {
        int[] table = new int[TABLE_SIZE];
        for (int length = 28; length <= 31; length++) {
            for (int firstDow = 0; firstDow < 7; firstDow++) {
                table[index(length, firstDow)] = days(length, firstDow);
            }
        }
        return table;
    }

    private int days(int length, int firstDow) {
        int all = (int) ((1L << (length + 1)) - 2);
        int days;
        if (domRestricted && dowRestricted) {
            days = byDayOfMonth(length, firstDow) | byDayOfWeek(length, firstDow);
        } else if (domRestricted) {
            days = byDayOfMonth(length, firstDow);
        } else if (dowRestricted) {
            days = byDayOfWeek(length, firstDow);
        } else {
            days = all;
        }
        return days & all;
    }

    private int byDayOfMonth(int length, int firstDow) {
        int days = domDays;
        for (int n = 0; n < 31; n++) {
            if ((lastOffsets >>> n & 1) != 0 && length - n >= 1) {
                days |= 1 << (length - n);
            }
        }
        for (int d = 1; d <= length; d++) {
            if ((nearestWeekdays >>> d & 1) != 0) {
                days |= 1 << nearestWeekday(d, length, firstDow);
            }
        }
        if (lastWeekday) {
            days |= 1 << nearestWeekday(length, length, firstDow);
        }
        return days;
    }

    /** Quartz's {@code W}: the weekday nearest to day {@code d}, never leaving the month. */
    private static int nearestWeekday(int d, int length, int firstDow) {
        int dow = (firstDow + d - 1) % 7;
        if (dow == 6) {
            return d == 1 ? 3 : d - 1;
        }
        if (dow == 0) {
            return d == length ? d - 2 : d + 1;
        }
        return d;
    }

    private int byDayOfWeek(int length, int firstDow) {
        int days = 0;
        for (int d = 1; d <= length; d++) {
            int dow = (firstDow + d - 1) % 7;
            if ((weekdays >>> dow & 1) != 0) {
                days |= 1 << d;
            }
        }
        int lastDow = (firstDow + length - 1) % 7;
        for (int w = 0; w < 7; w++) {
            if ((lastWeekdays >>> w & 1) != 0) {
                days |= 1 << (length - Math.floorMod(lastDow - w, 7));
            }
            int first = 1 + Math.floorMod(w - firstDow, 7);
            for (int k = 1; k <= 5; k++) {
                int d = first + 7 * (k - 1);
                if ((nthWeekdays >>> (7 * (k - 1) + w) & 1) != 0 && d <= length) {
                    days |= 1 << d;
                }
            }
        }
        return days;
    }
}
