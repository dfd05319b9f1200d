package com.grepsr.scheduler.domain.recurrence.rrule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * Which calendar days a rule allows. Every day-level part (BYMONTH, BYWEEKNO, BYYEARDAY,
 * BYMONTHDAY, BYDAY) is a condition on the day, and a day must meet all present ones. That single
 * test gives RFC 5545's expand/limit table once the period is fixed: "expand" parts pick days out of
 * a period longer than they are, "limit" parts reject days of a period, and either way the day set
 * is the intersection. What the table leaves to DTSTART (e.g. MONTHLY with neither BYMONTHDAY nor
 * BYDAY fires on DTSTART's day of month) is added here as a condition too.
 */
final class DayFilter {

    private final boolean[] months;        // [1..12], null = any
    private final boolean[] monthDays;     // [1..31]
    private final boolean[] monthDaysNeg;  // [1..31] for -1..-31
    private final boolean[] yearDays;      // [1..366]
    private final boolean[] yearDaysNeg;
    private final boolean[] weekNos;       // [1..53]
    private final boolean[] weekNosNeg;
    private final boolean[] weekdays;      // [1..7] plain BYDAY entries (every such weekday)
    private final boolean[][] nth;         // [weekday][1..53] ordinal BYDAY entries
    private final boolean[][] nthNeg;
    private final boolean hasByDay;
    /** Ordinals count within the year (YEARLY without BYMONTH) rather than within the month. */
    private final boolean ordinalsInYear;
    private final WeekNumbering weeks;

    DayFilter(RuleParts r, LocalDate start) {
        Frequency f = r.freq();
        int[] byMonth = r.byMonth();
        int[] byMonthDay = r.byMonthDay();
        List<WeekdayNum> byDay = r.byDay();
        boolean noDayPart = !r.hasDayPart();
        if (f == Frequency.YEARLY && noDayPart) {
            byMonthDay = new int[] {start.getDayOfMonth()};
            if (byMonth == null) {
                byMonth = new int[] {start.getMonthValue()};
            }
        } else if (f == Frequency.YEARLY && byMonthDay != null && byMonth == null && r.byWeekNo() == null
                && r.byYearDay() == null) {
            // "the information not in the rule comes from DTSTART" (RFC 5545 §3.3.10): here the
            // month. lib-recur reads it so; python-dateutil instead fires in every month.
            byMonth = new int[] {start.getMonthValue()};
        } else if (f == Frequency.MONTHLY && byMonthDay == null && byDay == null) {
            byMonthDay = new int[] {start.getDayOfMonth()};
        } else if (f == Frequency.WEEKLY && byDay == null) {
            byDay = List.of(new WeekdayNum(0, start.getDayOfWeek()));
        } else if (f == Frequency.YEARLY && r.byWeekNo() != null && byDay == null && byMonthDay == null
                && r.byYearDay() == null) {
            // a week number alone names seven days; DTSTART supplies the weekday, as lib-recur does
            byDay = List.of(new WeekdayNum(0, start.getDayOfWeek()));
        }
        months = flags(byMonth, 12, false);
        monthDays = flags(byMonthDay, 31, false);
        monthDaysNeg = flags(byMonthDay, 31, true);
        yearDays = flags(r.byYearDay(), 366, false);
        yearDaysNeg = flags(r.byYearDay(), 366, true);
        weekNos = flags(r.byWeekNo(), 53, false);
        weekNosNeg = flags(r.byWeekNo(), 53, true);
        hasByDay = byDay != null;
        weekdays = new boolean[8];
        nth = new boolean[8][54];
        nthNeg = new boolean[8][54];
        if (byDay != null) {
            for (WeekdayNum w : byDay) {
                int d = w.day().getValue();
                if (w.ordinal() == 0) {
                    weekdays[d] = true;
                } else if (w.ordinal() > 0) {
                    nth[d][w.ordinal()] = true;
                } else {
                    nthNeg[d][-w.ordinal()] = true;
                }
            }
        }
        // RFC 5545: a YEARLY ordinal counts within the month when the rule has BYMONTH; a month
        // taken from DTSTART does not count (lib-recur agrees)
        ordinalsInYear = f == Frequency.YEARLY && r.byMonth() == null;
        weeks = r.byWeekNo() == null ? null : new WeekNumbering(r.wkst());
    }

    /** Whether the day (epoch day) is allowed. */
    boolean matches(long epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        if (months != null && !months[d.getMonthValue()]) {
            return false;
        }
        int dom = d.getDayOfMonth();
        int monthLength = d.lengthOfMonth();
        if (monthDays != null && !monthDays[dom] && !monthDaysNeg[monthLength - dom + 1]) {
            return false;
        }
        int doy = d.getDayOfYear();
        int yearLength = d.lengthOfYear();
        if (yearDays != null && !yearDays[doy] && !yearDaysNeg[yearLength - doy + 1]) {
            return false;
        }
        if (weeks != null && !weeks.matches(d, weekNos, weekNosNeg)) {
            return false;
        }
        return !hasByDay || byDayMatches(d.getDayOfWeek(), ordinalsInYear ? doy : dom,
                ordinalsInYear ? yearLength : monthLength);
    }

    /** The first day after {@code epochDay} that could match: skips the rest of a month BYMONTH rejects. */
    long nextCandidate(long epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        if (months != null && !months[d.getMonthValue()]) {
            return d.withDayOfMonth(1).plusMonths(1).toEpochDay();
        }
        return epochDay + 1;
    }

    private boolean byDayMatches(DayOfWeek dow, int dayInScope, int scopeLength) {
        int d = dow.getValue();
        return weekdays[d] || nth[d][(dayInScope - 1) / 7 + 1] || nthNeg[d][(scopeLength - dayInScope) / 7 + 1];
    }

    /** A lookup table over 1..max for the positive (or, when {@code negative}, the negative) values. */
    private static boolean[] flags(int[] values, int max, boolean negative) {
        if (values == null) {
            return null;
        }
        boolean[] table = new boolean[max + 1];
        for (int v : values) {
            if (negative ? v < 0 : v > 0) {
                table[Math.abs(v)] = true;
            }
        }
        return table;
    }
}
