package com.grepsr.scheduler.domain.recurrence.rrule;

import java.time.DayOfWeek;
import java.util.List;

/**
 * The parts of a validated RRULE, as written (no DTSTART defaults applied yet). Absent BYxxx
 * parts are {@code null}; present ones are sorted and free of duplicates.
 *
 * @param text normalised rule text (upper case, no {@code RRULE:} prefix)
 */
record RuleParts(
        String text,
        Frequency freq,
        int interval,
        List<WeekdayNum> byDay,
        int[] byMonthDay,
        int[] byMonth,
        int[] byYearDay,
        int[] byWeekNo,
        int[] byHour,
        int[] byMinute,
        int[] bySecond,
        int[] bySetPos,
        Integer count,
        Until until,
        DayOfWeek wkst) {

    boolean hasDayPart() {
        return byDay != null || byMonthDay != null || byYearDay != null || byWeekNo != null;
    }
}
