package com.grepsr.scheduler.domain.schedule;

import com.grepsr.scheduler.domain.error.IllegalTransitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

import static com.grepsr.scheduler.domain.DomainFixtures.NOW;
import static com.grepsr.scheduler.domain.DomainFixtures.STORED_VERSION;
import static com.grepsr.scheduler.domain.DomainFixtures.anyReport;
import static com.grepsr.scheduler.domain.DomainFixtures.anyScheduleId;
import static com.grepsr.scheduler.domain.DomainFixtures.everyHourFromNineToday;
import static com.grepsr.scheduler.domain.DomainFixtures.everyHourScheduleIn;
import static com.grepsr.scheduler.domain.schedule.ScheduleStatus.ACTIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every (status, target) pair of the schedule lifecycle, through the transition that aims at the
 * target: pause → PAUSED, unpause → ACTIVE, complete → COMPLETED, delete → DELETED.
 */
class ScheduleLifecycleTest {

    /**
     * The documented lifecycle, written out: ACTIVE ⇄ PAUSED, either → DELETED, ACTIVE → COMPLETED,
     * COMPLETED → DELETED, DELETED final. Pausing a paused schedule is allowed (it changes the until).
     */
    private static final String LIFECYCLE = """
            from       | ACTIVE | PAUSED | COMPLETED | DELETED
            ACTIVE     |   -    |   ok   |    ok     |   ok
            PAUSED     |   ok   |   ok   |    -      |   ok
            COMPLETED  |   -    |   -    |    -      |   ok
            DELETED    |   -    |   -    |    -      |   -
            """;

    static Stream<Arguments> everyStatusAndTarget() {
        Map<ScheduleStatus, Map<ScheduleStatus, Boolean>> table = parse(LIFECYCLE);
        return Arrays.stream(ScheduleStatus.values()).flatMap(from -> Arrays.stream(ScheduleStatus.values())
                .map(to -> Arguments.of(from, to, table.get(from).get(to))));
    }

    @Test
    void the_expected_table_covers_every_pair_of_statuses() {
        Map<ScheduleStatus, Map<ScheduleStatus, Boolean>> table = parse(LIFECYCLE);
        assertThat(table).containsOnlyKeys(ScheduleStatus.values());
        table.values().forEach(row -> assertThat(row).containsOnlyKeys(ScheduleStatus.values()));
    }

    @ParameterizedTest(name = "{0} → {1} allowed: {2}")
    @MethodSource("everyStatusAndTarget")
    void a_schedule_moves_only_where_the_lifecycle_allows(ScheduleStatus from, ScheduleStatus to, boolean allowed) {
        Schedule schedule = everyHourScheduleIn(from);

        if (allowed) {
            Schedule next = moveTo(schedule, to);
            assertThat(next.status()).isEqualTo(to);
            assertThat(next.version()).isEqualTo(STORED_VERSION + 1);
            assertThat(next.updatedAt()).isEqualTo(NOW);
            assertThat(next.createdAt()).isEqualTo(schedule.createdAt());
            assertThat(next.id()).isEqualTo(schedule.id());
            assertThat(schedule.status()).as("the original is unchanged").isEqualTo(from);
        } else {
            assertThatThrownBy(() -> moveTo(schedule, to))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                        assertThat(e.kind()).isEqualTo("schedule");
                        assertThat(e.id()).isEqualTo(anyScheduleId().value());
                        assertThat(e.from()).isEqualTo(from.name());
                        assertThat(e.to()).isEqualTo(to.name());
                    });
        }
    }

    @ParameterizedTest(name = "{0} → {1} allowed: {2}")
    @MethodSource("everyStatusAndTarget")
    void the_status_enum_agrees_with_the_lifecycle_except_that_a_repeated_pause_is_not_a_move(
            ScheduleStatus from, ScheduleStatus to, boolean allowed) {
        boolean expected = allowed && from != to;
        assertThat(from.canMoveTo(to)).isEqualTo(expected);
    }

    @Test
    void a_new_schedule_is_active_at_version_one() {
        Schedule schedule = Schedule.create(anyScheduleId(), "  prices  ", anyReport(),
                ScheduleDetails.of(everyHourFromNineToday()), NOW);

        assertThat(schedule.status()).isEqualTo(ACTIVE);
        assertThat(schedule.isActive()).isTrue();
        assertThat(schedule.version()).isEqualTo(1);
        assertThat(schedule.createdAt()).isEqualTo(NOW);
        assertThat(schedule.updatedAt()).isEqualTo(NOW);
        assertThat(schedule.name()).isEqualTo("prices");
        assertThat(schedule.pausedUntil()).isEmpty();
        assertThat(schedule.skippedOccurrences()).isEmpty();
    }

    @Test
    void leaving_a_pause_forgets_its_until() {
        Schedule paused = everyHourScheduleIn(ACTIVE).pause(NOW.plusSeconds(3600), NOW);

        assertThat(paused.unpause(NOW).pausedUntil()).isEmpty();
        assertThat(paused.delete(NOW).pausedUntil()).isEmpty();
    }

    private static Schedule moveTo(Schedule schedule, ScheduleStatus to) {
        return switch (to) {
            case ACTIVE -> schedule.unpause(NOW);
            case PAUSED -> schedule.pause(null, NOW);
            case COMPLETED -> schedule.complete(NOW);
            case DELETED -> schedule.delete(NOW);
        };
    }

    private static Map<ScheduleStatus, Map<ScheduleStatus, Boolean>> parse(String grid) {
        String[] lines = grid.strip().split("\n");
        String[] header = cells(lines[0]);
        Map<ScheduleStatus, Map<ScheduleStatus, Boolean>> table = new EnumMap<>(ScheduleStatus.class);
        for (int i = 1; i < lines.length; i++) {
            String[] row = cells(lines[i]);
            Map<ScheduleStatus, Boolean> targets = new EnumMap<>(ScheduleStatus.class);
            for (int c = 1; c < row.length; c++) {
                targets.put(ScheduleStatus.valueOf(header[c]), row[c].equals("ok"));
            }
            table.put(ScheduleStatus.valueOf(row[0]), targets);
        }
        return table;
    }

    private static String[] cells(String line) {
        return Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
    }
}
