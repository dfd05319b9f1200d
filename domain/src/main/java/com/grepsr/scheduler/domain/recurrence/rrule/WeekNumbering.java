package com.grepsr.scheduler.domain.recurrence.rrule;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * RFC 5545 week numbers: weeks start on WKST and week 1 is the first week with at least four days
 * in the year (ISO 8601 when WKST is Monday). A day near New Year may belong to a week of the
 * neighbouring year; it then carries that year's number.
 */
final class WeekNumbering {

    private final DayOfWeek weekStart;

    WeekNumbering(DayOfWeek weekStart) {
        this.weekStart = weekStart;
    }

    boolean matches(LocalDate d, boolean[] positive, boolean[] negative) {
        long day = d.toEpochDay();
        int year = weekYear(day);
        long week1 = week1Start(year);
        int weekNo = (int) ((day - week1) / 7) + 1;
        int weeksInYear = (int) ((week1Start(year + 1) - week1) / 7);
        return positive[weekNo] || negative[weeksInYear - weekNo + 1];
    }

    /** The year whose numbered weeks hold the day: its calendar year, or a neighbour near New Year. */
    int weekYear(long epochDay) {
        int year = LocalDate.ofEpochDay(epochDay).getYear();
        if (epochDay < week1Start(year)) {
            return year - 1;
        }
        return epochDay >= week1Start(year + 1) ? year + 1 : year;
    }

    /** Epoch day on which week 1 of {@code year} starts. */
    long week1Start(int year) {
        LocalDate jan1 = LocalDate.of(year, 1, 1);
        int offset = Math.floorMod(jan1.getDayOfWeek().getValue() - weekStart.getValue(), 7);
        // the week holding 1 January is week 1 only if at least four of its days are in the year
        return offset <= 3 ? jan1.toEpochDay() - offset : jan1.toEpochDay() + 7 - offset;
    }
}
