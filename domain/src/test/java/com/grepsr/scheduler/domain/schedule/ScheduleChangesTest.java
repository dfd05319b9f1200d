package com.grepsr.scheduler.domain.schedule;

import com.grepsr.scheduler.domain.error.IllegalTransitionException;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.error.VersionConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;

import static com.grepsr.scheduler.domain.DomainFixtures.NOW;
import static com.grepsr.scheduler.domain.DomainFixtures.STORED_VERSION;
import static com.grepsr.scheduler.domain.DomainFixtures.activeOneTimeSchedule;
import static com.grepsr.scheduler.domain.DomainFixtures.anyScheduleId;
import static com.grepsr.scheduler.domain.DomainFixtures.everyHourFromNineToday;
import static com.grepsr.scheduler.domain.DomainFixtures.everyHourSchedule;
import static com.grepsr.scheduler.domain.DomainFixtures.everyHourScheduleIn;
import static com.grepsr.scheduler.domain.DomainFixtures.everyHourSchedulePausedUntil;
import static com.grepsr.scheduler.domain.DomainFixtures.everyQuarterHourFromNineToday;
import static com.grepsr.scheduler.domain.DomainFixtures.hoursFromNow;
import static com.grepsr.scheduler.domain.DomainFixtures.minutesFromNow;
import static com.grepsr.scheduler.domain.DomainFixtures.parameters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Skipping single occurrences, updating, and the optimistic-concurrency check. */
class ScheduleChangesTest {

    private static final Instant NINE = hoursFromNow(1);
    private static final Instant TEN = hoursFromNow(2);
    private static final Instant ELEVEN = hoursFromNow(3);

    @Test
    void the_hourly_schedule_fires_on_the_hour_from_nine() {
        assertThat(everyHourSchedule().occurrences(NOW, ELEVEN, Integer.MAX_VALUE)).containsExactly(NINE, TEN, ELEVEN);
        assertThat(everyHourSchedule().isOccurrence(TEN)).isTrue();
        assertThat(everyHourSchedule().isOccurrence(TEN.plusSeconds(1))).isFalse();
        assertThat(everyHourSchedule().isExhaustedAfter(hoursFromNow(10_000))).isFalse();
    }

    @Test
    void a_skipped_occurrence_does_not_fire() {
        Schedule skipped = everyHourSchedule().skipOccurrence(TEN, NOW);

        assertThat(skipped.skippedOccurrences()).containsExactly(TEN);
        assertThat(skipped.occurrences(NOW, ELEVEN, Integer.MAX_VALUE)).containsExactly(NINE, ELEVEN);
        assertThat(skipped.version()).isEqualTo(2);
        assertThat(skipped.status()).isEqualTo(ScheduleStatus.ACTIVE);
    }

    @Test
    void a_paused_schedule_may_skip_an_occurrence_and_stays_paused_until_the_same_instant() {
        Schedule skipped = everyHourSchedulePausedUntil(hoursFromNow(5)).skipOccurrence(TEN, NOW);

        assertThat(skipped.status()).isEqualTo(ScheduleStatus.PAUSED);
        assertThat(skipped.pausedUntil()).contains(hoursFromNow(5));
        assertThat(skipped.skippedOccurrences()).containsExactly(TEN);
    }

