package com.grepsr.scheduler.domain.recurrence.cron;

import java.util.BitSet;

/**
 * Parses the day-of-month and day-of-week fields, which besides plain lists accept {@code ?}
 * and the Quartz rules: {@code L}, {@code L-n}, {@code nW}, {@code LW} for days of the month,
 * {@code nL} and {@code n#k} for days of the week (with Sunday 0 or 7 and Monday 1, so
 * {@code 5L} is the last Friday and {@code 5#2} the second Friday).
 */
final class DayFieldParser {

    private final String expression;
    private final FieldParser dom;
    private final FieldParser dow;

    DayFieldParser(String expression) {
        this.expression = expression;
        this.dom = new FieldParser(expression, CronField.DAY_OF_MONTH);
        this.dow = new FieldParser(expression, CronField.DAY_OF_WEEK);
    }

    DayRules parse(String domText, String dowText) {
        boolean domRestricted = isRestricted(domText, CronField.DAY_OF_MONTH);
        boolean dowRestricted = isRestricted(dowText, CronField.DAY_OF_WEEK);
        BitSet domDays = new BitSet(32);
        int lastOffsets = 0;
        int nearest = 0;
        boolean lastWeekday = false;
        if (domRestricted) {
            for (String item : dom.splitList(domText)) {
                String upper = item.toUpperCase(java.util.Locale.ROOT);
                if (upper.equals("L")) {
                    lastOffsets |= 1;
                } else if (upper.startsWith("L-")) {
                    int n = dom.number(upper.substring(2), "offset after 'L-'");
                    if (n > 30) {
                        throw dom.error("day-of-month offset in '" + item + "' must be 0-30, e.g. 'L-3'");
                    }
                    lastOffsets |= 1 << n;
                } else if (upper.equals("LW")) {
                    lastWeekday = true;
                } else if (upper.endsWith("W")) {
                    nearest |= 1 << nearestWeekdayDay(item);
                } else {
                    dom.addItem(item, domDays);
                }
            }
        }
        BitSet weekdays = new BitSet(8);
        int lastWeekdays = 0;
        long nth = 0;
        if (dowRestricted) {
            for (String item : dow.splitList(dowText)) {
                int hash = item.indexOf('#');
                if (hash >= 0) {
                    int w = dow.value(item.substring(0, hash)) % 7;
                    int k = dow.number(item.substring(hash + 1), "ordinal after '#'");
                    if (k < 1 || k > 5) {
                        throw dow.error("day-of-week ordinal in '" + item + "' must be 1-5, e.g. '5#2' for the second Friday");
                    }
                    nth |= 1L << (7 * (k - 1) + w);
                } else if (item.length() > 1 && (item.endsWith("L") || item.endsWith("l"))) {
                    // no day name ends in L, so "5L" and "FRIL" are unambiguous
                    lastWeekdays |= 1 << (dow.value(item.substring(0, item.length() - 1)) % 7);
                } else if (item.equalsIgnoreCase("L")) {
                    throw dow.error("day-of-week 'L' needs a day before it, e.g. '5L' for the last Friday");
                } else {
                    dow.addItem(item, weekdays);
                }
            }
        }
        if (weekdays.get(7)) {
            weekdays.set(0);
        }
        return new DayRules(domRestricted, toInt(domDays), lastOffsets, nearest, lastWeekday,
                dowRestricted, toInt(weekdays) & 0x7f, lastWeekdays, nth);
    }

    /** {@code *} and {@code ?} leave a field unrestricted; anything else, even {@code *}{@code /2}, restricts. */
    private boolean isRestricted(String text, CronField field) {
        if (text.equals("*") || text.equals("?")) {
            return false;
        }
        if (text.contains("?")) {
            throw CronErrors.invalid(expression, field.label + " '" + text + "': '?' must stand alone");
        }
        return true;
    }

    private int nearestWeekdayDay(String item) {
        String day = item.substring(0, item.length() - 1);
        for (int i = 0; i < day.length(); i++) {
            if (!Character.isDigit(day.charAt(i))) {
                throw dom.error("day-of-month 'W' in '" + item + "' needs a single day, e.g. '15W', not a range or step");
            }
        }
        return dom.value(day);
    }

    private static int toInt(BitSet bits) {
        long[] words = bits.toLongArray();
        return words.length == 0 ? 0 : (int) words[0];
    }
}
