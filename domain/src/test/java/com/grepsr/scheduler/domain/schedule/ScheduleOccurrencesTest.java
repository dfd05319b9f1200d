package com.grepsr.scheduler.domain.schedule;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.grepsr.scheduler.domain.DomainFixtures.NOW;
import static com.grepsr.scheduler.domain.DomainFixtures.everyHourSchedule;
import static com.grepsr.scheduler.domain.DomainFixtures.hoursFromNow;
import static org.assertj.core.api.Assertions.assertThat;

/** The one walk over a schedule's occurrences. */
class ScheduleOccurrencesTest {

    @Test
    void lists_the_window_in_order_up_to_the_limit() {
        Schedule hourly = everyHourSchedule(); // every hour from 09:00 (NOW + 1 h)
        assertThat(hourly.occurrences(NOW, hoursFromNow(3), 10))
                .containsExactly(hoursFromNow(1), hoursFromNow(2), hoursFromNow(3));
        assertThat(hourly.occurrences(NOW, hoursFromNow(3), 2)).containsExactly(hoursFromNow(1), hoursFromNow(2));
        assertThat(hourly.occurrences(hoursFromNow(1), hoursFromNow(2), 10))
                .as("from is exclusive, to inclusive").containsExactly(hoursFromNow(2));
        assertThat(hourly.occurrences(NOW, hoursFromNow(3), 0)).isEmpty();
    }

    @Test
    void leaves_skipped_occurrences_out_without_counting_them_against_the_limit() {
        Schedule s = everyHourSchedule().skipOccurrence(hoursFromNow(2), NOW);
        assertThat(s.occurrences(NOW, Instant.MAX, 3)).containsExactly(hoursFromNow(1), hoursFromNow(3), hoursFromNow(4));
        assertThat(s.nextOccurrence(hoursFromNow(1), Instant.MAX)).contains(hoursFromNow(3));
        assertThat(s.nextOccurrence(hoursFromNow(1), hoursFromNow(2))).isEmpty();
    }

    @Test
    void a_far_window_of_a_rare_rule_is_walked_only_as_far_as_needed() {
        Schedule s = everyHourSchedule();
        Instant farAway = NOW.plus(Duration.ofDays(365 * 5000L));
        assertThat(s.occurrences(NOW, farAway, 5)).hasSize(5).last().isEqualTo(hoursFromNow(5));
    }
}
