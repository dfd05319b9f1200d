package com.grepsr.scheduler.domain.recurrence.cron;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;

/**
 * A generated cron expression together with the meaning the generator gave it: its text, and a
 * matcher written straight from the specification with {@code java.time}, sharing no code with
 * the parser or the search. The property tests compare the engine against this matcher.
 */
final class CronModel {

    String text;
    final BitSet seconds = new BitSet();
    final BitSet minutes = new BitSet();
    final BitSet hours = new BitSet();
    final BitSet months = new BitSet();
    /** Null when the expression has no year field or it is {@code *}. */
    BitSet years;
    boolean domRestricted;
    final BitSet domDays = new BitSet();
    final BitSet lastOffsets = new BitSet();
    final BitSet nearestWeekdays = new BitSet();
    boolean lastWeekday;
    boolean dowRestricted;
    /** 0 = Sunday … 6 = Saturday. */
    final BitSet weekdays = new BitSet();
    final BitSet lastWeekdays = new BitSet();
    /** Bit 7 * (k - 1) + w for "w#k". */
    final BitSet nthWeekdays = new BitSet();

    boolean matchesTimeOfDay(int hour, int minute) {
        return hours.get(hour) && minutes.get(minute);
    }

    boolean matchesDate(LocalDate date) {
        if (!months.get(date.getMonthValue()) || (years != null && !years.get(date.getYear()))) {
            return false;
        }
        if (domRestricted && dowRestricted) {
            return matchesDayOfMonth(date) || matchesDayOfWeek(date);
        }
        if (domRestricted) {
            return matchesDayOfMonth(date);
        }
        return !dowRestricted || matchesDayOfWeek(date);
    }

    boolean matches(LocalDateTime t) {
        return seconds.get(t.getSecond()) && matchesTimeOfDay(t.getHour(), t.getMinute()) && matchesDate(t.toLocalDate());
    }

    private boolean matchesDayOfMonth(LocalDate date) {
        int day = date.getDayOfMonth();
        int length = date.lengthOfMonth();
        if (domDays.get(day) || lastOffsets.get(length - day)) {
            return true;
        }
        for (int w = nearestWeekdays.nextSetBit(0); w >= 0; w = nearestWeekdays.nextSetBit(w + 1)) {
            if (w <= length && nearestWeekday(date.withDayOfMonth(w)) == day) {
                return true;
            }
        }
        return lastWeekday && nearestWeekday(date.with(TemporalAdjusters.lastDayOfMonth())) == day;
    }

    /** The weekday nearest to {@code target} in its own month. */
    private static int nearestWeekday(LocalDate target) {
        DayOfWeek dow = target.getDayOfWeek();
        LocalDate nearest = target;
        if (dow == DayOfWeek.SATURDAY) {
            nearest = target.getDayOfMonth() == 1 ? target.plusDays(2) : target.minusDays(1);
        } else if (dow == DayOfWeek.SUNDAY) {
            nearest = target.getDayOfMonth() == target.lengthOfMonth() ? target.minusDays(2) : target.plusDays(1);
        }
        return nearest.getDayOfMonth();
    }

    private boolean matchesDayOfWeek(LocalDate date) {
        int w = date.getDayOfWeek().getValue() % 7;
        boolean lastOfMonth = date.plusWeeks(1).getMonthValue() != date.getMonthValue();
        int ordinal = (date.getDayOfMonth() - 1) / 7 + 1;
        return weekdays.get(w) || (lastWeekdays.get(w) && lastOfMonth) || nthWeekdays.get(7 * (ordinal - 1) + w);
    }

    @Override
    public String toString() {
        return "'" + text + "'";
    }
}
