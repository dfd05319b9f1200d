package com.grepsr.scheduler.adapters.k8s;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The limiter's arithmetic on a fake clock: nothing here sleeps or measures time. */
class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;
    private long now;

    private TokenBucket bucket(double qps, int burst) {
        return new TokenBucket(qps, burst, () -> now, nanos -> now += nanos);
    }

    @Test
    void a_full_bucket_lets_the_burst_through_at_once_then_spaces_requests_one_interval_apart() {
        TokenBucket b = bucket(5, 2);
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waits.add(b.reserve());
        }
        // requests 3, 4, 5 are queued 200 ms apart behind the burst of 2
        assertThat(waits).containsExactly(0L, 0L, SECOND / 5, 2 * SECOND / 5, 3 * SECOND / 5);
    }

    @Test
    void callers_that_wait_as_told_are_held_to_the_configured_rate() {
        TokenBucket b = bucket(10, 3);
        long start = now;
        int requests = 0;
        while (now - start <= 10 * SECOND) {
            acquire(b);
            requests++;
        }
        // 10 s at 10/s plus the initial burst of 3, plus the one that crossed the line
        assertThat(requests).isEqualTo(3 + 100 + 1);
    }

    @Test
    void a_quiet_period_refills_the_bucket_but_never_beyond_its_burst() {
        TokenBucket b = bucket(2, 4);
        for (int i = 0; i < 4; i++) {
            assertThat(b.reserve()).isZero();
        }
        now += 60 * SECOND; // a long pause refills 120 tokens' worth, capped at 4
        for (int i = 0; i < 4; i++) {
            assertThat(b.reserve()).isZero();
        }
        assertThat(b.reserve()).isEqualTo(SECOND / 2);
    }

    @Test
    void a_partly_refilled_bucket_charges_only_the_missing_fraction() {
        TokenBucket b = bucket(4, 1);
        assertThat(b.reserve()).isZero();
        now += SECOND / 8; // half a token back
        assertThat(b.reserve()).isEqualTo(SECOND / 8);
    }

    @Test
    void nonsense_settings_are_rejected() {
        assertThatThrownBy(() -> bucket(0, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("qps");
        assertThatThrownBy(() -> bucket(1, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("burst");
    }

    private static void acquire(TokenBucket b) {
        try {
            b.acquire();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
