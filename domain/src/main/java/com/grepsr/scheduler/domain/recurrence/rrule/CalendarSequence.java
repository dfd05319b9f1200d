package com.grepsr.scheduler.domain.recurrence.rrule;

import static com.grepsr.scheduler.domain.recurrence.rrule.Horizon.SECONDS_PER_DAY;

import com.grepsr.scheduler.domain.recurrence.LocalSequence;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * A DAILY, WEEKLY, MONTHLY or YEARLY rule: periods numbered from DTSTART's, every INTERVAL-th one
 * active, each yielding its allowed days × {@link TimesOfDay}, optionally cut by BYSETPOS.
 *
 * <p>{@link #nextLocal} jumps straight to the active period holding its argument and walks
 * forward from there. A period's day set depends only on where it falls in the 400-year Gregorian
 * cycle, and stepping by INTERVAL visits every reachable place in that cycle within one cycle's
 * worth of periods; so a rule that has found nothing after that many periods never will.
 */
final class CalendarSequence implements LocalSequence {

    private final Frequency freq;
    private final int interval;
    private final DayFilter filter;
    private final TimesOfDay times;
    private final SetPositions setPositions;
    private final long startLocal;
    /** Epoch day of a day that is WKST: weeks are counted from it. */
    private final long weekAnchor;
    private final long firstPeriod;
    /**
     * With BYWEEKNO a YEARLY period is a week-numbering year (week 1 to the last week), so a week
     * that straddles New Year belongs to one period whole, as in lib-recur; otherwise null.
     */
    private final WeekNumbering weekYears;
    /** Periods in one 400-year cycle. */
    private final long cycle;
    /** The last expanded period; an immutable value, so racing threads at worst recompute it. */
    private volatile Expanded last = new Expanded(Long.MIN_VALUE, new long[0]);

    CalendarSequence(RuleParts r, LocalDateTime start) {
        this.freq = r.freq();
        this.interval = r.interval();
        this.filter = new DayFilter(r, start.toLocalDate());
        this.times = new TimesOfDay(orStart(r.byHour(), start.getHour()), orStart(r.byMinute(), start.getMinute()),
                orStart(r.bySecond(), start.getSecond()));
        this.setPositions = r.bySetPos() == null ? null : new SetPositions(r.bySetPos());
        this.startLocal = start.toEpochSecond(ZoneOffset.UTC);
        this.weekAnchor = Math.floorMod(3 + r.wkst().getValue(), 7); // epoch day 0 was a Thursday
        this.weekYears = freq == Frequency.YEARLY && r.byWeekNo() != null ? new WeekNumbering(r.wkst()) : null;
        this.firstPeriod = periodOf(start.toLocalDate().toEpochDay());
        this.cycle = switch (freq) {
            case DAILY -> 146_097;
            case WEEKLY -> 20_871;
            case MONTHLY -> 4_800;
            default -> 400;
        };
    }

    @Override
    public long nextLocal(long afterLocal) {
        if (afterLocal >= Horizon.END_LOCAL || times.size() == 0) {
            return NONE;
        }
        long after = Math.max(afterLocal, startLocal - 1);
        long k = Math.max(0, periodOf(Math.floorDiv(after, SECONDS_PER_DAY)) - firstPeriod);
        k -= k % interval;
        for (long i = 0; i <= cycle; i++, k += interval) {
            long[] days = days(firstPeriod + k);
            if (days == null) {
                return NONE;
            }
            long next = setPositions == null ? firstAfter(days, after) : setPositions.firstAfter(days, times, after);
            if (next != NONE) {
                return next;
            }
        }
        return NONE;
    }

    private long firstAfter(long[] days, long after) {
        long afterDay = Math.floorDiv(after, SECONDS_PER_DAY);
        for (long day : days) {
            if (day < afterDay) {
                continue;
            }
            int i = day == afterDay ? times.firstAfter(after - day * SECONDS_PER_DAY) : 0;
            if (i < times.size()) {
                return day * SECONDS_PER_DAY + times.at(i);
            }
        }
        return NONE;
    }

    /** The allowed days (epoch days, ascending) of a period, or null past the horizon. */
    private long[] days(long period) {
        Expanded e = last;
        if (e.period == period) {
            return e.days;
        }
        long first = firstDay(period);
        if (first >= Horizon.END_DAY) {
            return null;
        }
        int length = switch (freq) {
            case DAILY -> 1;
            case WEEKLY -> 7;
            case MONTHLY -> LocalDate.ofEpochDay(first).lengthOfMonth();
            default -> weekYears != null ? (int) (weekYears.week1Start((int) period + 1) - first)
                    : LocalDate.ofEpochDay(first).lengthOfYear();
        };
        long[] days = new long[length];
        int n = 0;
        for (long d = first; d < first + length; d++) {
            if (filter.matches(d)) {
                days[n++] = d;
            }
        }
        days = Arrays.copyOf(days, n);
        last = new Expanded(period, days);
        return days;
    }

    private long periodOf(long epochDay) {
        return switch (freq) {
            case DAILY -> epochDay;
            case WEEKLY -> Math.floorDiv(epochDay - weekAnchor, 7);
            case MONTHLY -> {
                LocalDate d = LocalDate.ofEpochDay(epochDay);
                yield d.getYear() * 12L + d.getMonthValue() - 1;
            }
            default -> weekYears != null ? weekYears.weekYear(epochDay) : LocalDate.ofEpochDay(epochDay).getYear();
        };
    }

    private long firstDay(long period) {
        return switch (freq) {
            case DAILY -> period;
            case WEEKLY -> weekAnchor + 7 * period;
            case MONTHLY -> LocalDate.of((int) Math.floorDiv(period, 12), (int) Math.floorMod(period, 12) + 1, 1)
                    .toEpochDay();
            default -> weekYears != null ? weekYears.week1Start((int) period)
                    : LocalDate.ofYearDay((int) period, 1).toEpochDay();
        };
    }

    static int[] orStart(int[] values, int fromStart) {
        return values != null ? values : new int[] {fromStart};
    }

    private record Expanded(long period, long[] days) {
    }
}
