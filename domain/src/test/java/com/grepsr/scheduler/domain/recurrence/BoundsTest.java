package com.grepsr.scheduler.domain.recurrence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Validation of {@link Bounds} values; what bounds do to a recurrence is in {@link BoundedRecurrenceTest}. */
class BoundsTest {

    private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void refuses_an_end_before_the_start_and_accepts_an_end_equal_to_it() {
        assertThatThrownBy(() -> new Bounds(START, START.minusNanos(1), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("end 2026-12-01T08:59:59.999999999Z is before start 2026-12-01T09:00:00Z");
        assertThat(new Bounds(START, START, null, null).end()).isEqualTo(START);
    }

    @Test
    void refuses_a_maximum_number_of_runs_outside_one_to_a_million() {
        for (int bad : new int[] {0, -1, Bounds.MAX_RUNS + 1, Integer.MIN_VALUE}) {
            assertThatThrownBy(() -> new Bounds(START, null, bad, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("maximum number of runs must be between 1 and 1000000, was " + bad);
        }
        assertThat(new Bounds(START, null, 1, null).maxRuns()).isEqualTo(1);
        assertThat(new Bounds(START, null, Bounds.MAX_RUNS, null).maxRuns()).isEqualTo(Bounds.MAX_RUNS);
    }

    @Test
    void refuses_a_maximum_number_of_runs_without_a_start_to_count_from() {
        assertThatThrownBy(() -> new Bounds(null, null, 3, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a maximum number of runs needs a start to count from");
        assertThatThrownBy(() -> Bounds.NONE.limitedTo(3)).hasMessageContaining("needs a start");
    }

    @Test
    void refuses_more_than_ten_thousand_excluded_dates() {
        Set<LocalDate> tooMany = IntStream.rangeClosed(0, Bounds.MAX_EXCLUDED_DATES)
                .mapToObj(i -> LocalDate.of(2000, 1, 1).plusDays(i)).collect(Collectors.toSet());
        assertThatThrownBy(() -> Bounds.NONE.excluding(tooMany))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at most 10000 excluded dates, got 10001");
        tooMany.remove(LocalDate.of(2000, 1, 1));
        assertThat(Bounds.NONE.excluding(tooMany).excludedDates()).hasSize(Bounds.MAX_EXCLUDED_DATES);
    }

    @Test
    void refuses_a_null_excluded_date_with_a_clear_message() {
        Set<LocalDate> withNull = new HashSet<>(Arrays.asList(LocalDate.of(2026, 12, 25), null));
        assertThatThrownBy(() -> Bounds.NONE.excluding(withNull))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("excluded dates must not contain null");
    }

    @Test
    void treats_absent_excluded_dates_as_none_and_keeps_a_defensive_copy() {
        assertThat(new Bounds(null, null, null, null)).isEqualTo(Bounds.NONE);
        Set<LocalDate> dates = new HashSet<>(Set.of(LocalDate.of(2026, 12, 25)));
        Bounds b = Bounds.NONE.excluding(dates);
        dates.add(LocalDate.of(2026, 12, 26));
        assertThat(b.excludedDates()).containsExactly(LocalDate.of(2026, 12, 25));
        assertThatThrownBy(() -> b.excludedDates().add(LocalDate.of(2027, 1, 1)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void lists_excluded_dates_in_calendar_order_so_descriptions_are_stable() {
        Bounds b = Bounds.NONE.excluding(Set.of(LocalDate.of(2026, 12, 31), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 15)));
        assertThat(b.excludedDates()).containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 15), LocalDate.of(2026, 12, 31));
        assertThat(b.toString()).contains("[2026-01-01, 2026-06-15, 2026-12-31]");
    }

    @Test
    void withers_keep_the_other_limits_and_validate_again() {
        Bounds b = Bounds.NONE.startingAt(START).endingAt(START.plusSeconds(3600)).limitedTo(5)
                .excluding(Set.of(LocalDate.of(2026, 12, 25)));
        assertThat(b).isEqualTo(new Bounds(START, START.plusSeconds(3600), 5, Set.of(LocalDate.of(2026, 12, 25))));
        assertThatThrownBy(() -> b.endingAt(START.minusSeconds(1))).hasMessageContaining("is before start");
        assertThatThrownBy(() -> b.startingAt(null)).hasMessageContaining("needs a start");
    }
}
