package com.grepsr.scheduler.domain.recurrence;

import static com.grepsr.scheduler.domain.recurrence.WallClockSequences.dailyAt;
import static com.grepsr.scheduler.domain.recurrence.WallClockSequences.everyMinutes;
import static com.grepsr.scheduler.domain.recurrence.ZonedRecurrenceDstTest.at;
import static com.grepsr.scheduler.domain.recurrence.ZonedRecurrenceDstTest.instants;
import static com.grepsr.scheduler.domain.recurrence.ZonedRecurrenceDstTest.zoned;
import static org.assertj.core.api.Assertions.assertThat;

import com.grepsr.scheduler.domain.recurrence.DstPolicy.Gap;
import com.grepsr.scheduler.domain.recurrence.DstPolicy.Overlap;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What {@link Bounds} do to a recurrence: start, end, maximum runs, excluded dates, together. */
class BoundedRecurrenceTest {

    /** 09:00 every day in London; in December that is 09:00Z. */
    private static final Recurrence DAILY_LONDON = zoned(dailyAt("09:00"), "Europe/London", DstPolicy.DEFAULT);

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void the_start_is_inclusive() {
        Recurrence r = DAILY_LONDON.within(Bounds.NONE.startingAt(at("2026-12-03T09:00:00Z")));
        assertThat(r.next(Instant.MIN)).contains(at("2026-12-03T09:00:00Z"));
        assertThat(r.next(at("2026-12-01T00:00:00Z"))).contains(at("2026-12-03T09:00:00Z"));
    }

    @Test
    void a_sub_second_start_rounds_up_so_an_occurrence_just_before_it_is_excluded() {
        Recurrence r = DAILY_LONDON.within(Bounds.NONE.startingAt(at("2026-12-03T09:00:00.000000001Z")));
        assertThat(r.next(Instant.MIN)).contains(at("2026-12-04T09:00:00Z"));
        Recurrence everySecond = Recurrence.every(Duration.ofSeconds(1), at("2026-12-03T00:00:00Z"), ZoneId.of("UTC"))
                .within(Bounds.NONE.startingAt(at("2026-12-03T12:00:00.5Z")));
        assertThat(everySecond.next(Instant.MIN)).contains(at("2026-12-03T12:00:01Z"));
    }

    @Test
    void the_end_is_inclusive_to_the_second() {
        Instant fifth = at("2026-12-05T09:00:00Z");
        assertThat(DAILY_LONDON.within(Bounds.NONE.endingAt(fifth)).next(at("2026-12-04T12:00:00Z"))).contains(fifth);
        assertThat(DAILY_LONDON.within(Bounds.NONE.endingAt(fifth.plusMillis(500))).next(at("2026-12-04T12:00:00Z"))).contains(fifth);
        assertThat(DAILY_LONDON.within(Bounds.NONE.endingAt(fifth.minusNanos(1))).next(at("2026-12-04T12:00:00Z"))).isEmpty();
    }

    @Test
    void a_start_equal_to_the_end_allows_exactly_that_instant() {
        Instant only = at("2026-12-05T09:00:00Z");
        assertThat(DAILY_LONDON.within(new Bounds(only, only, null, null)).occurrences(Instant.MIN, Instant.MAX)).containsExactly(only);
    }

    @Test
    void the_maximum_number_of_runs_counts_from_the_start_whatever_is_asked() {
        Recurrence r = DAILY_LONDON.within(new Bounds(at("2026-12-01T00:00:00Z"), null, 3, null));
        assertThat(r.upcoming(Instant.MIN, 10)).containsExactlyElementsOf(
                instants("2026-12-01T09:00:00Z", "2026-12-02T09:00:00Z", "2026-12-03T09:00:00Z"));
        // asking from after the first run does not start a new count
        assertThat(r.upcoming(at("2026-12-02T12:00:00Z"), 10)).containsExactly(at("2026-12-03T09:00:00Z"));
        assertThat(r.next(at("2026-12-03T09:00:00Z"))).isEmpty();
    }

