package com.grepsr.scheduler.domain.schedule;

import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.recurrence.Bounds;
import com.grepsr.scheduler.domain.recurrence.DstPolicy;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

import static com.grepsr.scheduler.domain.DomainFixtures.LONDON;
import static com.grepsr.scheduler.domain.DomainFixtures.NOW;
import static com.grepsr.scheduler.domain.DomainFixtures.everyHourFromNineToday;
import static com.grepsr.scheduler.domain.DomainFixtures.hoursFromNow;
import static com.grepsr.scheduler.domain.DomainFixtures.oneTimeAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The timing's own rules. Only one-time and fixed-interval timings are built; RRULE and cron
 * timings are used only where validation refuses them before their expression is parsed.
 */
class ScheduleTimingTest {

    private static final RecurrenceSpec HOURLY = new RecurrenceSpec.FixedInterval(Duration.ofHours(1));
    private static final LocalDateTime NINE = LocalDateTime.parse("2026-12-01T09:00");

    @Test
    void a_timing_needs_a_recurrence_and_a_zone() {
        assertViolation(() -> ScheduleTiming.of(null, LONDON, NINE), "timing.recurrence");
        assertViolation(() -> ScheduleTiming.of(HOURLY, null, NINE), "timing.zone");
    }

    @Test
    void an_end_before_the_start_is_rejected_naming_the_end() {
        assertViolation(() -> new ScheduleTiming(HOURLY, LONDON, NINE, NINE.minusSeconds(1), null, null, null),
                "timing.end");
    }

    @Test
    void an_end_equal_to_the_start_allows_exactly_that_run() {
        ScheduleTiming timing = new ScheduleTiming(HOURLY, LONDON, NINE, NINE, null, null, null);

        assertThat(timing.toRecurrence().occurrences(NOW, hoursFromNow(48))).containsExactly(hoursFromNow(1));
    }

    @Test
    void an_rrule_without_a_start_is_rejected_naming_the_start() {
        assertViolation(() -> ScheduleTiming.of(new RecurrenceSpec.RRule("FREQ=DAILY"), LONDON, null), "timing.start");
    }

    @Test
    void a_fixed_interval_without_a_start_is_rejected_naming_the_start() {
        assertViolation(() -> ScheduleTiming.of(HOURLY, LONDON, null), "timing.start");
    }

    @Test
    void a_maximum_number_of_runs_without_a_start_is_rejected_naming_the_maximum() {
        // refused before the cron expression is parsed
        assertViolation(() -> new ScheduleTiming(new RecurrenceSpec.Cron("0 9 * * *"), LONDON, null, null, 5, null,
                null), "timing.max_runs");
    }

    @Test
    void a_maximum_number_of_runs_outside_its_range_is_rejected_naming_the_maximum() {
        assertViolation(() -> new ScheduleTiming(HOURLY, LONDON, NINE, null, 0, null, null), "timing.max_runs");
        assertViolation(() -> new ScheduleTiming(HOURLY, LONDON, NINE, null, Bounds.MAX_RUNS + 1, null, null),
                "timing.max_runs");
    }

    @Test
    void a_maximum_number_of_runs_stops_the_schedule_after_that_many() {
        ScheduleTiming timing = new ScheduleTiming(HOURLY, LONDON, NINE, null, 3, null, null);

        assertThat(timing.toRecurrence().occurrences(NOW, hoursFromNow(48)))
                .containsExactly(hoursFromNow(1), hoursFromNow(2), hoursFromNow(3));
    }

    @Test
    void the_end_is_the_last_possible_run_inclusive() {
        ScheduleTiming timing = new ScheduleTiming(HOURLY, LONDON, NINE, NINE.plusHours(2), null, null, null);

        assertThat(timing.toRecurrence().occurrences(NOW, hoursFromNow(48)))
                .containsExactly(hoursFromNow(1), hoursFromNow(2), hoursFromNow(3));
    }

