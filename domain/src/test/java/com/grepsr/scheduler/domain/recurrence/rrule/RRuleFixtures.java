package com.grepsr.scheduler.domain.recurrence.rrule;

import com.grepsr.scheduler.domain.recurrence.Recurrence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Shared helpers for the RRULE tests: run a rule and read its occurrences as wall-clock times. */
final class RRuleFixtures {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private RRuleFixtures() {
    }

    /** The first {@code n} occurrences through the public facade, as wall-clock times in {@code zone}. */
    static List<LocalDateTime> firstRuns(String rule, String dtstart, ZoneId zone, int n) {
        Recurrence r = Recurrence.rrule(rule, LocalDateTime.parse(dtstart), zone);
        Instant before = LocalDateTime.parse(dtstart).atZone(zone).toInstant().minusSeconds(1);
        return r.upcoming(before, n).stream().map(i -> LocalDateTime.ofInstant(i, zone)).toList();
    }

    /** The first runs of a rule in New York, like the RFC 5545 examples (all at unambiguous times). */
    static List<LocalDateTime> rfc(String rule, String dtstart, int n) {
        return firstRuns(rule, dtstart, NEW_YORK, n);
    }

    /** The first {@code n} elements of the bare wall-clock sequence after {@code after}. */
    static List<LocalDateTime> localRuns(String rule, String dtstart, String after, int n) {
        RRule r = RRule.parse(rule, LocalDateTime.parse(dtstart), ZoneOffset.UTC);
        long t = LocalDateTime.parse(after).toEpochSecond(ZoneOffset.UTC);
        List<LocalDateTime> out = new ArrayList<>();
        while (out.size() < n && (t = r.sequence().nextLocal(t)) != Long.MIN_VALUE) {
            out.add(LocalDateTime.ofEpochSecond(t, 0, ZoneOffset.UTC));
        }
        return out;
    }

    /** Parses "yyyy-MM-ddTHH:mm" strings. */
    static LocalDateTime[] at(String... dateTimes) {
        return java.util.Arrays.stream(dateTimes).map(LocalDateTime::parse).toArray(LocalDateTime[]::new);
    }

    /** The same time of day on each date, "yyyy-MM-dd" strings. */
    static LocalDateTime[] daysAt(String time, String... dates) {
        return java.util.Arrays.stream(dates).map(d -> LocalDateTime.parse(d + "T" + time)).toArray(LocalDateTime[]::new);
    }
}
