package com.grepsr.scheduler.domain.recurrence.rrule;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Builds the parser's error messages: what is wrong with the rule, and a valid rule to copy. */
final class RuleErrors {

    /** A valid example per part, so that each error can show how the part is written. */
    private static final Map<String, String> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put("FREQ", "FREQ=DAILY");
        EXAMPLES.put("INTERVAL", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH");
        EXAMPLES.put("COUNT", "FREQ=DAILY;COUNT=10");
        EXAMPLES.put("UNTIL", "FREQ=DAILY;UNTIL=20271231T235959Z");
        EXAMPLES.put("BYSECOND", "FREQ=MINUTELY;BYSECOND=0,30");
        EXAMPLES.put("BYMINUTE", "FREQ=HOURLY;BYMINUTE=0,30");
        EXAMPLES.put("BYHOUR", "FREQ=DAILY;BYHOUR=9,17");
        EXAMPLES.put("BYDAY", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH");
        EXAMPLES.put("BYMONTHDAY", "FREQ=MONTHLY;BYMONTHDAY=1,15,-1");
        EXAMPLES.put("BYYEARDAY", "FREQ=YEARLY;BYYEARDAY=1,-1");
        EXAMPLES.put("BYWEEKNO", "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO");
        EXAMPLES.put("BYMONTH", "FREQ=YEARLY;BYMONTH=1,7;BYMONTHDAY=1");
        EXAMPLES.put("BYSETPOS", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1");
        EXAMPLES.put("WKST", "FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=TU,TH");
    }

    private RuleErrors() {
    }

    /** A valid rule that uses {@code part}, to show in a message. */
    static String example(String part) {
        return EXAMPLES.getOrDefault(part, EXAMPLES.get("INTERVAL"));
    }

    static Set<String> knownParts() {
        return java.util.Collections.unmodifiableSet(EXAMPLES.keySet());
    }

    /** {@code invalid RRULE '<input>': <what>; e.g. '<a valid rule using examplePart>'}. */
    static IllegalArgumentException invalid(String input, String what, String examplePart) {
        return new IllegalArgumentException("invalid RRULE '" + clip(input) + "': " + what
                + "; e.g. '" + example(examplePart) + "'");
    }

    /** Keeps messages readable when the input is huge or hostile. */
    static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