    @Test
    void a_maximum_larger_than_the_recurrence_has_runs_is_harmless() {
        Recurrence once = Recurrence.once(LocalDateTime.parse("2026-12-01T09:00"), ZoneId.of("Europe/London"))
                .within(new Bounds(Instant.EPOCH, null, 5, null));
        assertThat(once.upcoming(Instant.MIN, 10)).containsExactly(at("2026-12-01T09:00:00Z"));
    }

    @Test
    void excluded_dates_are_days_on_the_zones_wall_clock_not_utc_days() {
        // Kathmandu is +05:45: local 2026-06-02 runs from 06-01T18:15Z to 06-02T18:15Z
        Recurrence hourly = zoned(everyMinutes(60), "Asia/Kathmandu", DstPolicy.DEFAULT)
                .within(Bounds.NONE.excluding(Set.of(date("2026-06-02"))));
        assertThat(hourly.occurrences(at("2026-06-01T16:00:00Z"), at("2026-06-02T19:30:00Z"))).containsExactlyElementsOf(
                instants("2026-06-01T16:15:00Z", "2026-06-01T17:15:00Z", "2026-06-02T18:15:00Z", "2026-06-02T19:15:00Z"));
    }

    @Test
    void excluded_dates_apply_to_a_fixed_interval_through_its_zone() {
        Recurrence hourly = Recurrence.every(Duration.ofHours(1), at("2026-06-01T00:15:00Z"), ZoneId.of("Asia/Kathmandu"))
                .within(Bounds.NONE.excluding(Set.of(date("2026-06-02"))));
        assertThat(hourly.next(at("2026-06-01T17:15:00Z"))).contains(at("2026-06-02T18:15:00Z"));
    }

    @Test
    void an_excluded_spring_forward_day_drops_every_run_of_that_day_including_the_shifted_one() {
        // New York 2026-03-08 has 23 hours: 02:00 EST -> 03:00 EDT at 07:00Z
        Bounds skipTransitionDay = Bounds.NONE.excluding(Set.of(date("2026-03-08")));
        Recurrence halfHourly = zoned(everyMinutes(30), "America/New_York", DstPolicy.DEFAULT).within(skipTransitionDay);
        assertThat(halfHourly.occurrences(at("2026-03-08T04:00:00Z"), at("2026-03-09T05:00:00Z"))).containsExactlyElementsOf(
                instants("2026-03-08T04:30:00Z", "2026-03-09T04:00:00Z", "2026-03-09T04:30:00Z", "2026-03-09T05:00:00Z"));
        // 02:30 on 03-08 would shift to 03:00 EDT (07:00Z), still on the excluded date
        Recurrence daily = zoned(dailyAt("02:30"), "America/New_York", DstPolicy.DEFAULT).within(skipTransitionDay);
        assertThat(daily.occurrences(at("2026-03-07T00:00:00Z"), at("2026-03-10T00:00:00Z"))).containsExactlyElementsOf(
                instants("2026-03-07T07:30:00Z", "2026-03-09T06:30:00Z"));
    }

    @Test
    void an_excluded_fall_back_day_drops_both_passes_of_the_repeated_hour() {
        // New York 2026-11-01 has 25 hours: 02:00 EDT -> 01:00 EST at 06:00Z
        Recurrence r = zoned(everyMinutes(30), "America/New_York", new DstPolicy(Gap.SHIFT, Overlap.BOTH))
                .within(Bounds.NONE.excluding(Set.of(date("2026-11-01"))));
        // 10-31 23:30 EDT = 11-01T03:30Z; 11-02 00:00 EST = 05:00Z
        assertThat(r.next(at("2026-11-01T03:00:00Z"))).contains(at("2026-11-01T03:30:00Z"));
        assertThat(r.next(at("2026-11-01T03:30:00Z"))).contains(at("2026-11-02T05:00:00Z"));
    }

    @Test
    void excluded_dates_do_not_use_up_the_maximum_number_of_runs() {
        Recurrence r = DAILY_LONDON.within(new Bounds(at("2026-12-01T00:00:00Z"), null, 3, Set.of(date("2026-12-02"))));
        assertThat(r.upcoming(Instant.MIN, 10)).containsExactlyElementsOf(
                instants("2026-12-01T09:00:00Z", "2026-12-03T09:00:00Z", "2026-12-04T09:00:00Z"));
    }

