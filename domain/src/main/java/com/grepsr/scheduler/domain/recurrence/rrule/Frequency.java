package com.grepsr.scheduler.domain.recurrence.rrule;

/** RFC 5545 FREQ values, from the finest to the coarsest. */
enum Frequency {
    SECONDLY(1), MINUTELY(60), HOURLY(3_600), DAILY(86_400), WEEKLY(0), MONTHLY(0), YEARLY(0);

    /** Length of one period in seconds for the clock-based frequencies; 0 for calendar ones. */
    final int seconds;

    Frequency(int seconds) {
        this.seconds = seconds;
    }

    /** True when a period is shorter than a day, so every calendar part only limits. */
    boolean isSubDaily() {
        return this.compareTo(DAILY) < 0;
    }
}
