package com.grepsr.scheduler.domain.task;

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
import static com.grepsr.scheduler.domain.DomainFixtures.anyTaskId;
import static com.grepsr.scheduler.domain.DomainFixtures.manualTaskIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every (from, to) pair of task statuses against the documented lifecycle. */
class TaskStatusTest {

    /**
     * The lifecycle as documented: QUEUED → LAUNCHING | STOPPED | FAILED; LAUNCHING → anything but
     * QUEUED or LAUNCHING; RUNNING → any final status; final statuses → nothing. Rows are "from".
     */
    private static final String LIFECYCLE = """
            from      | QUEUED | LAUNCHING | RUNNING | SUCCEEDED | FAILED | STOPPED | TIMED_OUT | LOST
            QUEUED    |   -    |    ok     |    -    |     -     |   ok   |   ok    |     -     |  -
            LAUNCHING |   -    |    -      |    ok   |     ok    |   ok   |   ok    |     ok    |  ok
            RUNNING   |   -    |    -      |    -    |     ok    |   ok   |   ok    |     ok    |  ok
            SUCCEEDED |   -    |    -      |    -    |     -     |   -    |   -     |     -     |  -
            FAILED    |   -    |    -      |    -    |     -     |   -    |   -     |     -     |  -
            STOPPED   |   -    |    -      |    -    |     -     |   -    |   -     |     -     |  -
            TIMED_OUT |   -    |    -      |    -    |     -     |   -    |   -     |     -     |  -
            LOST      |   -    |    -      |    -    |     -     |   -    |   -     |     -     |  -
            """;

    static Stream<Arguments> everyPairOfStatuses() {
        Map<TaskStatus, Map<TaskStatus, Boolean>> table = parse(LIFECYCLE);
        return Arrays.stream(TaskStatus.values()).flatMap(from -> Arrays.stream(TaskStatus.values())
                .map(to -> Arguments.of(from, to, table.get(from).get(to))));
    }

    @Test
    void the_expected_table_covers_every_pair_of_statuses() {
        Map<TaskStatus, Map<TaskStatus, Boolean>> table = parse(LIFECYCLE);
        assertThat(table).containsOnlyKeys(TaskStatus.values());
        table.values().forEach(row -> assertThat(row).containsOnlyKeys(TaskStatus.values()));
    }

    @ParameterizedTest(name = "{0} → {1} allowed: {2}")
    @MethodSource("everyPairOfStatuses")
    void a_status_may_move_only_where_the_lifecycle_allows(TaskStatus from, TaskStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    /** A report of the task's own status is not a move; TaskTest covers it. */
    static Stream<Arguments> everyPairOfDifferentStatuses() {
        return everyPairOfStatuses().filter(pair -> pair.get()[0] != pair.get()[1]);
    }

    @ParameterizedTest(name = "{0} → {1} allowed: {2}")
    @MethodSource("everyPairOfDifferentStatuses")
    void a_task_moves_only_where_the_lifecycle_allows(TaskStatus from, TaskStatus to, boolean allowed) {
        Task task = manualTaskIn(from);
        if (allowed) {
            Task moved = task.moveTo(to, NOW);
            assertThat(moved.status()).isEqualTo(to);
            assertThat(moved.version()).isEqualTo(STORED_VERSION + 1);
            assertThat(moved.updatedAt()).isEqualTo(NOW);
        } else {
            assertThatThrownBy(() -> task.moveTo(to, NOW))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                        assertThat(e.kind()).isEqualTo("task");
                        assertThat(e.id()).isEqualTo(anyTaskId().value());
                        assertThat(e.from()).isEqualTo(from.name());
                        assertThat(e.to()).isEqualTo(to.name());
                    });
        }
    }

    @Test
    void the_final_statuses_are_the_five_ends_of_a_run() {
        assertThat(TaskStatus.finals()).containsExactlyInAnyOrder(TaskStatus.SUCCEEDED, TaskStatus.FAILED,
                TaskStatus.STOPPED, TaskStatus.TIMED_OUT, TaskStatus.LOST);
        assertThat(Arrays.stream(TaskStatus.values()).filter(TaskStatus::isActive))
                .containsExactly(TaskStatus.QUEUED, TaskStatus.LAUNCHING, TaskStatus.RUNNING);
    }

    @Test
    void the_set_of_finals_handed_out_is_a_copy() {
        TaskStatus.finals().clear();

        assertThat(TaskStatus.finals()).hasSize(5);
    }

    private static Map<TaskStatus, Map<TaskStatus, Boolean>> parse(String grid) {
        String[] lines = grid.strip().split("\n");
        String[] header = cells(lines[0]);
        Map<TaskStatus, Map<TaskStatus, Boolean>> table = new EnumMap<>(TaskStatus.class);
        for (int i = 1; i < lines.length; i++) {
            String[] row = cells(lines[i]);
            Map<TaskStatus, Boolean> targets = new EnumMap<>(TaskStatus.class);
            for (int c = 1; c < row.length; c++) {
                targets.put(TaskStatus.valueOf(header[c]), row[c].equals("ok"));
            }
            table.put(TaskStatus.valueOf(row[0]), targets);
        }
        return table;
    }

    private static String[] cells(String line) {
        return Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
    }
}
