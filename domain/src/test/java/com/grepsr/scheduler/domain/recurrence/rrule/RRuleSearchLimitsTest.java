package com.grepsr.scheduler.domain.recurrence.rrule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.grepsr.scheduler.domain.recurrence.Recurrence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Searches are bounded: huge periods, far-away answers and rules that never match stay fast. */
class RRuleSearchLimitsTest {

    private static final LocalDateTime START = LocalDateTime.parse("2026-12-01T09:00");
    private static final Duration QUICK = Duration.ofSeconds(2);

    private static Recurrence rule(String rrule) {
        return Recurrence.rrule(rrule, START, ZoneOffset.UTC);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23",
        "FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=6",
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=DAILY;INTERVAL=7;BYDAY=MO",
        "FREQ=WEEKLY;INTERVAL=2;BYMONTHDAY=1;BYDAY=MO;BYMONTH=13",
        "FREQ=HOURLY;INTERVAL=48;BYHOUR=10",
        "FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=SECONDLY;BYYEARDAY=366;BYMONTHDAY=1",
        "FREQ=MINUTELY;INTERVAL=2;BYMINUTE=1,3,5",
        "FREQ=MONTHLY;BYDAY=5MO;BYMONTH=2;BYMONTHDAY=1,2,3",
        "FREQ=YEARLY;BYSETPOS=400;BYMONTH=1",
    })
    void a_rule_that_never_matches_answers_none_quickly(String rrule) {
        assertTimeoutPreemptively(QUICK, () -> {
            try {
                assertThat(rule(rrule).next(Instant.parse("2026-01-01T00:00:00Z"))).isEmpty();
            } catch (IllegalArgumentException rejectedAtParseTime) {
                assertThat(rejectedAtParseTime.getMessage()).contains("invalid RRULE");
            }
        });
    }

    @Test
    void a_huge_period_is_not_listed() {
        // 12 months x every weekday x 86,400 seconds: about 31 million candidates a year
        String everySecond = "FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYDAY=MO,TU,WE,TH,FR,SA,SU;"
                + "BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23;BYMINUTE="
                + range(60) + ";BYSECOND=" + range(60);
        assertTimeoutPreemptively(QUICK, () -> {
            assertThat(rule(everySecond).next(Instant.parse("2027-06-01T00:00:00Z")))
                    .contains(Instant.parse("2027-06-01T00:00:01Z"));
            assertThat(rule(everySecond + ";BYSETPOS=-1,-2").upcoming(Instant.parse("2027-06-01T00:00:00Z"), 2))
                    .containsExactly(Instant.parse("2027-12-31T23:59:58Z"), Instant.parse("2027-12-31T23:59:59Z"));
            assertThat(rule(everySecond + ";BYSETPOS=366").next(Instant.parse("2027-01-01T00:00:00Z")))
                    .contains(Instant.parse("2027-01-01T00:00:00Z").plusSeconds(365));
        });
    }

    @Test
    void next_far_after_the_start_jumps_instead_of_walking() {
        assertTimeoutPreemptively(QUICK, () -> {
            for (String r : new String[] {"FREQ=SECONDLY;INTERVAL=7", "FREQ=MINUTELY;INTERVAL=13", "FREQ=DAILY;INTERVAL=3",
                "FREQ=WEEKLY;INTERVAL=5;BYDAY=MO,FR", "FREQ=MONTHLY;BYDAY=-1FR", "FREQ=YEARLY;BYYEARDAY=-1"}) {
                Recurrence recurrence = rule(r);
                for (int i = 0; i < 200; i++) {
                    Instant far = Instant.parse("9000-01-01T00:00:00Z").plusSeconds(i * 7_777_777L);
                    Instant next = recurrence.next(far).orElseThrow();
                    assertThat(next).isAfter(far);
                }
            }
        });
    }

    @Test
    void the_end_of_supported_time_is_the_end() {
        Recurrence daily = Recurrence.rrule("FREQ=DAILY", LocalDateTime.parse("9999-12-01T09:00"), ZoneId.of("Pacific/Apia"));
        assertThat(daily.next(Instant.parse("9999-12-31T00:00:00Z"))).isEmpty();
        assertThat(daily.next(Instant.MAX)).isEmpty();
        assertThat(rule("FREQ=SECONDLY").next(Instant.MIN)).contains(Instant.parse("2026-12-01T09:00:00Z"));
    }

    private static String range(int n) {
        StringBuilder sb = new StringBuilder("0");
        for (int i = 1; i < n; i++) {
            sb.append(',').append(i);
        }
        return sb.toString();
    }
}
