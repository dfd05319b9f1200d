package com.grepsr.scheduler.domain.recurrence.rrule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.grepsr.scheduler.domain.recurrence.Bounds;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RRuleParserTest {

    private static final LocalDateTime START = LocalDateTime.parse("2026-12-01T09:00");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static RuleParts parts(String rule) {
        return RRuleParser.parse(rule);
    }

    @Test
    void reads_every_part_with_or_without_prefix_in_any_case() {
        RuleParts r = parts("rrule:freq=monthly;interval=3;byday=2mo,-1FR,su;bymonthday=1,-1;bymonth=1,7;"
                + "byhour=9,17;byminute=0,30;bysecond=15;bysetpos=1,-1;count=10;wkst=su");
        assertThat(r.freq()).isEqualTo(Frequency.MONTHLY);
        assertThat(r.interval()).isEqualTo(3);
        assertThat(r.byDay()).containsExactly(new WeekdayNum(2, DayOfWeek.MONDAY), new WeekdayNum(-1, DayOfWeek.FRIDAY),
                new WeekdayNum(0, DayOfWeek.SUNDAY));
        assertThat(r.byMonthDay()).containsExactly(-1, 1);
        assertThat(r.byMonth()).containsExactly(1, 7);
        assertThat(r.byHour()).containsExactly(9, 17);
        assertThat(r.byMinute()).containsExactly(0, 30);
        assertThat(r.bySecond()).containsExactly(15);
        assertThat(r.bySetPos()).containsExactly(-1, 1);
        assertThat(r.count()).isEqualTo(10);
        assertThat(r.wkst()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(r.text()).isEqualTo("FREQ=MONTHLY;INTERVAL=3;BYDAY=2MO,-1FR,SU;BYMONTHDAY=1,-1;BYMONTH=1,7;"
                + "BYHOUR=9,17;BYMINUTE=0,30;BYSECOND=15;BYSETPOS=1,-1;COUNT=10;WKST=SU");
    }

    @Test
    void reads_yearly_parts_and_defaults() {
        RuleParts r = parts("FREQ=YEARLY;BYYEARDAY=1,-1,100;BYWEEKNO=20,-1;BYDAY=MO");
        assertThat(r.byYearDay()).containsExactly(-1, 1, 100);
        assertThat(r.byWeekNo()).containsExactly(-1, 20);
        RuleParts plain = parts("  FREQ=DAILY;  ");
        assertThat(plain.interval()).isEqualTo(1);
        assertThat(plain.wkst()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(plain.count()).isNull();
        assertThat(plain.until()).isNull();
        assertThat(plain.byDay()).isNull();
    }

    @Test
    void every_frequency_is_known() {
        for (Frequency f : Frequency.values()) {
            assertThat(parts("FREQ=" + f.name().toLowerCase()).freq()).isEqualTo(f);
        }
    }

    @Test
    void until_in_utc_is_that_instant() {
        assertThat(RRule.parse("FREQ=DAILY;UNTIL=20270101T000000Z", START, LONDON).until())
                .isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void until_without_z_is_wall_clock_time_in_the_zone() {
        // 2027-07-01 is in British Summer Time (UTC+1)
        assertThat(RRule.parse("FREQ=DAILY;UNTIL=20270701T090000", START, LONDON).until())
                .isEqualTo(Instant.parse("2027-07-01T08:00:00Z"));
    }

    @Test
    void until_as_a_date_includes_that_whole_local_day() {
        assertThat(RRule.parse("FREQ=DAILY;UNTIL=20270701", START, LONDON).until())
                .isEqualTo(Instant.parse("2027-07-01T22:59:59Z"));
        assertThat(RRule.parse("FREQ=DAILY;UNTIL=20270101", START, ZoneOffset.UTC).until())
                .isEqualTo(Instant.parse("2027-01-01T23:59:59Z"));
    }

    @Test
    void count_and_until_are_handed_over_and_text_is_normalised() {
        RRule r = RRule.parse("RRULE:freq=weekly;count=5", START, LONDON);
        assertThat(r.count()).isEqualTo(5);
        assertThat(r.until()).isNull();
        assertThat(r.text()).isEqualTo("FREQ=WEEKLY;COUNT=5");
    }

    @Test
    void a_leap_second_is_accepted_but_never_fires() {
        RRule r = RRule.parse("FREQ=MINUTELY;BYSECOND=60", START, LONDON);
        assertThat(r.sequence().nextLocal(0)).isEqualTo(Long.MIN_VALUE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "FREQ=WEEKLY;BYDAY=XX                 | unknown weekday 'XX' in BYDAY; e.g. 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH'",
        "INTERVAL=2                           | FREQ is missing",
        "FREQ=FORTNIGHTLY                     | unknown FREQ 'FORTNIGHTLY'",
        "FREQ=DAILY;FOO=1                     | unknown part 'FOO'",
        "FREQ=DAILY;X-NAME=1                  | unknown part 'X-NAME'",
        "FREQ=DAILY;INTERVAL=2;INTERVAL=3     | duplicate part INTERVAL",
        "FREQ=DAILY;COUNT=3;UNTIL=20270101    | COUNT and UNTIL must not both be given",
        "FREQ=DAILY;INTERVAL=0                | INTERVAL value 0 is out of range (1 to 10000)",
        "FREQ=DAILY;INTERVAL=10001            | INTERVAL value 10001 is out of range",
        "FREQ=DAILY;INTERVAL=99999999999      | INTERVAL value '99999999999' is not a whole number",
        "FREQ=DAILY;INTERVAL=two              | INTERVAL value 'TWO' is not a whole number",
        "FREQ=DAILY;COUNT=0                   | COUNT value 0 is out of range (1 to 1000000)",
        "FREQ=DAILY;COUNT=1000001             | COUNT value 1000001 is out of range",
        "FREQ=DAILY;BYHOUR=24                 | BYHOUR value 24 is out of range (0 to 23)",
        "FREQ=DAILY;BYHOUR=-1                 | BYHOUR value -1 is out of range",
        "FREQ=DAILY;BYMINUTE=60               | BYMINUTE value 60 is out of range (0 to 59)",
        "FREQ=DAILY;BYSECOND=61               | BYSECOND value 61 is out of range (0 to 60)",
        "FREQ=MONTHLY;BYMONTHDAY=0            | BYMONTHDAY value 0 is out of range (1 to 31 or -31 to -1)",
        "FREQ=MONTHLY;BYMONTHDAY=32           | BYMONTHDAY value 32 is out of range",
        "FREQ=YEARLY;BYMONTH=13               | BYMONTH value 13 is out of range (1 to 12)",
        "FREQ=YEARLY;BYYEARDAY=367            | BYYEARDAY value 367 is out of range",
        "FREQ=YEARLY;BYWEEKNO=54              | BYWEEKNO value 54 is out of range",
        "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0     | BYSETPOS value 0 is out of range",
        "FREQ=MONTHLY;BYDAY=6MO               | must be 1 to 5 or -5 to -1",
        "FREQ=YEARLY;BYMONTH=3;BYDAY=-6MO     | must be 1 to 5 or -5 to -1",
        "FREQ=MONTHLY;BYDAY=MO1               | unknown weekday 'MO1' in BYDAY",
        "FREQ=MONTHLY;BYDAY=0MO               | BYDAY value 0 is out of range (1 to 53 or -53 to -1)",
        "FREQ=MONTHLY;BYDAY=MO,,TU            | unknown weekday '' in BYDAY",
        "FREQ=MONTHLY;BYMONTHDAY=1,,2         | BYMONTHDAY value '' is not a whole number",
        "FREQ=WEEKLY;BYDAY=2MO                | BYDAY ordinals such as 2MO or -1FR need FREQ=MONTHLY or FREQ=YEARLY, not WEEKLY",
        "FREQ=DAILY;BYDAY=-1FR                | need FREQ=MONTHLY or FREQ=YEARLY, not DAILY",
        "FREQ=YEARLY;BYWEEKNO=1;BYDAY=1MO     | not allowed together with BYWEEKNO",
        "FREQ=MONTHLY;BYWEEKNO=1              | BYWEEKNO is only allowed with FREQ=YEARLY",
        "FREQ=MONTHLY;BYYEARDAY=1             | BYYEARDAY is not allowed with FREQ=MONTHLY",
        "FREQ=WEEKLY;BYMONTHDAY=1             | BYMONTHDAY is not allowed with FREQ=WEEKLY",
        "FREQ=MONTHLY;BYSETPOS=1              | BYSETPOS needs another BYxxx part",
        "FREQ=DAILY;WKST=XY                   | unknown weekday 'XY' in WKST",
        "FREQ=DAILY;UNTIL=2027-01-01          | UNTIL '2027-01-01' must look like 20271231T235959Z",
        "FREQ=DAILY;UNTIL=20270230            | UNTIL '20270230' is not a real date-time",
        "FREQ=DAILY;UNTIL=20270101T250000Z    | is not a real date-time",
        "FREQ=DAILY;COUNT                     | part 'COUNT' is not NAME=VALUE",
        "FREQ=DAILY;COUNT=                    | COUNT has no value",
        "FREQ=DAILY;;COUNT=2                  | part '' is not NAME=VALUE",
        "FREQ=DAILY;UNTIL=20201231T000000Z    | UNTIL 2020-12-31T00:00:00Z is before the start 2026-12-01T09:00",
        "RRULE:                               | the rule is empty",
    })
    void rejects_bad_rules_saying_what_is_wrong_with_an_example(String rule, String message) {
        assertThatThrownBy(() -> RRule.parse(rule, START, LONDON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid RRULE '")
                .hasMessageContaining(message)
                .hasMessageMatching("(?s).*; e\\.g\\. 'FREQ=[^']+'");
    }

    @Test
    void rejects_missing_and_huge_rules_and_a_missing_start() {
        assertThatThrownBy(() -> RRule.parse(null, START, LONDON)).hasMessageContaining("an RRULE is required");
        assertThatThrownBy(() -> RRule.parse("", START, LONDON)).hasMessageContaining("the rule is empty");
        String huge = "FREQ=DAILY;BYHOUR=" + "1,".repeat(1500) + "2";
        assertThatThrownBy(() -> RRule.parse(huge, START, LONDON))
                .hasMessageContaining("longer than 2048 characters").hasMessageContaining("…");
        assertThatThrownBy(() -> RRule.parse("FREQ=DAILY", null, LONDON)).hasMessageContaining("needs a start");
        assertThatThrownBy(() -> RRule.parse("FREQ=DAILY", LocalDateTime.of(10_000, 1, 1, 0, 0), LONDON))
                .hasMessageContaining("years 0001-9999");
    }

    @Test
    void count_limit_matches_the_engine_bound() {
        assertThat(parts("FREQ=DAILY;COUNT=" + Bounds.MAX_RUNS).count()).isEqualTo(Bounds.MAX_RUNS);
    }

    @Test
    void survives_hostile_input_without_hanging() {
        for (String s : List.of(";;;;", "=", "FREQ==DAILY", "FREQ=DAILY;BYDAY=" + "-".repeat(2000),
                "FREQ=DAILY;BYHOUR=+", "FREQ=YEARLY;BYDAY=+53MO,-53SU", "\u0000FREQ=DAILY", "FREQ=DAILY;BYSETPOS=-366")) {
            try {
                RRule r = RRule.parse(s, START, LONDON);
                r.sequence().nextLocal(0);
            } catch (IllegalArgumentException expected) {
                assertThat(expected.getMessage()).contains("invalid RRULE");
            }
        }
    }
}
