package com.grepsr.scheduler.domain.schedule;

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
        assertThat(paused.resumeIfDue(hoursFromNow(10_000))).isEmpty();
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
    void a_paused_schedule_stays_paused_before_its_pause_until() {
        Schedule paused = everyHourSchedulePausedUntil(hoursFromNow(2));

        assertThat(paused.resumeIfDue(hoursFromNow(2).minusSeconds(1))).isEmpty();
    }

    @Test
    void a_paused_schedule_resumes_when_its_pause_until_arrives() {
        Instant until = hoursFromNow(2);
        Schedule paused = everyHourSchedulePausedUntil(until);

        assertThat(paused.resumeIfDue(until)).hasValueSatisfying(resumed -> {
            assertThat(resumed.status()).isEqualTo(ScheduleStatus.ACTIVE);
            assertThat(resumed.pausedUntil()).isEmpty();
            assertThat(resumed.version()).isEqualTo(STORED_VERSION + 1);
            assertThat(resumed.updatedAt()).isEqualTo(until);
        });
    }

    @Test
    void a_paused_schedule_resumes_when_its_pause_until_has_passed() {
        Schedule paused = everyHourSchedulePausedUntil(hoursFromNow(2));

        assertThat(paused.resumeIfDue(hoursFromNow(30))).map(Schedule::status).contains(ScheduleStatus.ACTIVE);
    }

    @Test
    void an_active_schedule_has_nothing_to_resume() {
        assertThat(everyHourSchedule().resumeIfDue(hoursFromNow(30))).isEmpty();
    }

    @Test
    void only_a_paused_schedule_keeps_a_pause_until() {
        Schedule stored = Schedule.reconstitute(anyScheduleId(), "x",
                anyReport(), everyHourSchedule().details(),
                ScheduleStatus.ACTIVE, hoursFromNow(3), Set.of(), 3, NOW, NOW);

        assertThat(stored.pausedUntil()).isEmpty();
    }
}
