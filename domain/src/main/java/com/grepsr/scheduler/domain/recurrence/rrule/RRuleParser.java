package com.grepsr.scheduler.domain.recurrence.rrule;

import com.grepsr.scheduler.domain.recurrence.Bounds;

import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns RRULE text into {@link RuleParts}, rejecting anything RFC 5545 does not allow (or that this
 * engine does not support) with a message naming the problem and showing a valid rule.
 */
final class RRuleParser {

    static final int MAX_LENGTH = 2048;
    static final int MAX_INTERVAL = 10_000;

    private final String input;
    private final PartValues values;

    private RRuleParser(String input) {
        this.input = input;
        this.values = new PartValues(input);
    }

    static RuleParts parse(String rrule) {
        if (rrule == null) {
            throw new IllegalArgumentException("an RRULE is required, e.g. '"
                    + RuleErrors.example("INTERVAL") + "'");
        }
        return new RRuleParser(rrule).parse();
    }

    private RuleParts parse() {
        if (input.length() > MAX_LENGTH) {
            throw fail("longer than " + MAX_LENGTH + " characters", "INTERVAL");
        }
        String text = input.strip();
        if (text.regionMatches(true, 0, "RRULE:", 0, 6)) {
            text = text.substring(6);
        }
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isBlank()) {
            throw fail("the rule is empty", "INTERVAL");
        }
        Map<String, String> parts = split(text);
        if (!parts.containsKey("FREQ")) {
            throw fail("FREQ is missing", "INTERVAL");
        }
        Frequency freq = values.frequency(parts.get("FREQ"));
        int interval = parts.containsKey("INTERVAL")
                ? values.number("INTERVAL", parts.get("INTERVAL"), 1, MAX_INTERVAL, false) : 1;
        Integer count = parts.containsKey("COUNT")
                ? values.number("COUNT", parts.get("COUNT"), 1, Bounds.MAX_RUNS, false) : null;
        Until until = parts.containsKey("UNTIL") ? values.until(parts.get("UNTIL")) : null;
        if (count != null && until != null) {
            throw fail("COUNT and UNTIL must not both be given", "COUNT");
        }
        RuleParts rule = new RuleParts(normalised(parts), freq, interval,
                parts.containsKey("BYDAY") ? values.byDay(parts.get("BYDAY")) : null,
                values.list(parts, "BYMONTHDAY", 1, 31, true),
                values.list(parts, "BYMONTH", 1, 12, false),
                values.list(parts, "BYYEARDAY", 1, 366, true),
                values.list(parts, "BYWEEKNO", 1, 53, true),
                values.list(parts, "BYHOUR", 0, 23, false),
                values.list(parts, "BYMINUTE", 0, 59, false),
                // RFC 5545 allows 60 for a leap second; our clock has none, so 60 never matches
                values.list(parts, "BYSECOND", 0, 60, false),
                values.list(parts, "BYSETPOS", 1, 366, true),
                count, until,
                parts.containsKey("WKST") ? values.weekday(parts.get("WKST"), "WKST") : DayOfWeek.MONDAY);
        checkCombinations(rule);
        return rule;
    }

    private Map<String, String> split(String text) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : text.split(";", -1)) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw fail("part '" + RuleErrors.clip(part) + "' is not NAME=VALUE", "INTERVAL");
            }
            String name = part.substring(0, eq).strip().toUpperCase(Locale.ROOT);
            String value = part.substring(eq + 1).strip().toUpperCase(Locale.ROOT);
            if (!RuleErrors.knownParts().contains(name)) {
                throw fail("unknown part '" + RuleErrors.clip(name) + "' (known: "
                        + String.join(", ", RuleErrors.knownParts()) + ")",
                        "INTERVAL");
            }
            if (parts.putIfAbsent(name, value) != null) {
                throw fail("duplicate part " + name, name);
            }
            if (value.isEmpty()) {
                throw fail(name + " has no value", name);
            }
        }
        return parts;
    }

    private void checkCombinations(RuleParts r) {
        Frequency f = r.freq();
        if (r.byWeekNo() != null && f != Frequency.YEARLY) {
            throw fail("BYWEEKNO is only allowed with FREQ=YEARLY", "BYWEEKNO");
        }
        if (r.byYearDay() != null && (f == Frequency.DAILY || f == Frequency.WEEKLY || f == Frequency.MONTHLY)) {
            throw fail("BYYEARDAY is not allowed with FREQ=" + f, "BYYEARDAY");
        }
        if (r.byMonthDay() != null && f == Frequency.WEEKLY) {
            throw fail("BYMONTHDAY is not allowed with FREQ=WEEKLY", "BYMONTHDAY");
        }
        boolean ordinals = r.byDay() != null && r.byDay().stream().anyMatch(d -> d.ordinal() != 0);
        if (ordinals && f != Frequency.MONTHLY && f != Frequency.YEARLY) {
            throw fail("BYDAY ordinals such as 2MO or -1FR need FREQ=MONTHLY or FREQ=YEARLY, not " + f, "BYDAY");
        }
        boolean inMonth = f == Frequency.MONTHLY || (f == Frequency.YEARLY && r.byMonth() != null);
        if (ordinals && inMonth && r.byDay().stream().anyMatch(d -> Math.abs(d.ordinal()) > 5)) {
            throw fail("a BYDAY ordinal counts weekdays within a month here, so it must be 1 to 5 or -5 to -1",
                    "BYDAY");
        }
        if (ordinals && r.byWeekNo() != null) {
            throw fail("BYDAY ordinals such as 2MO or -1FR are not allowed together with BYWEEKNO", "BYDAY");
        }
        boolean otherBy = r.hasDayPart() || r.byMonth() != null || r.byHour() != null
                || r.byMinute() != null || r.bySecond() != null;
        if (r.bySetPos() != null && !otherBy) {
            throw fail("BYSETPOS needs another BYxxx part to select from", "BYSETPOS");
        }
    }

    private static String normalised(Map<String, String> parts) {
        StringBuilder sb = new StringBuilder("FREQ=").append(parts.get("FREQ"));
        parts.forEach((name, value) -> {
            if (!name.equals("FREQ")) {
                sb.append(';').append(name).append('=').append(value);
            }
        });
        return sb.toString();
    }

    private IllegalArgumentException fail(String what, String examplePart) {
        return RuleErrors.invalid(input, what, examplePart);
    }
}
