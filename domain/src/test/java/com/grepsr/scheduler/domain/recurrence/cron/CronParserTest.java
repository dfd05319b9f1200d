package com.grepsr.scheduler.domain.recurrence.cron;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each feature of the syntax, checked by what it fires on, and each kind of error by its message. */
class CronParserTest {

    /** The first {@code n} wall-clock times after {@code after}. */
    static List<LocalDateTime> fires(String expression, String after, int n) {
        CronSequence cron = CronSequence.parse(expression);
        List<LocalDateTime> out = new ArrayList<>();
        long t = LocalDateTime.parse(after).toEpochSecond(ZoneOffset.UTC);
        for (int i = 0; i < n; i++) {
            t = cron.nextLocal(t);
            out.add(LocalDateTime.ofEpochSecond(t, 0, ZoneOffset.UTC));
        }
        return out;
    }

    static List<LocalDateTime> times(String... isoTimes) {
        List<LocalDateTime> out = new ArrayList<>();
        for (String s : isoTimes) {
            out.add(LocalDateTime.parse(s));
        }
        return out;
    }

    @Test
    void five_fields_are_unix_and_fire_at_second_zero() {
        assertThat(fires("30 9 * * *", "2026-03-10T09:30:00", 2))
                .isEqualTo(times("2026-03-11T09:30", "2026-03-12T09:30"));
    }

    @Test
    void six_fields_put_seconds_first() {
        assertThat(fires("15 30 9 * * *", "2026-03-10T09:30:15", 1)).isEqualTo(times("2026-03-11T09:30:15"));
    }

    @Test
    void seven_fields_put_years_last() {
        assertThat(fires("0 0 12 1 1 ? 2030-2031", "2026-03-10T00:00", 2))
                .isEqualTo(times("2030-01-01T12:00", "2031-01-01T12:00"));
        assertThat(CronSequence.parse("0 0 12 1 1 ? 2030").nextLocal(
                LocalDateTime.parse("2030-01-01T12:00").toEpochSecond(ZoneOffset.UTC))).isEqualTo(CronSequence.NONE);
    }

    @Test
    void years_beyond_quartz_range_are_accepted_up_to_9999() {
        assertThat(fires("0 0 0 1 1 ? 2500/500", "2026-01-01T00:00", 2))
                .isEqualTo(times("2500-01-01T00:00", "3000-01-01T00:00"));
    }

    @Test
    void names_are_case_insensitive_in_months_and_days_of_week() {
        assertThat(fires("0 0 1 jan-Mar mOn", "2025-12-31T00:00", 3))
                .isEqualTo(times("2026-01-01T00:00", "2026-01-05T00:00", "2026-01-12T00:00"));
        assertThat(fires("0 0 0 ? FEB,dec SUN", "2026-01-01T00:00", 1)).isEqualTo(times("2026-02-01T00:00"));
    }

    @Test
    void steps_ranges_and_lists_combine() {
        assertThat(fires("0 */15 9-17 * * MON-FRI", "2026-03-13T17:45", 3)) // a Friday
                .isEqualTo(times("2026-03-16T09:00", "2026-03-16T09:15", "2026-03-16T09:30"));
        assertThat(fires("10-50/20 0 0 * * *", "2026-01-01T00:00", 3))
                .isEqualTo(times("2026-01-01T00:00:10", "2026-01-01T00:00:30", "2026-01-01T00:00:50"));
        assertThat(fires("0 5/20 0 * * *", "2026-01-01T00:00", 3))
                .isEqualTo(times("2026-01-01T00:05", "2026-01-01T00:25", "2026-01-01T00:45"));
        assertThat(fires("0 0 1,3,22 * * *", "2026-01-01T00:00", 3))
                .isEqualTo(times("2026-01-01T01:00", "2026-01-01T03:00", "2026-01-01T22:00"));
    }

    @Test
    void week_ranges_may_wrap_through_sunday() {
        // 2026-03-12 is a Thursday
        assertThat(fires("0 0 0 * * FRI-SUN", "2026-03-12T00:00", 4))
                .isEqualTo(times("2026-03-13T00:00", "2026-03-14T00:00", "2026-03-15T00:00", "2026-03-20T00:00"));
        assertThat(fires("0 0 0 * * 6-1", "2026-03-12T00:00", 3))
                .isEqualTo(times("2026-03-14T00:00", "2026-03-15T00:00", "2026-03-16T00:00"));
    }

