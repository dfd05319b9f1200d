package com.grepsr.scheduler.domain.run;

import com.grepsr.scheduler.domain.error.IllegalTransitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;

import static com.grepsr.scheduler.domain.DomainFixtures.NOW;
import static com.grepsr.scheduler.domain.DomainFixtures.anyReport;
import static com.grepsr.scheduler.domain.DomainFixtures.anyRunId;
import static com.grepsr.scheduler.domain.DomainFixtures.anyScheduleId;
import static com.grepsr.scheduler.domain.DomainFixtures.anyTaskId;
import static com.grepsr.scheduler.domain.DomainFixtures.hoursFromNow;
import static com.grepsr.scheduler.domain.DomainFixtures.pendingRun;
import static com.grepsr.scheduler.domain.DomainFixtures.runIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A run leaves PENDING exactly once, to one of four ends. */
class ScheduledRunTest {

    private static final Instant SETTLED = hoursFromNow(1).plusSeconds(5);

    /** Each way out of PENDING, named by where it leads. */
    enum Transition {
        DISPATCH(RunStatus.DISPATCHED, run -> run.dispatch(anyTaskId(), SETTLED)),
        MISS(RunStatus.MISSED, run -> run.miss(MissCause.SCHEDULER_DOWN, SETTLED)),
        SKIP(RunStatus.SKIPPED, run -> run.skip(MissCause.OVERLAP, SETTLED)),
        CANCEL(RunStatus.CANCELLED, run -> run.cancel(SETTLED));

        final RunStatus target;
        final Function<ScheduledRun, ScheduledRun> apply;

        Transition(RunStatus target, Function<ScheduledRun, ScheduledRun> apply) {
            this.target = target;
            this.apply = apply;
        }
    }

    @Test
    void a_new_run_is_pending_and_due_at_its_fire_instant() {
        ScheduledRun run = pendingRun();

        assertThat(run.status()).isEqualTo(RunStatus.PENDING);
        assertThat(run.status().isFinal()).isFalse();
        assertThat(run.scheduleId()).isEqualTo(anyScheduleId());
        assertThat(run.report()).isEqualTo(anyReport());
        assertThat(run.createdAt()).isEqualTo(NOW);
        assertThat(run.settledAt()).isNull();
        assertThat(run.task()).isEmpty();
        assertThat(run.isDue(hoursFromNow(1).minusSeconds(1))).isFalse();
        assertThat(run.isDue(hoursFromNow(1))).isTrue();
        assertThat(run.isDue(hoursFromNow(2))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Transition.class)
    void a_pending_run_can_take_each_way_out(Transition transition) {
        ScheduledRun run = pendingRun();

        ScheduledRun settled = transition.apply.apply(run);

        assertThat(settled.status()).isEqualTo(transition.target);
        assertThat(settled.status().isFinal()).isTrue();
        assertThat(settled.settledAt()).isEqualTo(SETTLED);
        assertThat(settled.id()).isEqualTo(anyRunId());
        assertThat(settled.fireAt()).isEqualTo(run.fireAt());
        assertThat(settled.createdAt()).isEqualTo(run.createdAt());
        assertThat(settled.isDue(hoursFromNow(5))).as("a settled run is never due again").isFalse();
    }

    @Test
    void a_dispatched_run_names_its_task() {
        assertThat(runIn(RunStatus.DISPATCHED).task()).contains(anyTaskId());
        assertThat(runIn(RunStatus.DISPATCHED).missCause()).isNull();
    }

    @Test
    void a_missed_run_says_why() {
        assertThat(runIn(RunStatus.MISSED).missCause()).isEqualTo(MissCause.SCHEDULER_DOWN);
        assertThat(runIn(RunStatus.MISSED).task()).isEmpty();
    }

    @Test
    void a_run_skipped_by_the_overlap_policy_says_so_and_a_skipped_occurrence_needs_no_cause() {
        assertThat(runIn(RunStatus.SKIPPED).missCause()).isEqualTo(MissCause.OVERLAP);
        assertThat(pendingRun().skip(null, SETTLED).missCause()).isNull();
    }

    @Test
    void a_cancelled_run_has_no_task_and_no_cause() {
        ScheduledRun cancelled = runIn(RunStatus.CANCELLED);

        assertThat(cancelled.task()).isEmpty();
        assertThat(cancelled.missCause()).isNull();
    }

    @Test
    void dispatching_needs_a_task_and_missing_needs_a_cause() {
        assertThatThrownBy(() -> pendingRun().dispatch(null, SETTLED)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> pendingRun().miss(null, SETTLED)).isInstanceOf(NullPointerException.class);
    }

    static Stream<Arguments> everySettledStatusAndTransition() {
        return Arrays.stream(RunStatus.values()).filter(RunStatus::isFinal)
                .flatMap(status -> Arrays.stream(Transition.values()).map(t -> Arguments.of(status, t)));
    }

    @ParameterizedTest(name = "{0} then {1}")
    @MethodSource("everySettledStatusAndTransition")
    void a_settled_run_never_moves_again(RunStatus settled, Transition transition) {
        ScheduledRun run = runIn(settled);

        assertThatThrownBy(() -> transition.apply.apply(run))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.kind()).isEqualTo("scheduled run");
                    assertThat(e.id()).isEqualTo(anyRunId().value());
                    assertThat(e.from()).isEqualTo(settled.name());
                    assertThat(e.to()).isEqualTo(transition.target.name());
                });
    }
}