    @Test
    void skipping_an_instant_that_is_not_an_occurrence_is_rejected() {
        assertThatThrownBy(() -> everyHourSchedule().skipOccurrence(minutesFromNow(90), NOW))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.violations().get(0).field()).isEqualTo("skip_occurrence"));
    }

    @Test
    void skipping_an_occurrence_that_already_passed_is_rejected() {
        Schedule schedule = everyHourSchedule();

        assertThatThrownBy(() -> schedule.skipOccurrence(NINE, TEN)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> schedule.skipOccurrence(NINE, NINE)).isInstanceOf(ValidationException.class);
    }

    @Test
    void skipped_occurrences_that_have_passed_are_forgotten_on_the_next_skip() {
        Schedule schedule = everyHourSchedule().skipOccurrence(NINE, NOW);

        Schedule later = schedule.skipOccurrence(ELEVEN, TEN);

        assertThat(later.skippedOccurrences()).containsExactly(ELEVEN);
    }

    @ParameterizedTest
    @EnumSource(value = ScheduleStatus.class, names = {"COMPLETED", "DELETED"})
    void a_finished_schedule_cannot_skip_occurrences_nor_be_updated(ScheduleStatus status) {
        Schedule schedule = everyHourScheduleIn(status);

        assertThatThrownBy(() -> schedule.skipOccurrence(TEN, NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> schedule.update("new", schedule.details(), NOW))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.id()).isEqualTo(anyScheduleId().value());
                    assertThat(e.from()).isEqualTo(status.name());
                });
    }

    @Test
    void an_update_replaces_name_and_details_and_raises_the_version() {
        ScheduleDetails newDetails = new ScheduleDetails(everyQuarterHourFromNineToday(), parameters("category", "toys"),
                MisfirePolicy.SKIP, OverlapPolicy.SKIP, Duration.ofMinutes(30));

        Schedule updated = everyHourScheduleIn(ScheduleStatus.ACTIVE).update("quarterly prices", newDetails, NOW);

        assertThat(updated.name()).isEqualTo("quarterly prices");
        assertThat(updated.details()).isEqualTo(newDetails);
        assertThat(updated.version()).isEqualTo(STORED_VERSION + 1);
        assertThat(updated.updatedAt()).isEqualTo(NOW);
        assertThat(updated.occurrences(NOW, minutesFromNow(90), Integer.MAX_VALUE)).containsExactly(NINE, minutesFromNow(75),
                minutesFromNow(90));
    }

    @Test
    void an_update_without_a_name_keeps_the_name() {
        Schedule schedule = everyHourSchedule();

        assertThat(schedule.update(null, schedule.details(), NOW).name()).isEqualTo(schedule.name());
    }

    @Test
    void an_update_keeps_a_pause_and_its_until() {
        Schedule updated = everyHourSchedulePausedUntil(hoursFromNow(5))
                .update(null, ScheduleDetails.of(everyQuarterHourFromNineToday()), NOW);

        assertThat(updated.status()).isEqualTo(ScheduleStatus.PAUSED);
        assertThat(updated.pausedUntil()).contains(hoursFromNow(5));
    }

    @Test
    void an_update_that_changes_the_timing_clears_skipped_occurrences() {
        Schedule skipped = everyHourSchedule().skipOccurrence(TEN, NOW);

        Schedule updated = skipped.update(null, ScheduleDetails.of(everyQuarterHourFromNineToday()), NOW);

        assertThat(updated.skippedOccurrences()).isEmpty();
    }

    @Test
    void an_update_that_keeps_the_timing_keeps_skipped_occurrences() {
        Schedule skipped = everyHourSchedule().skipOccurrence(TEN, NOW);
        ScheduleDetails sameTimingNewParameters = new ScheduleDetails(everyHourFromNineToday(),
                parameters("category", "toys"), MisfirePolicy.SKIP, OverlapPolicy.QUEUE_ONE, null);

        Schedule updated = skipped.update("renamed", sameTimingNewParameters, NOW);

        assertThat(updated.skippedOccurrences()).containsExactly(TEN);
        assertThat(updated.occurrences(NOW, ELEVEN, Integer.MAX_VALUE)).containsExactly(NINE, ELEVEN);
    }

    @Test
    void the_version_the_caller_read_passes() {
        Schedule schedule = everyHourScheduleIn(ScheduleStatus.ACTIVE);

        assertThat(schedule.requireVersion(STORED_VERSION)).isSameAs(schedule);
    }

    @Test
    void a_stale_version_is_a_conflict_naming_both_versions() {
        Schedule schedule = everyHourScheduleIn(ScheduleStatus.ACTIVE);

        assertThatThrownBy(() -> schedule.requireVersion(STORED_VERSION - 1))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                    assertThat(e.kind()).isEqualTo("schedule");
                    assertThat(e.id()).isEqualTo(anyScheduleId().value());
                    assertThat(e.expectedVersion()).isEqualTo(STORED_VERSION - 1);
                    assertThat(e.actualVersion()).isEqualTo(STORED_VERSION);
                    assertThat(e.getMessage()).contains("6").contains("7");
                });
    }

    @Test
    void two_states_of_a_schedule_are_equal_only_at_the_same_version() {
        Schedule schedule = everyHourSchedule();

        assertThat(schedule).isEqualTo(everyHourSchedule()).hasSameHashCodeAs(everyHourSchedule());
        assertThat(schedule.skipOccurrence(TEN, NOW)).isNotEqualTo(schedule);
    }

    @Test
    void a_name_longer_than_allowed_is_rejected() {
        Schedule schedule = everyHourSchedule();

        assertThatThrownBy(() -> schedule.update("n".repeat(Schedule.MAX_NAME_LENGTH + 1), schedule.details(), NOW))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.violations().get(0).field()).isEqualTo("name"));
    }

    @Test
    void a_one_time_schedule_is_exhausted_after_its_instant() {
        Schedule once = activeOneTimeSchedule(TEN);

        assertThat(once.occurrences(NOW, hoursFromNow(100), Integer.MAX_VALUE)).containsExactly(TEN);
        assertThat(once.isExhaustedAfter(NINE)).isFalse();
        assertThat(once.isExhaustedAfter(TEN)).isTrue();
    }
}
