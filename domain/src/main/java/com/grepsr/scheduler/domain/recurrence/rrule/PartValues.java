package com.grepsr.scheduler.domain.recurrence.rrule;

import static com.grepsr.scheduler.domain.recurrence.rrule.RuleErrors.clip;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the value of one RRULE part (numbers, lists, weekdays, UNTIL), checking ranges. */
final class PartValues {

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d{1,9}");
    private static final Pattern WEEKDAY_NUM = Pattern.compile("([+-]?\\d{1,3})?([A-Z]*)");
    private static final Pattern UNTIL = Pattern.compile("(\\d{8})(?:T(\\d{6})(Z?))?");
    private static final List<String> DAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

    private final String input;

    PartValues(String input) {
        this.input = input;
    }

    Frequency frequency(String value) {
        try {
            return Frequency.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw fail("unknown FREQ '" + clip(value) + "' (one of SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY,"
                    + " MONTHLY, YEARLY)", "FREQ");
        }
    }

    int number(String part, String value, int min, int max, boolean negativeToo) {
        if (!NUMBER.matcher(value).matches()) {
            throw fail(part + " value '" + clip(value) + "' is not a whole number", part);
        }
        int n = Integer.parseInt(value.startsWith("+") ? value.substring(1) : value);
        boolean ok = negativeToo ? Math.abs(n) >= min && Math.abs(n) <= max : n >= min && n <= max;
        if (!ok) {
            String range = negativeToo ? min + " to " + max + " or -" + max + " to -" + min : min + " to " + max;
            throw fail(part + " value " + n + " is out of range (" + range + ")", part);
        }
        return n;
    }

    int[] list(Map<String, String> parts, String part, int min, int max, boolean negativeToo) {
        String value = parts.get(part);
        if (value == null) {
            return null;
        }
        TreeSet<Integer> values = new TreeSet<>();
        for (String item : value.split(",", -1)) {
            values.add(number(part, item.strip(), min, max, negativeToo));
        }
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    List<WeekdayNum> byDay(String value) {
        List<WeekdayNum> days = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            Matcher m = WEEKDAY_NUM.matcher(item.strip());
            if (!m.matches()) {
                throw fail("unknown weekday '" + clip(item) + "' in BYDAY", "BYDAY");
            }
            DayOfWeek day = weekday(m.group(2), "BYDAY");
            int ordinal = m.group(1) == null ? 0 : number("BYDAY", m.group(1), 1, 53, true);
            WeekdayNum w = new WeekdayNum(ordinal, day);
            if (!days.contains(w)) {
                days.add(w);
            }
        }
        return List.copyOf(days);
    }

    DayOfWeek weekday(String value, String part) {
        int i = DAYS.indexOf(value);
        if (i < 0) {
            throw fail("unknown weekday '" + clip(value) + "' in " + part,
                    part.equals("WKST") ? "WKST" : "BYDAY");
        }
        return DayOfWeek.of(i + 1);
    }

    Until until(String value) {
        Matcher m = UNTIL.matcher(value);
        if (m.matches()) {
            try {
                LocalDate date = LocalDate.of(Integer.parseInt(value.substring(0, 4)),
                        Integer.parseInt(value.substring(4, 6)), Integer.parseInt(value.substring(6, 8)));
                if (m.group(2) == null) {
                    return new Until(date.atStartOfDay(), false, true);
                }
                String t = m.group(2);
                LocalDateTime at = date.atTime(Integer.parseInt(t.substring(0, 2)),
                        Integer.parseInt(t.substring(2, 4)), Integer.parseInt(t.substring(4, 6)));
                return new Until(at, !m.group(3).isEmpty(), false);
            } catch (DateTimeException e) {
                throw fail("UNTIL '" + clip(value) + "' is not a real date-time", "UNTIL");
            }
        }
        throw fail("UNTIL '" + clip(value) + "' must look like 20271231T235959Z (UTC), 20271231T235959 (local)"
                + " or 20271231 (through that local day)", "UNTIL");
    }

    private IllegalArgumentException fail(String what, String examplePart) {
        return RuleErrors.invalid(input, what, examplePart);
    }
}
