package com.grepsr.scheduler.domain.recurrence.rrule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.grepsr.scheduler.domain.recurrence.Recurrence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Side by side with lib-recur 0.17.1 on wall-clock (floating) time, where no DST question arises.
 *
 * <p>Where we knowingly differ, and why:
 * <ul>
 *   <li>In a zone, a wall time in a spring-forward gap: RFC 5545 and lib-recur drop or move it by
 *       their own rule; we fire it at the end of the gap (SPEC.md's DST rule, {@code DstPolicy.DEFAULT}).
 *       So the comparison runs on floating time, and DST is covered by the oracle property tests.</li>
 *   <li>A rule that can never match: lib-recur throws ("too many empty recurrence sets"); we answer
 *       "no next occurrence". Such examples are skipped here.</li>
 *   <li>BYSECOND=60: lib-recur rejects it; RFC 5545 allows it and we accept it as never matching.</li>
 *   <li>A negative BYYEARDAY with FREQ=HOURLY/MINUTELY/SECONDLY: lib-recur 0.17.1 is one day early
 *       ({@code FREQ=HOURLY;INTERVAL=24;BYYEARDAY=-1} fires on 30 December, while its own
 *       {@code FREQ=YEARLY;BYYEARDAY=-1} fires on the 31st). Such examples are skipped here; the
 *       oracle property tests cover them.</li>
 *   <li>BYWEEKNO=53 or -53 in a year of 52 weeks: there is no such week, so we fire nothing;
 *       lib-recur 0.17.1 lets the number run into the neighbouring year's week. Skipped here,
 *       pinned below.</li>
 *   <li>FREQ=YEARLY with BYSETPOS, in DTSTART's own year: RFC 5545 (and python-dateutil, and
 *       lib-recur for MONTHLY) select positions in the period's full set and then drop what precedes
 *       DTSTART; lib-recur 0.17.1 drops first for YEARLY, so {@code FREQ=YEARLY;BYMONTH=1,8;BYSETPOS=1}
 *       from 30 July fires on 30 August in the first year, where we fire nothing that year. Those
 *       examples are compared from the following year on.</li>
 * </ul>
 * Both leave DTSTART out when it does not match the rule, and both take what a rule leaves out
 * from DTSTART (e.g. {@code FREQ=YEARLY;BYMONTHDAY=1} fires in DTSTART's month only).
 */
class LibRecurDifferentialTest {

    private static final int RUNS = 40;

    /** Up to {@code n} wall-clock occurrences from lib-recur, or null when lib-recur refuses the rule. */
    private static List<LocalDateTime> libRecur(String rule, LocalDateTime start, int n) {
        try {
            DateTime dtstart = new DateTime(start.getYear(), start.getMonthValue() - 1, start.getDayOfMonth(),
                    start.getHour(), start.getMinute(), start.getSecond());
            RecurrenceRuleIterator it = new RecurrenceRule(rule).iterator(dtstart);
            List<LocalDateTime> out = new ArrayList<>();
            while (out.size() < n && it.hasNext()) {
                DateTime d = it.nextDateTime();
                if (d.getYear() > 9999) {
                    break;
                }
                out.add(LocalDateTime.of(d.getYear(), d.getMonth() + 1, d.getDayOfMonth(), d.getHours(),
                        d.getMinutes(), d.getSeconds()));
            }
            return out;
        } catch (InvalidRecurrenceRuleException | RuntimeException e) {
            // lib-recur gives up (IllegalStateException "too many empty recurrence sets") on sparse rules
            return null;
        }
    }

    /** Up to {@code n} wall-clock occurrences from our sequence, from DTSTART on. */
    private static List<LocalDateTime> ours(String rule, LocalDateTime start, int n) {
        RRule r = RRule.parse(rule, start, ZoneOffset.UTC);
        List<LocalDateTime> out = new ArrayList<>();
        long t = start.toEpochSecond(ZoneOffset.UTC) - 1;
        while (out.size() < n && (t = r.sequence().nextLocal(t)) != Long.MIN_VALUE) {
            out.add(LocalDateTime.ofEpochSecond(t, 0, ZoneOffset.UTC));
        }
        return out;
    }

    @Test
    void generated_rules_give_the_same_wall_clock_times_as_lib_recur() {
        int[] compared = {0};
        qt().withExamples(1_000).withShrinkCycles(30).forAll(RuleCases.cases(false)).checkAssert(c -> {
            List<LocalDateTime> theirs = hitsKnownLibRecurDifference(c.rule()) ? null : libRecur(c.rule(), c.start(), RUNS);
            if (theirs == null) {
                return;
            }
            compared[0]++;
            List<LocalDateTime> ours = ours(c.rule(), c.start(), RUNS);
            if (c.rule().startsWith("FREQ=YEARLY;") && c.rule().contains("BYSETPOS")) {
                // week-numbering years can start in late December: skip two calendar years to be safe
                int from = c.start().getYear() + 2;
                ours = ours.stream().filter(t -> t.getYear() >= from).toList();
                theirs = theirs.stream().filter(t -> t.getYear() >= from).toList();
                int n = Math.min(ours.size(), theirs.size());
                ours = ours.subList(0, n);
                theirs = theirs.subList(0, n);
            }
            assertThat(ours).as(c.rule() + " from " + c.start()).isEqualTo(theirs);
        });
        // lib-recur gives up on sparse rules (about a third of these); the rest must really be compared
        assertThat(compared[0]).isGreaterThan(600);
    }

    private static boolean hitsKnownLibRecurDifference(String rule) {
        return rule.matches("FREQ=(HOURLY|MINUTELY|SECONDLY);.*BYYEARDAY=[^;]*-.*")
                || rule.matches(".*BYWEEKNO=[^;]*53.*");
    }

    @Test
    void week_minus_53_exists_only_in_years_of_53_weeks_unlike_lib_recur() {
        // with WKST=SA, 1981 and 1982 have 52 weeks; lib-recur still fires on 31 December 1982
        LocalDateTime start = LocalDateTime.parse("1981-06-06T17:00");
        String rule = "FREQ=YEARLY;BYWEEKNO=-53;BYDAY=TH;WKST=SA";
        assertThat(libRecur(rule, start, 1)).containsExactly(LocalDateTime.parse("1982-12-31T17:00"));
        LocalDateTime first = ours(rule, start, 1).get(0);
        assertThat(first.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.THURSDAY);
        assertThat(first.getYear()).isGreaterThan(1982);
    }

    @Test
    void in_the_first_year_bysetpos_counts_instances_before_dtstart_unlike_lib_recur() {
        LocalDateTime start = LocalDateTime.parse("2059-07-30T09:34:52");
        String rule = "FREQ=YEARLY;BYMONTH=1,8;BYSETPOS=1";
        assertThat(libRecur(rule, start, 2)).containsExactly(
                LocalDateTime.parse("2059-08-30T09:34:52"), LocalDateTime.parse("2060-01-30T09:34:52"));
        // 2059's set is {30 Jan, 30 Aug}; position 1 is 30 January, before DTSTART, so 2059 has none
        assertThat(ours(rule, start, 2)).containsExactly(
                LocalDateTime.parse("2060-01-30T09:34:52"), LocalDateTime.parse("2061-01-30T09:34:52"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
        "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1",
        "FREQ=HOURLY;INTERVAL=4",
        "FREQ=MONTHLY;BYMONTHDAY=1,15",
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
        "FREQ=MONTHLY;BYDAY=2MO,-1FR",
        "FREQ=YEARLY;BYMONTHDAY=1",
        "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3,10",
        "FREQ=YEARLY;BYWEEKNO=1,-1;BYDAY=MO,SU;INTERVAL=2",
        "FREQ=YEARLY;BYWEEKNO=53",
        "FREQ=YEARLY;BYYEARDAY=-1,60;BYHOUR=6,18",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
        "FREQ=DAILY;BYHOUR=9,17;BYMINUTE=0,30;BYSETPOS=2,-1",
        "FREQ=MINUTELY;INTERVAL=7;BYSECOND=1,2;BYSETPOS=-1",
        "FREQ=SECONDLY;INTERVAL=17;BYMINUTE=5",
        "FREQ=WEEKLY;BYMONTH=2;BYDAY=SU;WKST=SU;BYSETPOS=1",
        "FREQ=WEEKLY;INTERVAL=3;WKST=SA;BYDAY=SA,SU,MO",
    })
    void fixed_rules_give_the_same_wall_clock_times_as_lib_recur(String rule) {
        for (String start : new String[] {"2026-12-01T09:00", "2028-02-29T23:59:59", "1999-12-31T00:00:00"}) {
            LocalDateTime dtstart = LocalDateTime.parse(start);
            List<LocalDateTime> theirs = libRecur(rule, dtstart, 100);
            assertThat(theirs).as("lib-recur accepts " + rule).isNotNull();
            assertThat(ours(rule, dtstart, 100)).as(rule + " from " + start).isEqualTo(theirs);
        }
    }

    @Test
    void count_through_the_facade_in_utc_matches_lib_recur() {
        String rule = "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13;COUNT=7";
        LocalDateTime start = LocalDateTime.parse("1997-09-02T09:00");
        List<LocalDateTime> ours = Recurrence.rrule(rule, start, ZoneOffset.UTC)
                .upcoming(Instant.EPOCH.minusSeconds(10L << 30), 100).stream()
                .map(i -> LocalDateTime.ofInstant(i, ZoneOffset.UTC)).toList();
        assertThat(ours).hasSize(7).isEqualTo(libRecur(rule, start, 100));
    }
}