    @Test
    void start_end_maximum_and_exclusions_combine_and_the_tightest_wins() {
        Bounds b = new Bounds(at("2026-12-01T09:00:00Z"), at("2026-12-06T09:00:00Z"), 4, Set.of(date("2026-12-03")));
        assertThat(DAILY_LONDON.within(b).occurrences(Instant.MIN, Instant.MAX)).containsExactlyElementsOf(
                instants("2026-12-01T09:00:00Z", "2026-12-02T09:00:00Z", "2026-12-04T09:00:00Z", "2026-12-05T09:00:00Z"));
        Bounds endFirst = b.endingAt(at("2026-12-04T08:00:00Z"));
        assertThat(DAILY_LONDON.within(endFirst).occurrences(Instant.MIN, Instant.MAX)).containsExactlyElementsOf(
                instants("2026-12-01T09:00:00Z", "2026-12-02T09:00:00Z"));
    }

    @Test
    void bounds_applied_twice_both_hold() {
        Recurrence r = DAILY_LONDON.within(Bounds.NONE.startingAt(at("2026-12-01T00:00:00Z")).limitedTo(5))
                .within(Bounds.NONE.excluding(Set.of(date("2026-12-02"))).endingAt(at("2026-12-31T00:00:00Z")));
        assertThat(r.occurrences(Instant.MIN, Instant.MAX)).containsExactlyElementsOf(
                instants("2026-12-01T09:00:00Z", "2026-12-03T09:00:00Z", "2026-12-04T09:00:00Z", "2026-12-05T09:00:00Z"));
    }

    @Test
    void ten_thousand_consecutive_excluded_days_are_skipped_day_by_day_not_run_by_run() {
        Set<LocalDate> dates = IntStream.range(0, Bounds.MAX_EXCLUDED_DATES)
                .mapToObj(i -> date("2026-01-01").plusDays(i)).collect(Collectors.toSet());
        Recurrence everySecond = Recurrence.every(Duration.ofSeconds(1), at("2026-01-01T00:00:00Z"), ZoneId.of("UTC"))
                .within(Bounds.NONE.excluding(dates));
        assertThat(everySecond.next(Instant.EPOCH)).contains(date("2026-01-01").plusDays(Bounds.MAX_EXCLUDED_DATES)
                .atStartOfDay(ZoneId.of("UTC")).toInstant());
    }

    @Test
    void bounds_with_unbounded_start_or_end_instants_neither_throw_nor_lose_runs() {
        Recurrence countedFromTheBeginningOfTime = Recurrence.once(LocalDateTime.parse("2026-12-01T09:00"), ZoneId.of("Europe/London"))
                .within(new Bounds(Instant.MIN, Instant.MAX, 2, null));
        assertThat(countedFromTheBeginningOfTime.upcoming(Instant.MIN, 10)).containsExactly(at("2026-12-01T09:00:00Z"));

        Recurrence dailyFromTheBeginningOfTime = DAILY_LONDON.within(new Bounds(Instant.MIN, null, 2, null));
        assertThat(dailyFromTheBeginningOfTime.upcoming(Instant.MIN, 10)).hasSize(2)
                .allSatisfy(i -> assertThat(i.atZone(ZoneId.of("UTC")).getYear()).isEqualTo(1));

        Recurrence startingAtTheEndOfTime = DAILY_LONDON.within(new Bounds(Instant.MAX, null, 2, null));
        assertThat(startingAtTheEndOfTime.next(Instant.MIN)).isEmpty();
        assertThat(DAILY_LONDON.within(Bounds.NONE.startingAt(Instant.MAX)).next(Instant.MIN)).isEmpty();
        assertThat(DAILY_LONDON.within(Bounds.NONE.endingAt(Instant.MIN)).next(Instant.MIN)).isEmpty();
    }

    @Test
    void describes_the_inner_recurrence_and_its_bounds() {
        Recurrence r = DAILY_LONDON.within(Bounds.NONE.excluding(Set.of(date("2026-12-25"))));
        assertThat(r.describe()).contains("daily at 09:00").contains("Europe/London").contains("2026-12-25");
        assertThat(r.zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(DAILY_LONDON.within(Bounds.NONE)).isSameAs(DAILY_LONDON);
    }
}