    @Test
    void an_excluded_date_never_fires() {
        LocalDate secondOfDecember = LocalDate.parse("2026-12-02");
        ScheduleTiming timing = new ScheduleTiming(HOURLY, LONDON, NINE, null, null, Set.of(secondOfDecember), null);

        assertThat(timing.toRecurrence().occurrences(NOW, hoursFromNow(48)))
                .noneMatch(t -> LocalDate.ofInstant(t, LONDON).equals(secondOfDecember))
                .contains(Instant.parse("2026-12-03T00:00:00Z"));
    }

    @Test
    void too_many_excluded_dates_are_rejected_naming_them() {
        Set<LocalDate> dates = new HashSet<>();
        for (int i = 0; i <= Bounds.MAX_EXCLUDED_DATES; i++) {
            dates.add(LocalDate.parse("2027-01-01").plusDays(i));
        }

        assertViolation(() -> new ScheduleTiming(HOURLY, LONDON, NINE, null, null, dates, null), "timing.excluded_dates");
    }

    @Test
    void a_fixed_interval_must_be_sensible() {
        assertViolation(() -> ScheduleTiming.of(new RecurrenceSpec.FixedInterval(Duration.ZERO), LONDON, NINE),
                "timing.recurrence");
        assertViolation(() -> ScheduleTiming.of(new RecurrenceSpec.FixedInterval(Duration.ofDays(400)), LONDON, NINE),
                "timing.recurrence");
    }

    @Test
    void a_one_time_timing_fires_once_at_its_wall_clock_time() {
        ScheduleTiming timing = oneTimeAt(hoursFromNow(3));

        assertThat(timing.isOneTime()).isTrue();
        assertThat(timing.toRecurrence().occurrences(NOW, hoursFromNow(100))).containsExactly(hoursFromNow(3));
    }

    @Test
    void a_one_time_timing_needs_no_start_even_with_a_maximum_number_of_runs() {
        ScheduleTiming timing = new ScheduleTiming(new RecurrenceSpec.OneTime(NINE), LONDON, null, null, 1, null, null);

        assertThat(timing.toRecurrence().occurrences(NOW, hoursFromNow(100))).containsExactly(hoursFromNow(1));
    }

    @Test
    void defaults_are_no_excluded_dates_and_the_default_dst_policy() {
        ScheduleTiming timing = everyHourFromNineToday();

        assertThat(timing.excludedDates()).isEmpty();
        assertThat(timing.dst()).isEqualTo(DstPolicy.DEFAULT);
        assertThat(timing.isOneTime()).isFalse();
    }

    @Test
    void a_fixed_interval_starting_inside_the_spring_forward_gap_starts_when_the_gap_ends() {
        // Europe/London springs forward on 2027-03-28: 01:00 GMT jumps to 02:00 BST; 01:30 does not exist
        ScheduleTiming timing = ScheduleTiming.of(HOURLY, LONDON, LocalDateTime.parse("2027-03-28T01:30"));

        assertThat(timing.toRecurrence().next(Instant.parse("2027-03-27T00:00:00Z")))
                .contains(Instant.parse("2027-03-28T01:00:00Z"));
    }

    @Test
    void a_one_time_run_at_an_ambiguous_time_fires_once_at_its_first_occurrence() {
        // Europe/London falls back on 2026-10-25: 01:30 happens at 00:30Z (BST) and again at 01:30Z (GMT)
        ScheduleTiming timing = ScheduleTiming.of(new RecurrenceSpec.OneTime(LocalDateTime.parse("2026-10-25T01:30")),
                LONDON, null);

        assertThat(timing.toRecurrence().occurrences(Instant.parse("2026-10-24T00:00:00Z"),
                Instant.parse("2026-10-26T00:00:00Z"))).containsExactly(Instant.parse("2026-10-25T00:30:00Z"));
    }

    @Test
    void the_timing_keeps_the_zone_it_was_given() {
        ZoneId kathmandu = ZoneId.of("Asia/Kathmandu");

        assertThat(ScheduleTiming.of(HOURLY, kathmandu, NINE).toRecurrence().zone()).isEqualTo(kathmandu);
    }

    private static void assertViolation(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.violations()).extracting(ValidationException.FieldViolation::field).containsExactly(field));
    }
}