    @Test
    void sunday_is_both_zero_and_seven() {
        assertThat(fires("0 0 * * 0", "2026-03-12T00:00", 1)).isEqualTo(fires("0 0 * * 7", "2026-03-12T00:00", 1));
        assertThat(fires("0 0 * * 7", "2026-03-12T00:00", 1)).isEqualTo(times("2026-03-15T00:00"));
    }

    @ParameterizedTest
    @CsvSource({
        "@yearly, 2027-01-01T00:00",
        "@annually, 2027-01-01T00:00",
        "@monthly, 2026-04-01T00:00",
        "@weekly, 2026-03-15T00:00",
        "@daily, 2026-03-13T00:00",
        "@MIDNIGHT, 2026-03-13T00:00",
        "@hourly, 2026-03-12T11:00"})
    void macros_expand_to_their_schedules(String macro, String expected) {
        assertThat(fires(macro, "2026-03-12T10:30", 1)).isEqualTo(times(expected));
    }

    @Test
    void question_mark_leaves_a_day_field_open() {
        assertThat(fires("0 0 0 ? * *", "2026-03-12T00:00", 1)).isEqualTo(times("2026-03-13T00:00"));
        assertThat(fires("0 0 0 13 * ?", "2026-03-12T00:00", 1)).isEqualTo(times("2026-03-13T00:00"));
    }

    @Test
    void L_is_the_last_day_of_the_month_and_L_minus_n_counts_back() {
        assertThat(fires("0 0 0 L * ?", "2028-01-31T00:00", 2)).isEqualTo(times("2028-02-29T00:00", "2028-03-31T00:00"));
        assertThat(fires("0 0 0 L-2 * ?", "2026-02-01T00:00", 2)).isEqualTo(times("2026-02-26T00:00", "2026-03-29T00:00"));
    }

    @Test
    void W_is_the_nearest_weekday_without_leaving_the_month() {
        // 2026-03-15 is a Sunday -> Monday 16th; 2026-08-01 is a Saturday -> Monday 3rd, not July 31st
        assertThat(fires("0 0 0 15W * ?", "2026-03-01T00:00", 1)).isEqualTo(times("2026-03-16T00:00"));
        assertThat(fires("0 0 0 1W * ?", "2026-07-31T00:00", 1)).isEqualTo(times("2026-08-03T00:00"));
        // 2026-05-31 is a Sunday: 31W and LW both go back to Friday the 29th
        assertThat(fires("0 0 0 31W * ?", "2026-05-01T00:00", 1)).isEqualTo(times("2026-05-29T00:00"));
        assertThat(fires("0 0 0 LW * ?", "2026-05-01T00:00", 1)).isEqualTo(times("2026-05-29T00:00"));
    }

    @Test
    void nL_is_the_last_given_weekday_with_monday_as_1() {
        assertThat(fires("0 0 0 ? * 5L", "2026-03-01T00:00", 2)).isEqualTo(times("2026-03-27T00:00", "2026-04-24T00:00"));
        assertThat(fires("0 0 0 ? * 0L", "2026-03-01T00:00", 1)).isEqualTo(times("2026-03-29T00:00"));
        assertThat(fires("0 0 0 ? * FRIL", "2026-03-01T00:00", 1)).isEqualTo(times("2026-03-27T00:00"));
    }

    @Test
    void hash_is_the_kth_given_weekday_with_monday_as_1() {
        assertThat(fires("0 0 0 ? * 5#2", "2026-03-01T00:00", 2)).isEqualTo(times("2026-03-13T00:00", "2026-04-10T00:00"));
        // a fifth Monday exists only in some months: March 2026 has one (30th), April 2026 none, June 29th
        assertThat(fires("0 0 0 ? * MON#5", "2026-03-01T00:00", 2)).isEqualTo(times("2026-03-30T00:00", "2026-06-29T00:00"));
    }

