package com.grepsr.scheduler.domain.recurrence.cron;

import com.grepsr.scheduler.domain.recurrence.LocalSequence;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The search at the edges of the supported years, for expressions with and without date fields. */
class CronSequenceEdgeTest {

    private static long local(String dateTime) {
        return LocalDateTime.parse(dateTime).toEpochSecond(ZoneOffset.UTC);
    }

    @Test
    void a_daily_expression_rolls_over_to_the_next_day_up_to_the_last_supported_one() {
        CronSequence daily = CronSequence.parse("0 0 0 * * *");

        assertThat(daily.nextLocal(local("9999-12-30T12:00:00"))).isEqualTo(local("9999-12-31T00:00:00"));
        assertThat(daily.nextLocal(local("9999-12-31T00:00:00"))).isEqualTo(LocalSequence.NONE);
    }

    @Test
    void an_every_minute_expression_answers_within_the_day_and_across_midnight() {
        CronSequence everyMinute = CronSequence.parse("* * * * *");

        assertThat(everyMinute.nextLocal(local("2026-03-08T01:59:30"))).isEqualTo(local("2026-03-08T02:00:00"));
        assertThat(everyMinute.nextLocal(local("2026-12-31T23:59:00"))).isEqualTo(local("2027-01-01T00:00:00"));
        assertThat(everyMinute.nextLocal(local("0001-01-01T00:00:00"))).isEqualTo(local("0001-01-01T00:01:00"));
    }

    @Test
    void a_restricted_date_field_still_takes_the_calendar_search() {
        CronSequence weekdays = CronSequence.parse("0 9 * * MON-FRI");

        // Friday 2026-11-27 09:00 → Monday 2026-11-30 09:00
        assertThat(weekdays.nextLocal(local("2026-11-27T09:00:00"))).isEqualTo(local("2026-11-30T09:00:00"));
    }
}
