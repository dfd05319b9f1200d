package com.grepsr.scheduler.domain.recurrence.cron;

import com.grepsr.scheduler.domain.recurrence.LocalSequence;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.BitSet;

/**
 * A parsed cron expression as the sequence of wall-clock seconds it matches.
 *
 * <p>Accepted forms:
 * <ul>
 *   <li>5 fields, Unix: {@code min hour day-of-month month day-of-week} (fires at second 0);</li>
 *   <li>6 fields, seconds first (Spring/Quartz order): {@code sec min hour dom month dow};</li>
 *   <li>7 fields, years last: {@code sec min hour dom month dow year}, years 1970–9999;</li>
 *   <li>macros {@code @yearly @annually @monthly @weekly @daily @midnight @hourly}.</li>
 * </ul>
 * Each field takes values, names ({@code JAN}–{@code DEC}, {@code SUN}–{@code SAT}, any case),
 * ranges ({@code 9-17}, and wrapping week ranges such as {@code FRI-SUN}), steps
 * ({@code *}{@code /15}, {@code 10-50/5}, {@code 5/10} = from 5 every 10) and lists. Day fields
 * also take {@code ?} and the Quartz rules {@code L}, {@code L-n}, {@code nW}, {@code LW},
 * {@code nL} and {@code n#k}.
 *
 * <p><b>Day-of-week numbering is Vixie/Spring, not Quartz:</b> 0 and 7 are Sunday and 1 is Monday,
 * in every form, so {@code 5L} is the last Friday and {@code 5#2} the second Friday (in Quartz
 * they would mean Thursday). When both day fields are restricted (neither {@code *} nor
 * {@code ?}; a step such as {@code *}{@code /2} counts as restricted) a day fires if
 * <em>either</em> matches, as in Vixie cron (Spring and Quartz differ here).
 *
 * <p>The search works on precomputed bitmasks with carry arithmetic on primitive date fields and
 * allocates nothing. Instances are immutable and thread-safe.
 */
public final class CronSequence implements LocalSequence {

    private static final long MIN_LOCAL = CivilCalendar.epochDay(1, 1, 1) * CivilCalendar.SECONDS_PER_DAY;
    private static final long MAX_LOCAL = (CivilCalendar.epochDay(9999, 12, 31) + 1) * CivilCalendar.SECONDS_PER_DAY - 1;

    private final String expression;
    private final TimeOfDay times;
    private final int months;
    /** Firing days per kind of month, see {@link DayRules#index}. */
    private final int[] dayTable;
    /** Allowed years in which some date fires (never mutated after construction). */
    private final BitSet years;
    /**
     * No date field restricts anything (every-minute, hourly, daily …): the answer is today or
     * tomorrow, and the search needs no calendar at all.
     */
    private final boolean everyDay;
    private final int firstTimeOfDay;
    /**
     * The month of the last answer, packed by {@link #packMonth}: consecutive calls usually land
     * in it, and then the date needs no calendar division. Read and written in opaque mode through
     * {@link #LAST_MONTH}: bitwise atomic, so racing threads only ever see a whole (if stale)
     * value, which just misses, and without the fence a volatile write costs on every miss.
     */
    @SuppressWarnings("unused") // accessed through LAST_MONTH
    private long lastMonth;
    private static final VarHandle LAST_MONTH;

