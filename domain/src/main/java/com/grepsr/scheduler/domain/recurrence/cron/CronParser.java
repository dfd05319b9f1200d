package com.grepsr.scheduler.domain.recurrence.cron;

import java.util.BitSet;
import java.util.Locale;

/**
 * Turns cron text into a {@link CronSequence}: macros, 5/6/7-field layouts, then each field.
 *
 * <p>Layouts: 5 fields are Unix ({@code min hour dom mon dow}, firing at second 0); 6 put seconds
 * first (Spring/Quartz order); 7 add years last.
 */
final class CronParser {

    /** Longer text is refused before any work, so no input can make parsing slow. */
    static final int MAX_LENGTH = 1024;

    private CronParser() {
    }

    static CronSequence parse(String expression) {
        if (expression == null) {
            throw new IllegalArgumentException("a cron expression is required; " + CronErrors.EXAMPLE);
        }
        if (expression.length() > MAX_LENGTH) {
            throw CronErrors.invalid(expression, "longer than " + MAX_LENGTH + " characters");
        }
        String text = expression.trim();
        if (text.isEmpty()) {
            throw CronErrors.invalid(expression, "it is empty");
        }
        String[] fields = expand(text, expression).split("\\s+");
        if (fields.length == 5) {
            fields = new String[] {"0", fields[0], fields[1], fields[2], fields[3], fields[4], "*"};
        } else if (fields.length == 6) {
            fields = new String[] {fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], "*"};
        } else if (fields.length != 7) {
            throw CronErrors.invalid(expression, "expected 5, 6 or 7 fields (sec min hour day-of-month month"
                    + " day-of-week year) but found " + fields.length);
        }
        return build(expression, fields);
    }

    private static String expand(String text, String expression) {
        if (!text.startsWith("@")) {
            return text;
        }
        switch (text.toLowerCase(Locale.ROOT)) {
            case "@yearly", "@annually":
                return "0 0 0 1 1 *";
            case "@monthly":
                return "0 0 0 1 * *";
            case "@weekly":
                return "0 0 0 * * 0";
            case "@daily", "@midnight":
                return "0 0 0 * * *";
            case "@hourly":
                return "0 0 * * * *";
            default:
                throw CronErrors.invalid(expression, "unknown macro '" + text
                        + "' (use @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly)");
        }
    }

    private static CronSequence build(String expression, String[] f) {
        CronField[] order = {CronField.SECOND, CronField.MINUTE, CronField.HOUR, null, CronField.MONTH, null,
            CronField.YEAR};
        for (int i = 0; i < order.length; i++) {
            if (order[i] != null && f[i].contains("?")) {
                throw CronErrors.invalid(expression, order[i].label + " '" + f[i]
                        + "': '?' is only allowed in day-of-month and day-of-week");
            }
        }
        long seconds = word(new FieldParser(expression, CronField.SECOND).parseField(f[0]));
        long minutes = word(new FieldParser(expression, CronField.MINUTE).parseField(f[1]));
        int hours = (int) word(new FieldParser(expression, CronField.HOUR).parseField(f[2]));
        int months = (int) word(new FieldParser(expression, CronField.MONTH).parseField(f[4]));
        DayRules days = new DayFieldParser(expression).parse(f[3], f[5]);
        BitSet years;
        if (f[6].equals("*")) {
            // an open year field also covers the years before 1970 that a year value cannot name
            years = new BitSet(CronField.YEAR.max + 1);
            years.set(1, CronField.YEAR.max + 1);
        } else {
            years = new FieldParser(expression, CronField.YEAR).parseField(f[6]);
        }
        int[] table = days.table();
        BitSet firing = firingYears(years, months, table);
        if (firing.isEmpty()) {
            throw CronErrors.invalid(expression, "it can never fire: no date matches day-of-month '" + f[3]
                    + "', month '" + f[4] + "', day-of-week '" + f[5] + "'"
                    + (f[6].equals("*") ? "" : " and year '" + f[6] + "'"));
        }
        return new CronSequence(expression.trim(), seconds, minutes, hours, months, table, firing);
    }

    /**
     * The allowed years in which at least one date fires. Which dates fire depends only on the
     * year's place in the 400-year Gregorian cycle, so 400 years are checked and the answer
     * repeated; the search then never visits a year in vain, and never-firing input is caught here.
     */
    private static BitSet firingYears(BitSet allowed, int months, int[] table) {
        boolean[] cycle = new boolean[400];
        for (int c = 0; c < 400; c++) {
            int year = 2000 + c;
            for (int m = 1; m <= 12 && !cycle[c]; m++) {
                if ((months >>> m & 1) != 0) {
                    int first = CivilCalendar.dayOfWeek(CivilCalendar.epochDay(year, m, 1));
                    cycle[c] = table[DayRules.index(CivilCalendar.monthLength(year, m), first)] != 0;
                }
            }
        }
        boolean everyYear = true;
        for (boolean fires : cycle) {
            everyYear &= fires;
        }
        if (everyYear) {
            // the common case (daily, weekly, monthly, even `L`): no need to visit ~10,000 years one
            // by one, which made parsing, done on every schedule read from a store, cost more
            // than computing its occurrences
            return (BitSet) allowed.clone();
        }
        BitSet firing = new BitSet(CronField.YEAR.max + 1);
        for (int y = allowed.nextSetBit(0); y >= 0; y = allowed.nextSetBit(y + 1)) {
            if (cycle[y % 400]) {
                firing.set(y);
            }
        }
        return firing;
    }

    private static long word(BitSet bits) {
        return bits.toLongArray()[0];
    }
}
