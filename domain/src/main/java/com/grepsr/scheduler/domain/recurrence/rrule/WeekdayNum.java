package com.grepsr.scheduler.domain.recurrence.rrule;

import java.time.DayOfWeek;

/**
 * One BYDAY entry: a weekday with an optional ordinal ({@code 2MO} = second Monday,
 * {@code -1FR} = last Friday, plain {@code MO} = every Monday, ordinal 0).
 */
record WeekdayNum(int ordinal, DayOfWeek day) {
}