    @Test
    void both_day_fields_restricted_fire_when_either_matches() {
        // the 13th, or any Friday
        assertThat(fires("0 0 0 13 * FRI", "2026-03-01T00:00", 3))
                .isEqualTo(times("2026-03-06T00:00", "2026-03-13T00:00", "2026-03-20T00:00"));
        // a step counts as restricted: odd days or Mondays
        assertThat(fires("0 0 0 */2 * MON", "2026-03-01T00:00", 3))
                .isEqualTo(times("2026-03-02T00:00", "2026-03-03T00:00", "2026-03-05T00:00"));
    }

    @Test
    void feb_29_fires_only_in_leap_years() {
        assertThat(fires("0 0 29 2 *", "2025-01-01T00:00", 2)).isEqualTo(times("2028-02-29T00:00", "2032-02-29T00:00"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 61 * * * *        | minute value 61 is out of range 0-59",
        "0 61 * * *          | hour value 61 is out of range 0-23",
        "0 0 24 * * *        | hour value 24 is out of range 0-23",
        "0 0 0 32 * *        | day-of-month value 32 is out of range 1-31",
        "0 0 0 * 13 *        | month value 13 is out of range 1-12",
        "0 0 0 * * 8         | day-of-week value 8 is out of range 0-7",
        "0 0 0 1 1 * 10000   | year value '10000' is too large",
        "* * * *             | expected 5, 6 or 7 fields",
        "* * * * * * * *     | but found 8",
        "0 0 0 * FOO *       | unknown month name 'FOO' (use JAN-DEC)",
        "0 0 0 * * FUN       | unknown day-of-week name 'FUN' (use SUN-SAT)",
        "0 X * * *           | hour value 'X' is not a number",
        "0 */0 * * * *       | minute step 0 in '*/0' must be at least 1",
        "0 */61 * * * *      | minute step 61 in '*/61' is larger than the range 0-59",
        "0 0 17-9 * * *      | hour range '17-9' is reversed; write it low-high, e.g. '9-17'",
        "0 0 0 ? * 5#6       | day-of-week ordinal in '5#6' must be 1-5",
        "0 0 0 ? * 5#0       | day-of-week ordinal in '5#0' must be 1-5",
        "0 0 0 1-5W * ?      | 'W' in '1-5W' needs a single day",
        "0 0 0 L-31 * ?      | offset in 'L-31' must be 0-30",
        "0 0 0 ? * L         | 'L' needs a day before it",
        "0 0 30 2 *          | it can never fire",
        "0 0 0 31 4,6,9,11 ? | it can never fire",
        "0 0 0 29 2 ? 2027   | it can never fire",
        "0 ? * * * *         | minute '?': '?' is only allowed in day-of-month and day-of-week",
        "0 0 0 1,? * *       | '?' must stand alone",
        "0 0 0 1,,2 * *      | empty item in list '1,,2'",
        "0 0 99999999999 * * * | hour value '99999999999' is too large",
        "0 0 1-2-3 * * *     | hour value '2-3' is not a number",
        "0 0 5/ * * *        | hour step missing after '/'",
        "@reboot             | unknown macro '@reboot'",
        "garbage             | expected 5, 6 or 7 fields"})
    void bad_input_says_which_field_and_token_and_shows_an_example(String expression, String problem) {
        assertThatThrownBy(() -> CronSequence.parse(expression))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid cron expression '" + expression.trim() + "'")
                .hasMessageContaining(problem)
                .hasMessageEndingWith("; e.g. '0 */15 9-17 * * MON-FRI'");
    }

    @Test
    void the_message_has_the_documented_shape() {
        assertThatThrownBy(() -> CronSequence.parse("0 61 * * * *")).hasMessage(
                "invalid cron expression '0 61 * * * *': minute value 61 is out of range 0-59; e.g. '0 */15 9-17 * * MON-FRI'");
    }

    @Test
    void null_empty_and_overlong_input_are_refused() {
        assertThatThrownBy(() -> CronSequence.parse(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a cron expression is required");
        assertThatThrownBy(() -> CronSequence.parse("   ")).hasMessageContaining("it is empty");
        String huge = "0 0 0 " + "1,".repeat(600) + "1 * *";
        assertThatThrownBy(() -> CronSequence.parse(huge)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than 1024 characters");
    }

    @Test
    void long_lists_within_the_limit_parse() {
        String list = "0 0 0 " + "1,".repeat(400) + "1 * *";
        assertThat(fires(list, "2026-01-01T00:00", 1)).isEqualTo(times("2026-02-01T00:00"));
    }
}
