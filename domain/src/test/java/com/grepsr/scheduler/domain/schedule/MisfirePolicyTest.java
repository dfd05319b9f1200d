package com.grepsr.scheduler.domain.schedule;

import com.grepsr.scheduler.domain.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MisfirePolicyTest {

    private static final Duration ON_TIME = Duration.ZERO;
    private static final Duration WITHIN_GRACE = Duration.ofSeconds(59);
    private static final Duration AT_GRACE = Duration.ofMinutes(1);
    private static final Duration JUST_PAST_GRACE = Duration.ofMinutes(1).plusSeconds(1);
    private static final Duration AN_HOUR_LATE = Duration.ofHours(1);

    @Test
    void a_run_late_by_at_most_a_minute_is_on_time_and_fires_under_every_policy() {
        for (MisfirePolicy policy : new MisfirePolicy[]{MisfirePolicy.FIRE_ONCE_NOW, MisfirePolicy.SKIP,
                MisfirePolicy.fireAllWithin(Duration.ofMinutes(5))}) {
            for (boolean newest : new boolean[]{true, false}) {
                assertThat(policy.fires(ON_TIME, newest)).as(policy + " on time").isTrue();
                assertThat(policy.fires(WITHIN_GRACE, newest)).as(policy + " 59 s late").isTrue();
                assertThat(policy.fires(AT_GRACE, newest)).as(policy + " 60 s late").isTrue();
            }
        }
    }

    @Test
    void fire_once_now_fires_only_the_newest_of_the_late_runs() {
        assertThat(MisfirePolicy.FIRE_ONCE_NOW.fires(JUST_PAST_GRACE, true)).isTrue();
        assertThat(MisfirePolicy.FIRE_ONCE_NOW.fires(AN_HOUR_LATE, true)).isTrue();
        assertThat(MisfirePolicy.FIRE_ONCE_NOW.fires(JUST_PAST_GRACE, false)).isFalse();
        assertThat(MisfirePolicy.FIRE_ONCE_NOW.fires(AN_HOUR_LATE, false)).isFalse();
    }

    @Test
    void skip_fires_no_late_run() {
        assertThat(MisfirePolicy.SKIP.fires(JUST_PAST_GRACE, true)).isFalse();
        assertThat(MisfirePolicy.SKIP.fires(JUST_PAST_GRACE, false)).isFalse();
    }

    @Test
    void fire_all_within_fires_every_run_still_inside_its_window() {
        MisfirePolicy policy = MisfirePolicy.fireAllWithin(AN_HOUR_LATE);

        assertThat(policy.fires(JUST_PAST_GRACE, false)).isTrue();
        assertThat(policy.fires(AN_HOUR_LATE, false)).as("the window's end is inside").isTrue();
        assertThat(policy.fires(AN_HOUR_LATE.plusSeconds(1), true)).isFalse();
    }

    @Test
    void a_window_shorter_than_the_grace_still_fires_within_the_grace() {
        MisfirePolicy policy = MisfirePolicy.fireAllWithin(Duration.ofSeconds(30));

        assertThat(policy.fires(Duration.ofSeconds(45), false)).isTrue();
        assertThat(policy.fires(JUST_PAST_GRACE, false)).isFalse();
    }

    @Test
    void the_catch_up_window_may_be_up_to_a_week() {
        assertThat(MisfirePolicy.fireAllWithin(Duration.ofSeconds(1)).catchUpWindow()).isEqualTo(Duration.ofSeconds(1));
        assertThat(MisfirePolicy.fireAllWithin(MisfirePolicy.MAX_CATCH_UP).catchUpWindow()).isEqualTo(Duration.ofDays(7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "-PT1S", "P7DT1S", "P30D"})
    void a_catch_up_window_that_is_not_positive_or_longer_than_a_week_is_rejected(String window) {
        assertThatThrownBy(() -> MisfirePolicy.fireAllWithin(Duration.parse(window)))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.violations().get(0).field()).isEqualTo("misfire_policy.catch_up_window"));
    }

    @Test
    void fire_all_within_needs_a_window() {
        assertThatThrownBy(() -> MisfirePolicy.fireAllWithin(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void the_other_kinds_need_no_window() {
        assertThat(MisfirePolicy.FIRE_ONCE_NOW.catchUpWindow()).isZero();
        assertThat(new MisfirePolicy(MisfirePolicy.Kind.SKIP, null).catchUpWindow()).isZero();
    }
}
