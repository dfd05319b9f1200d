package com.grepsr.scheduler.domain.recurrence;

import static com.grepsr.scheduler.domain.recurrence.WallClockSequences.dailyAt;
import static com.grepsr.scheduler.domain.recurrence.WallClockSequences.everySeconds;
import static com.grepsr.scheduler.domain.recurrence.ZonedRecurrenceDstTest.at;
import static com.grepsr.scheduler.domain.recurrence.ZonedRecurrenceDstTest.zoned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.grepsr.scheduler.domain.recurrence.DstPolicy.Gap;
import com.grepsr.scheduler.domain.recurrence.DstPolicy.Overlap;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code upcoming}, {@code occurrences} and the edges of the supported years. */
class RecurrenceQueriesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Recurrence DAILY_LONDON = zoned(dailyAt("09:00"), "Europe/London", DstPolicy.DEFAULT);
    private static final List<String> ZONES = List.of("America/New_York", "Europe/London", "Australia/Lord_Howe",
            "Asia/Kathmandu", "America/Santiago", "Pacific/Apia", "UTC");
    private static final List<DstPolicy> POLICIES = List.of(DstPolicy.DEFAULT, new DstPolicy(Gap.SKIP, Overlap.LATER),
            new DstPolicy(Gap.SHIFT, Overlap.BOTH));

    @Test
    void upcoming_lists_the_next_runs_in_order_up_to_the_limit() {
        assertThat(DAILY_LONDON.upcoming(at("2026-12-01T09:00:00Z"), 3))
                .containsExactly(at("2026-12-02T09:00:00Z"), at("2026-12-03T09:00:00Z"), at("2026-12-04T09:00:00Z"));
        assertThat(DAILY_LONDON.upcoming(at("2026-12-01T09:00:00Z"), 0)).isEmpty();
        assertThat(Recurrence.once(LocalDateTime.parse("2026-12-01T09:00"), LONDON).upcoming(Instant.EPOCH, 3)).hasSize(1);
    }

    @Test
    void upcoming_refuses_a_negative_or_huge_limit() {
        assertThatThrownBy(() -> DAILY_LONDON.upcoming(Instant.EPOCH, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be between 0 and 1000000, was -1");
        assertThatThrownBy(() -> DAILY_LONDON.upcoming(Instant.EPOCH, Recurrence.MAX_LISTED + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 1000001");
    }

    @Test
    void occurrences_is_exclusive_at_the_start_and_inclusive_at_the_end() {
        assertThat(DAILY_LONDON.occurrences(at("2026-12-01T09:00:00Z"), at("2026-12-03T09:00:00Z")))
                .containsExactly(at("2026-12-02T09:00:00Z"), at("2026-12-03T09:00:00Z"));
        assertThat(DAILY_LONDON.occurrences(at("2026-12-03T09:00:00Z"), at("2026-12-01T09:00:00Z"))).isEmpty();
    }

    @Test
    void occurrences_lists_a_million_but_refuses_a_window_holding_more() {
        Instant anchor = at("2026-12-01T00:00:00Z");
        Recurrence everySecond = Recurrence.every(Duration.ofSeconds(1), anchor, LONDON);
        assertThat(everySecond.occurrences(anchor.minusSeconds(1), anchor.plusSeconds(Recurrence.MAX_LISTED - 1)))
                .hasSize(Recurrence.MAX_LISTED);
        assertThatThrownBy(() -> everySecond.occurrences(anchor.minusSeconds(1), anchor.plusSeconds(Recurrence.MAX_LISTED)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 1000000 occurrences")
                .hasMessageContaining("narrow the window or use next()");
        assertThatThrownBy(() -> DAILY_LONDON.occurrences(Instant.MIN, Instant.MAX))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 1000000 occurrences");
    }

    @Test
    void queries_refuse_null_instants_by_name() {
        assertThatThrownBy(() -> DAILY_LONDON.next(null)).hasMessage("after");
        assertThatThrownBy(() -> DAILY_LONDON.upcoming(null, 1)).hasMessage("after");
        assertThatThrownBy(() -> DAILY_LONDON.occurrences(null, Instant.EPOCH)).hasMessage("fromExclusive");
        assertThatThrownBy(() -> DAILY_LONDON.occurrences(Instant.EPOCH, null)).hasMessage("toInclusive");
        assertThatThrownBy(() -> DAILY_LONDON.within(null)).hasMessage("bounds");
    }

    @Test
    void the_first_run_of_all_time_is_in_year_one_at_the_local_time() {
        // London in year 1 is on local mean time (-00:01:15)
        Instant first = DAILY_LONDON.next(Instant.MIN).orElseThrow();
        assertThat(first.atZone(LONDON).getYear()).isEqualTo(1);
        assertThat(first.atZone(LONDON).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
        assertThat(DAILY_LONDON.next(first.minusSeconds(1))).contains(first);
        assertThat(DAILY_LONDON.next(at("0001-01-01T00:00:00Z"))).contains(first);
    }

    @Test
    void nothing_follows_the_end_of_the_supported_years() {
        assertThat(DAILY_LONDON.next(Instant.MAX)).isEmpty();
        assertThat(DAILY_LONDON.next(at("9999-12-31T23:59:59Z"))).isEmpty();
        assertThat(DAILY_LONDON.upcoming(at("9999-12-27T00:00:00Z"), 10))
                .containsExactly(at("9999-12-27T09:00:00Z"), at("9999-12-28T09:00:00Z"), at("9999-12-29T09:00:00Z"));
        assertThat(DAILY_LONDON.occurrences(at("9999-12-27T00:00:00Z"), Instant.MAX)).hasSize(3);
    }

    @Test
    void every_zone_and_policy_answers_at_the_extremes_without_throwing() {
        for (String zone : ZONES) {
            for (DstPolicy policy : POLICIES) {
                for (Recurrence r : List.of(zoned(dailyAt("00:30"), zone, policy), zoned(everySeconds(17, 3), zone, policy))) {
                    String what = r + " " + policy;
                    for (Instant edge : List.of(Instant.MIN, at("-0001-06-01T00:00:00Z"), at("0001-01-01T00:00:00Z"))) {
                        Instant first = r.next(edge).orElseThrow();
                        assertThat(first.atZone(ZoneId.of("UTC")).getYear()).as(what).isEqualTo(1);
                        assertThat(r.next(first.minusSeconds(1))).as(what).contains(first);
                    }
                    for (Instant edge : List.of(Instant.MAX, at("9999-12-30T00:00:00Z"), at("+10000-01-01T00:00:00Z"))) {
                        assertThat(r.next(edge)).as(what).isEmpty();
                        assertThat(r.upcoming(edge, 5)).as(what).isEmpty();
                    }
                    assertThat(r.upcoming(at("9999-12-29T23:59:00Z"), 100)).as(what)
                            .allSatisfy(i -> assertThat(i).isBetween(at("9999-12-29T23:59:00Z"), at("9999-12-30T00:00:00Z")));
                }
            }
        }
    }
}
