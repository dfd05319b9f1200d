package com.grepsr.scheduler.application.service.races;

import com.grepsr.scheduler.application.contract.Stores;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.RunFilter;
import com.grepsr.scheduler.application.model.TimingInput;
import com.grepsr.scheduler.application.port.in.StopScheduleUseCase;
import com.grepsr.scheduler.application.port.in.UpdateScheduleUseCase;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.application.service.CalculatorDaemon;
import com.grepsr.scheduler.application.service.DaemonSettings;
import com.grepsr.scheduler.application.service.StopScheduleService;
import com.grepsr.scheduler.application.service.TaskStopper;
import com.grepsr.scheduler.application.service.TimeOrderedIds;
import com.grepsr.scheduler.application.service.crashsafety.CountingLauncher;
import com.grepsr.scheduler.application.service.UpdateScheduleService;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleDetails;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleTiming;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static com.grepsr.scheduler.application.contract.ContractFixtures.aReport;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aScheduleId;
import static com.grepsr.scheduler.application.contract.ContractFixtures.walkAllPages;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A schedule change racing the calculator (docs/concurrency.md): the calculator reads a page of
 * due schedules outside its write transaction, so a change can commit between its read and its
 * write, or while its write transaction is open. Whatever the interleaving, no PENDING run may be
 * left on a timing the schedule no longer has (nor on a paused or deleted schedule): the old
 * timing would fire and the new one not, for up to a horizon. A {@link Hold} stops the calculator
 * at the exact place while the change commits. Each store runs these checks ({@link #newStores}).
 */
public abstract class TimingChangeRaceChecks {

    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    /** Two timings with no instant in common, neither due at {@link #NOW}. */
    static final RecurrenceSpec EVEN = new RecurrenceSpec.Cron("1/10 * * * * *");
    static final RecurrenceSpec ODD = new RecurrenceSpec.Cron("6/10 * * * * *");
    static final DaemonSettings SETTINGS = new DaemonSettings(Duration.ofMinutes(10), Duration.ofMinutes(1), 10_000,
            200, Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofDays(7), Duration.ofHours(24));

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private Stores stores;
    private ScheduleId id;

    /** Empty stores of the implementation under test, stamping times from {@code clock}. */
    protected abstract Stores newStores(Clock clock);

    @BeforeEach
    void oneScheduleOnTheEvenTiming() {
        stores = newStores(clock);
        id = aScheduleId();
        stores.schedules().insert(Schedule.create(id, "race", aReport(), ScheduleDetails.of(timing(EVEN)), NOW));
    }

    @Test
    void a_timing_change_committed_between_the_calculators_read_and_its_write_leaves_no_old_run() {
        Hold hold = new Hold();
        CompletableFuture<?> tick = tickHeldAfterItsRead(hold);
        hold.reached();
        changeTimingTo(ODD);
        hold.release();
        join(tick);

        assertEveryPendingRunIsOnTheCurrentTiming();
        calculator(stores.schedules(), stores.runs()).tick(NOW);
        assertThat(pendingRuns()).as("the next tick writes the new timing's runs from now on")
                .hasSize(60).first().extracting(ScheduledRun::fireAt).isEqualTo(NOW.plusSeconds(6));
        assertEveryPendingRunIsOnTheCurrentTiming();
    }

    @Test
    void a_pause_committed_between_the_calculators_read_and_its_write_leaves_no_run() {
        Hold hold = new Hold();
        CompletableFuture<?> tick = tickHeldAfterItsRead(hold);
        hold.reached();
        stop(StopScheduleUseCase.Command.pause(id));
        hold.release();
        join(tick);

        assertThat(pendingRuns()).as("a paused schedule has no PENDING run to be missed later").isEmpty();
    }

    @Test
    void a_delete_committed_between_the_calculators_read_and_its_write_leaves_no_run() {
        Hold hold = new Hold();
        CompletableFuture<?> tick = tickHeldAfterItsRead(hold);
        hold.reached();
        stop(StopScheduleUseCase.Command.delete(id));
        hold.release();
        join(tick);

        assertThat(pendingRuns()).isEmpty();
    }

    /**
     * The change comes while the calculator's write transaction is open, its runs written but not
     * committed: the change must wait for that commit and then remove them, or the calculator must
     * see the change and drop them — and the two must not deadlock.
     */
    @Test
    void a_timing_change_during_the_calculators_write_leaves_no_old_run() throws Exception {
        Hold hold = new Hold();
        ScheduledRunStorePort heldRuns = hold.around(ScheduledRunStorePort.class, stores.runs(), "insertIfAbsent");
        CompletableFuture<?> tick = CompletableFuture.runAsync(() -> calculator(stores.schedules(), heldRuns).tick(NOW));
        hold.reached();
        CompletableFuture<?> change = CompletableFuture.runAsync(() -> changeTimingTo(ODD));
        try {
            change.get(500, TimeUnit.MILLISECONDS); // a store without row locks lets it through
        } catch (TimeoutException waitingForTheCalculator) {
            // the expected case on a store that locks the schedule
        }
        hold.release();
        join(tick);
        join(change);

        assertEveryPendingRunIsOnTheCurrentTiming();
    }

    private CompletableFuture<?> tickHeldAfterItsRead(Hold hold) {
        ScheduleStorePort held = hold.around(ScheduleStorePort.class, stores.schedules(), "dueForCalculation");
        return CompletableFuture.runAsync(() -> calculator(held, stores.runs()).tick(NOW));
    }

    private CalculatorDaemon calculator(ScheduleStorePort schedules, ScheduledRunStorePort runs) {
        return new CalculatorDaemon(schedules, runs, stores.transactions(), new TimeOrderedIds(clock), SETTINGS);
    }

    private void changeTimingTo(RecurrenceSpec spec) {
        Schedule current = stores.schedules().find(id).orElseThrow();
        new UpdateScheduleService(stores.schedules(), stores.runs(), stores.outbox(), stores.transactions(),
                new TimeOrderedIds(clock), clock).execute(Caller.admin("test"), new UpdateScheduleUseCase.Command(
                id, current.version(), null, Optional.of(TimingInput.of(spec, "UTC", start())), null, null, null,
                null, null));
    }

    private void stop(StopScheduleUseCase.Command command) {
        TaskStopper stopper = new TaskStopper(stores.tasks(), stores.history(), stores.queue(), new CountingLauncher(),
                stores.transactions(), clock);
        new StopScheduleService(stores.schedules(), stores.runs(), stopper, stores.outbox(),
                stores.transactions(), new TimeOrderedIds(clock), clock).execute(Caller.admin("test"), command);
    }

    private List<ScheduledRun> pendingRuns() {
        RunFilter pending = RunFilter.none().withSchedule(id).withStatuses(Set.of(RunStatus.PENDING));
        return walkAllPages(PageRequest.MAX_SIZE, page -> stores.runs().list(pending, page));
    }

    private void assertEveryPendingRunIsOnTheCurrentTiming() {
        Schedule current = stores.schedules().find(id).orElseThrow();
        assertThat(pendingRuns()).as("PENDING runs of %s", current.timing())
                .allSatisfy(r -> assertThat(current.isOccurrence(r.fireAt()))
                        .as("%s is an occurrence of the current timing", r.fireAt()).isTrue());
    }

    private static ScheduleTiming timing(RecurrenceSpec spec) {
        return ScheduleTiming.of(spec, ZoneId.of("UTC"), start());
    }

    private static LocalDateTime start() {
        return LocalDateTime.ofInstant(NOW, ZoneOffset.UTC);
    }

    private static void join(CompletableFuture<?> work) {
        try {
            work.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the racing work failed", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the racing work did not finish (deadlock?)", e);
        }
    }

}
