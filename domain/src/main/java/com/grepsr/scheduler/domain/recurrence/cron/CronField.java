package com.grepsr.scheduler.domain.recurrence.cron;

/** The fields of a cron expression, with their value ranges and names. */
enum CronField {
    SECOND("second", 0, 59),
    MINUTE("minute", 0, 59),
    HOUR("hour", 0, 23),
    DAY_OF_MONTH("day-of-month", 1, 31),
    MONTH("month", 1, 12, "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"),
    /** 0 and 7 are Sunday, 1 is Monday (Vixie cron and Spring numbering, not Quartz's). */
    DAY_OF_WEEK("day-of-week", 0, 7, "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"),
    /**
     * Starts at 1970 like Quartz, so {@code *}{@code /5} means 1970, 1975, …; ends with the
     * engine's calendar (9999) rather than Quartz's 2199.
     */
    YEAR("year", 1970, 9999);

    final String label;
    final int min;
    final int max;
    /** Names in value order starting at {@link #min} (months) or 0 (days of week); empty if none. */
    private final String[] names;

    CronField(String label, int min, int max, String... names) {
        this.label = label;
        this.min = min;
        this.max = max;
        this.names = names;
    }

    boolean hasNames() {
        return names.length > 0;
    }

    /** The value of a three-letter name, or -1 if it is not one of this field's names. */
    int valueOfName(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return this == MONTH ? i + 1 : i;
            }
        }
        return -1;
    }

    String nameRange() {
        return names.length == 0 ? "" : names[0] + "-" + names[names.length - 1];
    }
}
