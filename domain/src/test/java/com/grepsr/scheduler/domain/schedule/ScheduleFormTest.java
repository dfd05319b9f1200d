package com.grepsr.scheduler.domain.schedule;

import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.schedule.ScheduleForm.Repeat;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

import static com.grepsr.scheduler.domain.DomainFixtures.LONDON;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The platform's "Create a schedule" form. Only the RRULE text is checked here: parsing it is the
 * recurrence engine's job, tested there.
 */
class ScheduleFormTest {

    /** The SPEC's example: 09:00 on Tuesday 2026-12-01. */
    private static final LocalDateTime START = LocalDateTime.parse("2026-12-01T09:00");

    @Test
    void every_two_weeks_on_monday_and_thursday() {
        ScheduleForm form = new ScheduleForm(START, Repeat.WEEKLY, 2, Set.of(THURSDAY, MONDAY), null, null);

        assertThat(form.rrule()).isEqualTo("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH");
    }

    @Test
    void every_three_months_on_the_last_day() {
        ScheduleForm form = new ScheduleForm(START, Repeat.MONTHLY, 3, null, Set.of(-1), null);

        assertThat(form.rrule()).isEqualTo("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1");
    }

    @Test
    void month_days_are_listed_in_order() {
        ScheduleForm form = new ScheduleForm(START, Repeat.MONTHLY, 1, null, Set.of(15, -1, 1), null);

        assertThat(form.rrule()).isEqualTo("FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=-1,1,15");
    }

    @Test
    void every_six_hours_and_every_day() {
        assertThat(new ScheduleForm(START, Repeat.HOURLY, 6, null, null, null).rrule())
                .isEqualTo("FREQ=HOURLY;INTERVAL=6");
        assertThat(new ScheduleForm(START, Repeat.DAILY, 1, null, null, null).rrule())
                .isEqualTo("FREQ=DAILY;INTERVAL=1");
    }

    @Test
    void a_form_that_never_repeats_stands_for_a_single_run() {
        ScheduleForm form = new ScheduleForm(START, Repeat.NEVER, 0, null, null, null);

        assertThat(form.rrule()).isEqualTo("FREQ=DAILY;COUNT=1");
    }

    @Test
    void a_form_that_never_repeats_is_a_one_time_timing_at_its_start_ending_on_its_end_date() {
        ScheduleTiming timing = new ScheduleForm(START, Repeat.NEVER, 0, null, null, LocalDate.parse("2026-12-01"))
                .toTiming(LONDON);

        assertThat(timing.spec()).isEqualTo(new RecurrenceSpec.OneTime(START));
        assertThat(timing.zone()).isEqualTo(LONDON);
        assertThat(timing.start()).isEqualTo(START);
        assertThat(timing.end()).isEqualTo(LocalDateTime.parse("2026-12-01T23:59:59"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, ScheduleForm.MAX_EVERY + 1})
    void repeats_every_outside_one_to_a_thousand_is_rejected(int every) {
        assertViolations(() -> new ScheduleForm(START, Repeat.DAILY, every, null, null, null), "form.every");
    }

    @Test
    void repeats_every_may_be_a_thousand() {
        assertThat(new ScheduleForm(START, Repeat.DAILY, ScheduleForm.MAX_EVERY, null, null, null).every())
                .isEqualTo(1000);
    }

    @ParameterizedTest
    @EnumSource(value = Repeat.class, names = "WEEKLY", mode = EnumSource.Mode.EXCLUDE)
    void weekdays_are_only_for_weekly_forms(Repeat repeat) {
        assertViolations(() -> new ScheduleForm(START, repeat, 1, Set.of(MONDAY), null, null),
                "form.repeats_on_weekdays");
    }

    @ParameterizedTest
    @EnumSource(value = Repeat.class, names = "MONTHLY", mode = EnumSource.Mode.EXCLUDE)
    void month_days_are_only_for_monthly_forms(Repeat repeat) {
        assertViolations(() -> new ScheduleForm(START, repeat, 1, null, Set.of(1), null), "form.repeats_on_month_days");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 32, -32})
    void a_month_day_that_no_month_has_is_rejected(int day) {
        assertViolations(() -> new ScheduleForm(START, Repeat.MONTHLY, 1, null, Set.of(day), null),
                "form.repeats_on_month_days");
    }

    @Test
    void month_days_from_the_first_to_the_thirty_first_and_counted_from_the_end_are_accepted() {
        assertThat(new ScheduleForm(START, Repeat.MONTHLY, 1, null, Set.of(1, 31, -1, -31), null).rrule())
                .isEqualTo("FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=-31,-1,1,31");
    }

    @Test
    void a_form_that_ends_before_it_starts_is_rejected() {
        assertViolations(() -> new ScheduleForm(START, Repeat.DAILY, 1, null, null, LocalDate.parse("2026-11-30")),
                "form.ends_on");
    }

    @Test
    void a_form_may_end_on_the_day_it_starts() {
        assertThat(new ScheduleForm(START, Repeat.HOURLY, 1, null, null, START.toLocalDate()).endsOn())
                .isEqualTo(START.toLocalDate());
    }

    @Test
    void a_form_needs_a_start_and_a_repeat() {
        assertViolations(() -> new ScheduleForm(null, Repeat.DAILY, 1, null, null, null), "form.start");
        assertViolations(() -> new ScheduleForm(START, null, 1, null, null, null), "form.repeat");
    }

    @Test
    void every_wrong_field_of_a_form_is_reported_at_once() {
        assertViolations(() -> new ScheduleForm(START, Repeat.DAILY, 0, Set.of(MONDAY), Set.of(0),
                        LocalDate.parse("2026-01-01")),
                "form.every", "form.repeats_on_weekdays", "form.repeats_on_month_days", "form.repeats_on_month_days",
                "form.ends_on");
    }

    private static void assertViolations(ThrowingCallable call, String... fields) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.violations()).extracting(ValidationException.FieldViolation::field).containsExactly(fields));
    }
}
