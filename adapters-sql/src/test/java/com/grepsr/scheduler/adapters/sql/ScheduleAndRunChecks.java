package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.RunFilter;
import com.grepsr.scheduler.application.model.ScheduleFilter;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.error.AlreadyExistsException;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.error.VersionConflictException;
import com.grepsr.scheduler.domain.run.MissCause;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleDetails;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;
import com.grepsr.scheduler.domain.schedule.ScheduleTiming;
import com.grepsr.scheduler.domain.task.TaskId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static com.grepsr.scheduler.adapters.sql.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the schedule and run stores must do on every vendor. Concrete classes say which database
 * ({@link #sql()}). The port contracts ({@link SqlContractsSuite}) hold every store to the ports' promises;
 * these checks cover what is SQL-specific: every column read back, microsecond precision, rollback.
 */
abstract class ScheduleAndRunChecks {

    private static final Duration LEASE = Duration.ofMinutes(5);
    private ScheduleStorePort schedules;
    private ScheduledRunStorePort runs;

    /** Adapters over an empty schema. */
    abstract SqlAdapters sql();

    @BeforeEach
    void emptyStores() {
        SqlAdapters sql = sql();
        schedules = sql.schedules();
        runs = sql.runs();
    }

    @Test
    void a_schedule_reads_back_with_every_field() {
        Schedule s = Fixtures.hourlySchedule("s-1", "acct-1");
        schedules.insert(s);
        Schedule back = schedules.find(s.id()).orElseThrow();
        assertThat(back.name()).isEqualTo(s.name());
        assertThat(back.report()).isEqualTo(s.report());
        assertThat(back.details()).isEqualTo(s.details());
        assertThat(back.status()).isEqualTo(ScheduleStatus.ACTIVE);
        assertThat(back.version()).isEqualTo(1);
        assertThat(back.createdAt()).isEqualTo(T0);
        assertThat(back.pausedUntil()).isEmpty();

        Schedule once = Fixtures.oneTimeSchedule("s-2", "acct-1");
        schedules.insert(once);
        assertThat(schedules.find(once.id()).orElseThrow().details()).isEqualTo(once.details());
        assertThat(schedules.find(ScheduleId.of("nope"))).isEmpty();
    }

    @Test
    void wall_clock_times_do_not_pass_through_the_jvm_time_zone() {
        // 02:30 on 2027-03-14 exists in London but not in New York, the zone these tests run in
        LocalDateTime start = LocalDateTime.of(2027, 3, 14, 2, 30);
        ScheduleTiming timing = ScheduleTiming.of(new RecurrenceSpec.FixedInterval(Duration.ofDays(1)),
                ZoneId.of("Europe/London"), start);
        Schedule s = Schedule.create(ScheduleId.of("s-gap"), "gap", Fixtures.report("acct-1"),
                ScheduleDetails.of(timing), T0);
        schedules.insert(s);
        assertThat(schedules.find(s.id()).orElseThrow().timing().start()).isEqualTo(start);
    }

    @Test
    void inserting_a_taken_id_is_already_exists() {
        schedules.insert(Fixtures.hourlySchedule("s-1", "acct-1"));
        assertThatThrownBy(() -> schedules.insert(Fixtures.oneTimeSchedule("s-1", "acct-2")))
                .isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void update_is_compare_and_set_on_the_version() {
        Schedule v1 = Fixtures.hourlySchedule("s-1", "acct-1");
        schedules.insert(v1);
        Instant pauseUntil = T0.plus(Duration.ofDays(2)).plusNanos(123_456_789);
        Schedule v2 = v1.pause(pauseUntil, T0.plusSeconds(60));
        schedules.update(v2, 1);
        assertThat(schedules.find(v1.id()).orElseThrow().pausedUntil()).contains(UtcInstantConverter.stored(pauseUntil));

        Schedule lost = v1.delete(T0.plusSeconds(61)); // a writer that still holds version 1
        assertThatThrownBy(() -> schedules.update(lost, 1)).isInstanceOf(VersionConflictException.class)
                .satisfies(e -> assertThat(((VersionConflictException) e).actualVersion()).isEqualTo(2));

        Schedule v3 = v2.unpause(T0.plusSeconds(62));
        schedules.update(v3, 2);
        Schedule back = schedules.find(v1.id()).orElseThrow();
        assertThat(back.version()).isEqualTo(3);
        assertThat(back.status()).isEqualTo(ScheduleStatus.ACTIVE);
        assertThat(back.pausedUntil()).isEmpty();

        Schedule ghost = Fixtures.oneTimeSchedule("ghost", "acct-1").delete(T0);
        assertThatThrownBy(() -> schedules.update(ghost, 1)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void schedules_list_in_id_order_one_keyset_page_at_a_time() {
        for (int i = 9; i >= 1; i--) {
            schedules.insert(Fixtures.hourlySchedule("s-" + i, i % 3 == 0 ? "acct-3" : "acct-1"));
        }
        List<String> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(2);
        ScheduleFilter acct1 = new ScheduleFilter(Optional.of(AccountId.of("acct-1")), null, null, null);
        Page<Schedule> page;
        do {
            page = schedules.list(acct1, request);
            page.items().forEach(s -> seen.add(s.id().value()));
            request = new PageRequest(2, page.nextPageToken());
        } while (page.hasNext());
        assertThat(seen).containsExactly("s-1", "s-2", "s-4", "s-5", "s-7", "s-8");
        assertThat(schedules.list(ScheduleFilter.withStatuses(Set.of(ScheduleStatus.PAUSED)), PageRequest.first(10))
                .items()).isEmpty();
        assertThatThrownBy(() -> schedules.list(ScheduleFilter.all(), new PageRequest(2, "garbage")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void paused_schedules_due_to_resume_are_found() {
        Schedule a = Fixtures.hourlySchedule("s-1", "acct-1");
        Schedule b = Fixtures.hourlySchedule("s-2", "acct-1");
        schedules.insert(a);
        schedules.insert(b);
        schedules.update(a.pause(T0.plusSeconds(100), T0), 1);
        schedules.update(b.pause(T0.plusSeconds(300), T0), 1);
        assertThat(schedules.findPausedUntil(T0.plusSeconds(100), 10)).extracting(Schedule::id)
                .containsExactly(a.id());
    }

    @Test
    void insert_if_absent_counts_only_new_occurrences() {
        List<ScheduledRun> first = IntStream.range(0, 3)
                .mapToObj(i -> Fixtures.run("r-" + i, "s-1", T0.plusSeconds(3600L * i))).toList();
        assertThat(runs.insertIfAbsent(first)).isEqualTo(3);
        List<ScheduledRun> again = new ArrayList<>(first);
        again.add(Fixtures.run("r-other-id", "s-1", T0)); // same occurrence, new id: still a duplicate
        again.add(Fixtures.run("r-3", "s-1", T0.plusSeconds(3 * 3600L)));
        again.add(Fixtures.run("r-3", "s-1", T0.plusSeconds(3 * 3600L))); // twice in one batch
        assertThat(runs.insertIfAbsent(again)).isEqualTo(1);
        assertThat(runs.insertIfAbsent(List.of())).isZero();
        assertThat(runs.latestFireAt(ScheduleId.of("s-1"))).contains(T0.plusSeconds(3 * 3600L));
        assertThat(runs.find(first.get(1).id())).contains(first.get(1));
    }

    @Test
    void claims_are_exclusive_oldest_first_until_the_lease_ends() {
        List<ScheduledRun> due = IntStream.range(0, 10)
                .mapToObj(i -> Fixtures.run("r-" + i, "s-" + (i % 3), T0.plusSeconds(i))).toList();
        runs.insertIfAbsent(due);
        runs.insertIfAbsent(List.of(Fixtures.run("r-late", "s-9", T0.plusSeconds(3600))));
        Instant now = T0.plusSeconds(60);

        List<ScheduledRun> a = runs.claimDue(now, 4, "replica-a", LEASE);
        List<ScheduledRun> b = runs.claimDue(now, 100, "replica-b", LEASE);
        assertThat(a).extracting(r -> r.id().value()).containsExactly("r-0", "r-1", "r-2", "r-3");
        assertThat(b).extracting(r -> r.id().value()).containsExactly("r-4", "r-5", "r-6", "r-7", "r-8", "r-9");
        assertThat(runs.claimDue(now, 100, "replica-c", LEASE)).isEmpty();
        assertThat(runs.nextDueAt()).contains(now.plus(LEASE)); // when the claims could lapse

        assertThat(runs.settle(a.get(0).dispatch(TaskId.of("t-0"), now))).isTrue();
        assertThat(runs.settle(a.get(0).miss(MissCause.DEADLINE, now))).isFalse();
        assertThat(runs.find(a.get(0).id()).orElseThrow().status()).isEqualTo(RunStatus.DISPATCHED);

        // replica-a died holding r-1..r-3: after the lease they are claimable again
        List<ScheduledRun> retaken = runs.claimDue(now.plus(LEASE), 3, "replica-c", LEASE);
        assertThat(retaken).extracting(r -> r.id().value()).containsExactly("r-1", "r-2", "r-3");
    }

    @Test
    void delete_pending_after_spares_claimed_and_settled_runs() {
        runs.insertIfAbsent(IntStream.range(0, 5)
                .mapToObj(i -> Fixtures.run("r-" + i, "s-1", T0.plusSeconds(60L * i))).toList());
        ScheduledRun claimed = runs.claimDue(T0, 1, "replica-a", LEASE).get(0);
        assertThat(claimed.id().value()).isEqualTo("r-0");
        runs.settle(runs.find(claimed.id()).orElseThrow().skip(null, T0));
        runs.claimDue(T0.plusSeconds(60), 1, "replica-a", LEASE); // r-1 stays claimed
        assertThat(runs.deletePendingAfter(ScheduleId.of("s-1"), T0.minusSeconds(1))).isEqualTo(3);
        assertThat(runs.find(claimed.id())).isPresent();
    }

    @Test
    void runs_list_in_fire_order_both_ways_with_filters() {
        runs.insertIfAbsent(IntStream.range(0, 7)
                .mapToObj(i -> Fixtures.run("r-" + i, "s-" + (i % 2), T0.plusSeconds(i / 2))).toList());
        RunFilter upcoming = RunFilter.none().withStatuses(Set.of(RunStatus.PENDING)).firingFrom(T0)
                .firingUntil(T0.plusSeconds(2));
        assertThat(all(upcoming, 2)).containsExactly("r-0", "r-1", "r-2", "r-3", "r-4", "r-5");
        RunFilter newest = RunFilter.none().withSchedule(ScheduleId.of("s-0")).sortedNewestFirst();
        assertThat(all(newest, 3)).containsExactly("r-6", "r-4", "r-2", "r-0");
    }

    private List<String> all(RunFilter filter, int size) {
        List<String> ids = new ArrayList<>();
        PageRequest request = PageRequest.first(size);
        Page<ScheduledRun> page;
        do {
            page = runs.list(filter, request);
            page.items().forEach(r -> ids.add(r.id().value()));
            request = new PageRequest(size, page.nextPageToken());
        } while (page.hasNext());
        return ids;
    }
}
