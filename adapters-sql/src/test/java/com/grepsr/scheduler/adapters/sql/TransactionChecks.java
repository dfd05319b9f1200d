package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.application.model.StoreConflictException;
import com.grepsr.scheduler.application.port.out.TransactionPort;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.error.AlreadyExistsException;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import com.grepsr.scheduler.domain.event.EventId;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static com.grepsr.scheduler.adapters.sql.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Transactions and the outbox on every vendor. */
abstract class TransactionChecks {

    private SqlAdapters sql;
    private TransactionPort tx;

    abstract SqlAdapters sql();

    @BeforeEach
    void emptyStores() {
        sql = sql();
        tx = sql.transactions();
    }

    @Test
    void a_failed_transaction_leaves_nothing_behind_in_any_store() {
        Schedule s = Fixtures.hourlySchedule("s-1", "acct-1");
        Task t = Fixtures.manualTask("t-1", "acct-1", T0);
        assertThatThrownBy(() -> tx.run(() -> {
            sql.schedules().insert(s);
            sql.outbox().append(Fixtures.createdEvent("e-1", s));
            sql.runs().insertIfAbsent(List.of(Fixtures.run("r-1", "s-1", T0)));
            sql.tasks().insert(t);
            sql.history().append(List.of(TaskHistoryEntry.of(t, Map.of(), TaskHistoryEntry.Source.SCHEDULER, T0)));
            sql.queue().enqueue(TaskId.of("parent-1"), List.of("item"));
            // the writes are visible inside the transaction…
            assertThat(sql.schedules().find(s.id())).isPresent();
            assertThat(sql.outbox().undelivered(10)).hasSize(1);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        // …and gone after the rollback
        assertThat(sql.schedules().find(s.id())).isEmpty();
        assertThat(sql.outbox().undelivered(10)).isEmpty();
        assertThat(sql.runs().nextDueAt()).isEmpty();
        assertThat(sql.tasks().find(t.id())).isEmpty();
        assertThat(sql.history().listByTask(t.id(), com.grepsr.scheduler.application.model.PageRequest.first(5))
                .items()).isEmpty();
        assertThat(sql.queue().pending(TaskId.of("parent-1"))).isZero();
    }

    /**
     * Two units lock two schedules in opposite orders: the database picks a victim, and the
     * transaction port runs the victim's whole unit again once the other committed — both commit,
     * each write once, and the caller never sees the deadlock.
     */
    @Test
    void a_deadlock_victim_is_run_again_as_a_whole_and_both_units_commit() {
        Schedule a = Fixtures.hourlySchedule("s-a", "acct-1");
        Schedule b = Fixtures.hourlySchedule("s-b", "acct-1");
        sql.schedules().insert(a);
        sql.schedules().insert(b);
        CyclicBarrier eachHoldsOne = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<?> ab = two.submit(() -> lockBothThenWrite(a, b, "e-1", eachHoldsOne, attempts));
            Future<?> ba = two.submit(() -> lockBothThenWrite(b, a, "e-2", eachHoldsOne, attempts));
            ab.get(60, TimeUnit.SECONDS);
            ba.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("a unit failed: " + e, e);
        } finally {
            two.shutdownNow();
        }
        assertThat(attempts).as("the victim ran twice").hasValue(3);
        assertThat(sql.outbox().undelivered(10)).extracting(ActivityEvent::id)
                .containsExactlyInAnyOrder(EventId.of("e-1"), EventId.of("e-2"));
    }

    private void lockBothThenWrite(Schedule first, Schedule second, String event, CyclicBarrier eachHoldsOne,
                                   AtomicInteger attempts) {
        AtomicBoolean firstAttempt = new AtomicBoolean(true);
        tx.run(() -> {
            attempts.incrementAndGet();
            sql.schedules().lockIfUnchanged(Map.of(first.id(), 1L));
            if (firstAttempt.getAndSet(false)) {
                try {
                    eachHoldsOne.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the other unit never got its first lock", e);
                }
            }
            sql.schedules().lockIfUnchanged(Map.of(second.id(), 1L));
            sql.outbox().append(Fixtures.createdEvent(event, first));
        });
    }

    @Test
    void a_unit_that_keeps_conflicting_is_given_up_after_a_bounded_number_of_attempts() {
        Schedule s = Fixtures.hourlySchedule("s-1", "acct-1");
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> tx.run(() -> {
            attempts.incrementAndGet();
            sql.schedules().insert(s);
            throw new DataAccessException("simulated", new SQLException("deadlock detected", "40P01"));
        })).isInstanceOf(StoreConflictException.class);
        assertThat(attempts).hasValue(SqlTransactions.ATTEMPTS);
        assertThat(sql.schedules().find(s.id())).isEmpty();

        attempts.set(0);
        assertThatThrownBy(() -> tx.run(() -> {
            attempts.incrementAndGet();
            throw new DataAccessException("not a conflict", new SQLException("syntax", "42601"));
        })).isInstanceOf(DataAccessException.class);
        assertThat(attempts).as("other failures are not retried").hasValue(1);
    }

    @Test
    void nested_transactions_join_the_outer_one() {
        Schedule s = Fixtures.hourlySchedule("s-1", "acct-1");
        assertThatThrownBy(() -> tx.run(() -> {
            tx.run(() -> sql.schedules().insert(s));
            tx.run(() -> sql.outbox().append(Fixtures.createdEvent("e-1", s)));
            throw new IllegalStateException("outer fails after the inner ones returned");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(sql.schedules().find(s.id())).isEmpty();
        assertThat(sql.outbox().undelivered(10)).isEmpty();

        String result = tx.inTransaction(() -> {
            sql.schedules().insert(s);
            return tx.inTransaction(() -> sql.schedules().find(s.id()).orElseThrow().name());
        });
        assertThat(result).isEqualTo(s.name());
        assertThat(sql.schedules().find(s.id())).isPresent();
    }

    @Test
    void a_duplicate_insert_does_not_spoil_the_surrounding_transaction() {
        Schedule s = Fixtures.hourlySchedule("s-1", "acct-1");
        sql.schedules().insert(s);
        tx.run(() -> {
            assertThatThrownBy(() -> sql.schedules().insert(s)).isInstanceOf(AlreadyExistsException.class);
            sql.schedules().insert(Fixtures.hourlySchedule("s-2", "acct-1")); // PostgreSQL would refuse after an error
        });
        assertThat(sql.schedules().find(Fixtures.hourlySchedule("s-2", "acct-1").id())).isPresent();
    }

    @Test
    void outbox_relays_in_append_order_and_marking_is_idempotent() {
        Schedule s = Fixtures.hourlySchedule("s-1", "acct-1");
        tx.run(() -> {
            for (int i = 0; i < 5; i++) {
                sql.outbox().append(Fixtures.createdEvent("e-" + i, s));
            }
        });
        List<ActivityEvent> first = sql.outbox().undelivered(3);
        assertThat(first).extracting(e -> e.id().value()).containsExactly("e-0", "e-1", "e-2");
        assertThat(first.get(0)).isEqualTo(Fixtures.createdEvent("e-0", s));
        sql.outbox().markDelivered(List.of(EventId.of("e-0"), EventId.of("e-2"), EventId.of("unknown")));
        sql.outbox().markDelivered(List.of(EventId.of("e-0")));
        assertThat(sql.outbox().undelivered(10)).extracting(e -> e.id().value()).containsExactly("e-1", "e-3", "e-4");
    }

    @Test
    void instants_keep_microseconds() {
        Instant precise = Instant.parse("2026-12-01T09:00:00.123456789Z");
        Task t = Fixtures.manualTask("t-1", "acct-1", precise);
        sql.tasks().insert(t);
        assertThat(sql.tasks().find(t.id()).orElseThrow().createdAt())
                .isEqualTo(Instant.parse("2026-12-01T09:00:00.123456Z"));
        TaskHistoryEntry e = new TaskHistoryEntry(0, t.id(), null, AccountId.of("acct-1"), TaskStatus.QUEUED, null, "",
                Map.of(), TaskHistoryEntry.Source.USER, Instant.parse("2100-01-01T00:00:00.000001Z"));
        long seq = sql.history().append(List.of(e)).get(0).sequence();
        assertThat(sql.history().find(seq).orElseThrow().at()).isEqualTo(Instant.parse("2100-01-01T00:00:00.000001Z"));
    }

    @Test
    void instants_do_not_pass_through_the_jvm_time_zone() {
        // 02:30 on 2027-03-14 does not exist in New York (spring forward), the zone surefire runs
        // these tests in: a driver that turned the UTC value into a local Timestamp would shift it
        Instant inTheGap = Instant.parse("2027-03-14T02:30:00Z");
        Instant inTheOverlap = Instant.parse("2027-11-07T01:30:00Z"); // 01:30 happens twice there
        sql.tasks().insert(Fixtures.manualTask("t-gap", "acct-1", inTheGap));
        sql.tasks().insert(Fixtures.manualTask("t-overlap", "acct-1", inTheOverlap));
        assertThat(sql.tasks().find(TaskId.of("t-gap")).orElseThrow().createdAt()).isEqualTo(inTheGap);
        assertThat(sql.tasks().find(TaskId.of("t-overlap")).orElseThrow().createdAt()).isEqualTo(inTheOverlap);
    }
}
