package com.grepsr.scheduler.application.retry;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private static final Backoff DOUBLING = Backoff.doubling(Duration.ofMillis(100), Duration.ofMillis(800));

    @Test
    void each_failure_doubles_the_wait_up_to_the_maximum() {
        assertThat(IntStream.rangeClosed(1, 6).mapToObj(n -> DOUBLING.delay(n, () -> 0.99)))
                .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                        Duration.ofMillis(800), Duration.ofMillis(800), Duration.ofMillis(800));
    }

    @Test
    void the_cap_holds_however_many_failures() {
        assertThat(DOUBLING.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofMillis(800));
        Backoff days = Backoff.doubling(Duration.ofDays(1), Duration.ofDays(365));
        assertThat(days.delay(1_000)).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void a_multiplier_other_than_two_stretches_by_itself() {
        Backoff triple = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 3, Backoff.NO_JITTER);
        assertThat(triple.delay(3)).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void full_jitter_draws_anywhere_up_to_the_wait() {
        Backoff full = DOUBLING.withJitter(Backoff.FULL_JITTER);
        assertThat(full.delay(3, () -> 0.0)).isEqualTo(Duration.ofMillis(400));
        assertThat(full.delay(3, () -> 0.75)).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void equal_jitter_keeps_at_least_half_the_wait() {
        Backoff equal = DOUBLING.withJitter(Backoff.EQUAL_JITTER);
        assertThat(equal.delay(2, () -> 0.0)).isEqualTo(Duration.ofMillis(200));
        assertThat(equal.delay(2, () -> 0.5)).isEqualTo(Duration.ofMillis(150));
        for (int i = 0; i < 1_000; i++) {
            assertThat(equal.delay(4)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
        }
    }

    @Test
    void a_fractional_jitter_shortens_by_at_most_that_fraction() {
        Backoff fifth = DOUBLING.withJitter(0.2);
        assertThat(fifth.delay(1, () -> 0.5)).isEqualTo(Duration.ofMillis(90));
    }

    @Test
    void without_jitter_no_random_number_is_drawn() {
        assertThat(DOUBLING.delay(2, () -> {
            throw new AssertionError("drawn");
        })).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void a_zero_initial_wait_retries_at_once() {
        assertThat(Backoff.doubling(Duration.ZERO, Duration.ofSeconds(1)).delay(40)).isZero();
    }

    @Test
    void nonsense_is_refused() {
        assertThatThrownBy(() -> Backoff.doubling(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("initial <= max");
        assertThatThrownBy(() -> Backoff.doubling(Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .hasMessageContaining("initial <= max");
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ZERO, 0.5, 0)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> DOUBLING.withJitter(1.5)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> DOUBLING.withJitter(Double.NaN)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> DOUBLING.delay(0)).hasMessageContaining("failures");
    }
}
