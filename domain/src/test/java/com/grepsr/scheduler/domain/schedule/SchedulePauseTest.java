package com.grepsr.scheduler.domain.schedule;

import com.grepsr.scheduler.domain.error.IllegalTransitionException;
import com.grepsr.scheduler.domain.error.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static com.grepsr.scheduler.domain.DomainFixtures.NOW;
import static com.grepsr.scheduler.domain.DomainFixtures.STORED_VERSION;
import static com.grepsr.scheduler.domain.DomainFixtures.anyReport;
import static com.grepsr.scheduler.domain.DomainFixtures.anyScheduleId;
import static com.grepsr.scheduler.domain.DomainFixtures.everyHourSchedule;
import static com.grepsr.scheduler.domain.DomainFixtures.everyHourSchedulePausedUntil;
import static com.grepsr.scheduler.domain.DomainFixtures.hoursFromNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchedulePauseTest {

    @Test
    void a_pause_may_carry_the_instant_it_ends() {
        Schedule paused = everyHourSchedule().pause(hoursFromNow(5), NOW);

        assertThat(paused.status()).isEqualTo(ScheduleStatus.PAUSED);
        assertThat(paused.pausedUntil()).contains(hoursFromNow(5));
        assertThat(paused.isActive()).isFalse();
    }

    @Test
    void a_pause_without_until_lasts_until_unpaused() {
        Schedule paused = everyHourSchedule().pause(null, NOW);

        assertThat(paused.pausedUntil()).isEmpty();
        assertThat(paused.status()).isEqualTo(ScheduleStatus.PAUSED);
    }

    @Test
    void a_pause_until_a_past_instant_is_rejected() {
        assertThatThrownBy(() -> everyHourSchedule().pause(hoursFromNow(-1), NOW))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.violations()).extracting(ValidationException.FieldViolation::field)
                                .containsExactly("pause_until"));
    }

    @Test
    void a_pause_until_now_is_rejected_because_it_would_end_as_it_begins() {
        assertThatThrownBy(() -> everyHourSchedule().pause(NOW, NOW)).isInstanceOf(ValidationException.class);
    }

    @Test
    void pausing_a_paused_schedule_changes_its_until() {
        Schedule paused = everyHourSchedulePausedUntil(hoursFromNow(2));

        Schedule longer = paused.pause(hoursFromNow(48), NOW);
        Schedule indefinite = paused.pause(null, NOW);

        assertThat(longer.status()).isEqualTo(ScheduleStatus.PAUSED);
        assertThat(longer.pausedUntil()).contains(hoursFromNow(48));
        assertThat(longer.version()).isEqualTo(STORED_VERSION + 1);
        assertThat(indefinite.pausedUntil()).isEmpty();
    }

    @Test
    void unpausing_before_the_pause_until_ends_the_pause_early() {
        Schedule paused = everyHourSchedulePausedUntil(hoursFromNow(2));

        Schedule resumed = paused.unpause(hoursFromNow(2).minusSeconds(1));

        assertThat(resumed.status()).isEqualTo(ScheduleStatus.ACTIVE);
        assertThat(resumed.pausedUntil()).isEmpty();
    }

    @Test
    void a_paused_schedule_resumed_at_its_pause_until_is_active_without_one() {
        Instant until = hoursFromNow(2);
        Schedule paused = everyHourSchedulePausedUntil(until);

        Schedule resumed = paused.unpause(until);

        assertThat(resumed.status()).isEqualTo(ScheduleStatus.ACTIVE);
        assertThat(resumed.pausedUntil()).isEmpty();
        assertThat(resumed.version()).isEqualTo(STORED_VERSION + 1);
        assertThat(resumed.updatedAt()).isEqualTo(until);
    }

    @Test
    void a_schedule_paused_without_an_end_unpauses() {
        Schedule resumed = everyHourSchedule().pause(null, NOW).unpause(hoursFromNow(30));

        assertThat(resumed.status()).isEqualTo(ScheduleStatus.ACTIVE);
        assertThat(resumed.isActive()).isTrue();
    }

    @Test
    void an_active_schedule_cannot_be_unpaused() {
        assertThatThrownBy(() -> everyHourSchedule().unpause(hoursFromNow(30)))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void only_a_paused_schedule_keeps_a_pause_until() {
        Schedule stored = Schedule.reconstitute(anyScheduleId(), "x",
                anyReport(), everyHourSchedule().details(),
                ScheduleStatus.ACTIVE, hoursFromNow(3), Set.of(), 3, NOW, NOW);

        assertThat(stored.pausedUntil()).isEmpty();
    }
}
