package com.grepsr.scheduler.domain.schedule;

import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static com.grepsr.scheduler.domain.DomainFixtures.everyHourFromNineToday;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleDetailsTest {

    @Test
    void details_default_to_no_parameters_fire_once_now_and_allow_overlap() {
        ScheduleDetails details = new ScheduleDetails(everyHourFromNineToday(), null, null, null, null);

        assertThat(details).isEqualTo(ScheduleDetails.of(everyHourFromNineToday()));
        assertThat(details.parameters()).isEqualTo(Parameters.NONE);
        assertThat(details.misfire()).isEqualTo(MisfirePolicy.FIRE_ONCE_NOW);
        assertThat(details.overlap()).isEqualTo(OverlapPolicy.ALLOW);
        assertThat(details.taskTimeout()).isNull();
    }

    @Test
    void details_need_a_timing() {
        assertThatThrownBy(() -> ScheduleDetails.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void a_task_timeout_may_be_up_to_a_week() {
        assertThat(new ScheduleDetails(everyHourFromNineToday(), null, null, null, Duration.ofDays(7)).taskTimeout())
                .isEqualTo(Duration.ofDays(7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "-PT1M", "P7DT1S"})
    void a_task_timeout_that_is_not_positive_or_longer_than_a_week_is_rejected(String timeout) {
        assertThatThrownBy(() -> new ScheduleDetails(everyHourFromNineToday(), null, null, null, Duration.parse(timeout)))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.violations().get(0).field()).isEqualTo("task_timeout"));
    }
}