    static {
        try {
            LAST_MONTH = MethodHandles.lookup().findVarHandle(CronSequence.class, "lastMonth", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    CronSequence(String expression, long seconds, long minutes, int hours, int months, int[] dayTable,
                 BitSet years) {
        this.expression = expression;
        this.times = new TimeOfDay(seconds, minutes, hours);
        this.months = months;
        this.dayTable = dayTable;
        this.years = years;
        this.everyDay = firesEveryDay(months, dayTable, years);
        this.firstTimeOfDay = times.firstAtOrAfter(0);
    }

    /** Whether every date of the years 0001–9999 fires (no date field restricted). */
    private static boolean firesEveryDay(int months, int[] dayTable, BitSet years) {
        if (months != 0b1_1111_1111_1110 || years.nextClearBit(1) <= CronField.YEAR.max) {
            return false;
        }
        for (int length = 28; length <= 31; length++) {
            int all = (int) ((1L << (length + 1)) - 2);
            for (int firstDow = 0; firstDow < 7; firstDow++) {
                if (dayTable[DayRules.index(length, firstDow)] != all) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Parses a cron expression (at most 1024 characters).
     *
     * @throws IllegalArgumentException saying which field and token are wrong, with a valid example;
     *                                  also for expressions that can never fire (e.g. {@code 0 0 30 2 *})
     */
    public static CronSequence parse(String expression) {
        return CronParser.parse(expression);
    }

    /**
     * The first matching wall-clock second strictly after {@code afterLocal}, or {@link #NONE}
     * past the year 9999 or the last year of a year field. Exact, and always within 400 years
     * of its argument unless a year field says otherwise.
     */
    @Override
    public long nextLocal(long afterLocal) {
        if (afterLocal >= MAX_LOCAL) {
            return NONE;
        }
        long t = Math.max(afterLocal, MIN_LOCAL - 1) + 1;
        long epochDay = Math.floorDiv(t, CivilCalendar.SECONDS_PER_DAY);
        int secondOfDay = (int) (t - epochDay * CivilCalendar.SECONDS_PER_DAY);
        if (everyDay) {
            int time = times.firstAtOrAfter(secondOfDay);
            long next = time >= 0 ? epochDay * CivilCalendar.SECONDS_PER_DAY + time
                    : (epochDay + 1) * CivilCalendar.SECONDS_PER_DAY + firstTimeOfDay;
            return next <= MAX_LOCAL ? next : NONE;
        }
        int year;
        int month;
        int day;
        long cached = (long) LAST_MONTH.getOpaque(this);
        long cachedFirst = cached >> 32;
        int cachedYear = (int) cached >>> 9;
        int cachedMonth = (int) cached >>> 5 & 15;
        if (epochDay >= cachedFirst && epochDay - cachedFirst < (cached & 31)) {
            year = cachedYear;
            month = cachedMonth;
            day = (int) (epochDay - cachedFirst) + 1;
        } else {
            int date = CivilCalendar.packedDate(epochDay);
            year = CivilCalendar.year(date);
            month = CivilCalendar.month(date);
            day = CivilCalendar.day(date);
        }
        // the first day of the starting month comes free from the starting day
        final int startYear = year;
        final int startMonth = month;
        final long startFirst = epochDay - day + 1;
        while (true) {
            if (!years.get(year)) {
                year = years.nextSetBit(year);
                if (year < 0) {
                    return NONE;
                }
                month = 1;
                day = 1;
                secondOfDay = 0;
            }
            for (int ms = months & (-1 << month); ms != 0; ms = months & (-1 << month)) {
                int m = Integer.numberOfTrailingZeros(ms);
                if (m != month) {
                    month = m;
                    day = 1;
                    secondOfDay = 0;
                }
                int length = CivilCalendar.monthLength(year, month);
                long first = month == startMonth && year == startYear
                        ? startFirst : CivilCalendar.epochDay(year, month, 1);
                int kind = DayRules.index(length, CivilCalendar.dayOfWeek(first));
                int dayMask = dayTable[kind];
                // day is 1..32 here; a shift by 32 would wrap, hence the guard
                for (int ds = day > 31 ? 0 : dayMask & (-1 << day); ds != 0;
                     ds = day > 31 ? 0 : dayMask & (-1 << day)) {
                    int d = Integer.numberOfTrailingZeros(ds);
                    if (d != day) {
                        day = d;
                        secondOfDay = 0;
                    }
                    int time = times.firstAtOrAfter(secondOfDay);
                    if (time >= 0) {
                        long packed = packMonth(first, year, month, length);
                        if (packed != cached) {
                            LAST_MONTH.setOpaque(this, packed);
                        }
                        return (first + day - 1) * CivilCalendar.SECONDS_PER_DAY + time;
                    }
                    day++;
                    secondOfDay = 0;
                }
                month++;
                day = 1;
                secondOfDay = 0;
            }
            year++;
            month = 1;
            day = 1;
            secondOfDay = 0;
            if (year > CronField.YEAR.max) {
                return NONE;
            }
        }
    }

    /** First epoch day in the high 32 bits; year, month and length below, as in {@link CivilCalendar#packedDate}. */
    private static long packMonth(long firstEpochDay, int year, int month, int length) {
        return firstEpochDay << 32 | (long) (year << 9 | month << 5 | length);
    }

    /** The expression as given (trimmed). */
    @Override
    public String toString() {
        return expression;
    }
}
