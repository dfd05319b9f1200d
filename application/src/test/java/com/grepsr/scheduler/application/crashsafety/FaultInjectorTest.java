package com.grepsr.scheduler.application.crashsafety;

import com.grepsr.scheduler.application.port.out.TransactionPort;
import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The harness itself: a kill lands exactly where it is armed, and only there. */
class FaultInjectorTest {

    /** Transactions that only tell the injector; what they hold is the test's business. */
    private static TransactionPort around(FaultInjector faults) {
        return new FaultyTransactions(new TransactionPort() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return work.get();
            }
        }, faults);
    }

    @Test
    void before_fires_at_the_armed_occurrence_and_never_again() {
        FaultInjector faults = new FaultInjector(CrashPoint.BEFORE_CLAIM_COMMIT, 1);
        assertThatThrownBy(() -> faults.before(Step.CLAIM)).isInstanceOf(ReplicaKilled.class);
        faults.before(Step.CLAIM);
        assertThat(faults.fired()).isTrue();
    }

    @Test
    void after_commit_waits_for_the_outermost_transaction_to_commit() {
        FaultInjector faults = new FaultInjector(CrashPoint.TASK_COMMITTED_BEFORE_LAUNCH, 2);
        TransactionPort tx = around(faults);
        tx.run(() -> {
            faults.before(Step.TASK_INSERT);
            faults.after(Step.TASK_INSERT); // the first insert: not armed
        });
        boolean[] workFinished = {false};
        assertThatThrownBy(() -> tx.run(() -> {
            tx.run(() -> {
                faults.before(Step.TASK_INSERT);
                faults.after(Step.TASK_INSERT);
            });
            assertThat(faults.fired()).as("not inside the nested transaction").isFalse();
            workFinished[0] = true;
        })).isInstanceOf(ReplicaKilled.class);
        assertThat(workFinished[0]).isTrue();
        assertThat(faults.fired()).isTrue();
    }

    @Test
    void a_step_rolled_back_by_another_failure_does_not_count() {
        FaultInjector faults = new FaultInjector(CrashPoint.TASK_COMMITTED_BEFORE_LAUNCH, 1);
        TransactionPort tx = around(faults);
        assertThatThrownBy(() -> tx.run(() -> {
            faults.before(Step.TASK_INSERT);
            faults.after(Step.TASK_INSERT);
            throw new IllegalStateException("the history insert failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(faults.fired()).isFalse();
        assertThatThrownBy(() -> tx.run(() -> {
            faults.before(Step.TASK_INSERT);
            faults.after(Step.TASK_INSERT);
        })).isInstanceOf(ReplicaKilled.class);
    }

    @Test
    void a_lost_response_is_an_exception_the_replica_survives_not_a_kill() {
        FaultInjector faults = new FaultInjector(CrashPoint.JOB_CREATED_RESPONSE_LOST, 1);
        faults.before(Step.LAUNCH);
        assertThatThrownBy(() -> faults.after(Step.LAUNCH)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void a_disarmed_injector_never_fires() {
        FaultInjector faults = FaultInjector.disarmed();
        for (Step step : Step.values()) {
            faults.before(step);
            faults.after(step);
        }
        assertThat(faults.fired()).isFalse();
    }
}
