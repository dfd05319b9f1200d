package com.grepsr.scheduler.application.crashsafety;

import com.grepsr.scheduler.application.time.SettableClock;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.RunFilter;
import com.grepsr.scheduler.application.model.TimingInput;
import com.grepsr.scheduler.application.port.in.ScheduleUseCase;
import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.application.port.out.RunTriggerPort;
import com.grepsr.scheduler.application.daemon.ActivityRelayDaemon;
import com.grepsr.scheduler.application.daemon.ActivityRelaySettings;
import com.grepsr.scheduler.application.daemon.DaemonSettings;
import com.grepsr.scheduler.application.daemon.ProcessorDaemon;
import com.grepsr.scheduler.application.SchedulerCore;
import com.grepsr.scheduler.application.SchedulerPorts;
import com.grepsr.scheduler.application.common.TimeOrderedIds;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.MisfirePolicy;
import com.grepsr.scheduler.domain.schedule.OverlapPolicy;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.task.TaskId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One crash, then the healing: a few one-time schedules come due together (one processor
 * batch); a victim replica runs the daemon that dies at the armed crash point; then fresh replica
 * objects over the same stores (the dead one's are never touched again) run the processor, the
 * reconciler and the relay while the clock passes the claim lease and the reconciler's grace;
 * finally every crawl ends and the reconciler follows the tasks to their end.
 * {@link CrashInvariants} then checks what must hold whatever the crash point.
 */
public final class CrashScenario {

    /** A winter Tuesday, far from any DST transition. */
    public static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    static final Instant FIRE_AT = T0.plus(Duration.ofMinutes(1));
    static final ReportRef REPORT = ReportRef.of("report-1", "project-1", "acct-1", "amazon-products");
    /** How long the healers wait before their first tick: past the lease and the misfire grace, within the lost grace. */
    static final Duration OUTAGE = Duration.ofSeconds(90);
    static final Duration HEAL_STEP = Duration.ofSeconds(30);
    static final int HEAL_TICKS = 12;

    private final CrashStores stores;
    private final DaemonSettings settings = DaemonSettings.DEFAULTS;
    final SettableClock clock;
    final CountingLauncher cluster = new CountingLauncher();
    final Map<ScheduledRunId, Integer> settlements = new ConcurrentHashMap<>();
    final List<Schedule> schedules = new ArrayList<>();
    /** The runs whose task existed when the victim died: the decision to fire them was durable. */
    Set<TaskId> tasksBeforeHealing = Set.of();
    MisfirePolicy misfire;
    FaultInjector faults;
    boolean killed;
    private int racingHealers;

    /** @param clock the clock the stores stamp times with, starting at {@link #T0}; the scenario moves it */
    public CrashScenario(SettableClock clock, CrashStores stores) {
        this.clock = clock;
        this.stores = stores;
    }

    /** Runs the whole story and returns the checks to make on its end state. */
    public CrashInvariants crashAndHeal(CrashPoint point, int occurrence, int runs, MisfirePolicy misfire,
                                        OverlapPolicy overlap) {
        return crashAndHeal(point, occurrence, runs, misfire, overlap, Duration.ZERO);
    }

    /**
     * {@link #crashAndHeal(CrashPoint, int, int, MisfirePolicy, OverlapPolicy)} with a victim that
     * ticks {@code victimLate} after the runs came due (after an outage: it may settle them MISSED).
     */
    public CrashInvariants crashAndHeal(CrashPoint point, int occurrence, int runs, MisfirePolicy misfire,
                                        OverlapPolicy overlap, Duration victimLate) {
        this.misfire = misfire;
        this.faults = new FaultInjector(point, occurrence);
        SchedulerCore setup = replica(FaultInjector.disarmed(), cluster);
        for (int i = 0; i < runs; i++) {
            schedules.add(setup.useCases().schedule().execute(Caller.system(), new ScheduleUseCase.Command("crash " + i, REPORT,
                    TimingInput.of(new RecurrenceSpec.OneTime(LocalDateTime.ofInstant(FIRE_AT, ZoneOffset.UTC)),
                            "UTC", null), null, misfire, overlap, Optional.empty())).schedule());
        }
        setup.calculator().tick(clock.instant());
        clock.set(FIRE_AT.plus(victimLate));
        crash(point);
        tasksBeforeHealing = stores.tasks().findAll(runIds().stream().map(r -> TaskId.of(r.value())).toList())
                .stream().map(t -> t.id()).collect(Collectors.toSet());
        heal();
        return new CrashInvariants(this, stores);
    }

    private void crash(CrashPoint point) {
        try {
            switch (point.victim()) {
                case PROCESSOR -> victimProcessor(replica(faults, new FaultyLauncher(cluster, faults)), point)
                        .tick(clock.instant());
                case RECONCILER -> {
                    // a processor that could not reach the cluster leaves QUEUED tasks for the reconciler
                    replica(FaultInjector.disarmed(), FaultyLauncher.unavailable(cluster)).processor("p1")
                            .tick(clock.instant());
                    clock.tick(settings.lostGrace().plusSeconds(1));
                    replica(faults, new FaultyLauncher(cluster, faults)).reconciler().tick(clock.instant());
                }
                case RELAY -> {
                    replica(FaultInjector.disarmed(), cluster).processor("p1").tick(clock.instant());
                    relay(faults, ActivityRelaySettings.DEFAULTS.withBatchSize(1)).tick(clock.instant());
                }
            }
        } catch (ReplicaKilled dead) {
            killed = true;
        }
    }

    /**
     * The victim's processor: the in-process one (locking), or one whose trigger cannot join its
     * claim transaction, as a remote trigger cannot (leasing): OneTimeRun one run at a time.
     */
    private static ProcessorDaemon victimProcessor(SchedulerCore replica, CrashPoint point) {
        if (point.path() == CrashPoint.Path.LOCKED) {
            return replica.processor("victim");
        }
        RunTriggerPort inProcess = replica.inProcessTrigger();
        RunTriggerPort remoteLike = inProcess::trigger;
        return replica.processor("victim", remoteLike);
    }

    /**
     * Makes the healing start with {@code healers} replicas (each its own processor and reconciler,
     * on its own thread) ticking at the same instant, past both the claim lease and the lost
     * grace: processors race for the dead replica's runs while reconcilers race them to relaunch
     * its QUEUED tasks.
     */
    public CrashScenario racingHealers(int healers) {
        this.racingHealers = healers;
        return this;
    }

    private void race() {
        clock.tick(settings.lostGrace().plusSeconds(1));
        Instant now = clock.instant();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racingHealers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < racingHealers; i++) {
                SchedulerCore healer = replica(FaultInjector.disarmed(), cluster);
                var processor = healer.processor("racer-" + i);
                var reconciler = healer.reconciler();
                done.add(pool.submit(() -> {
                    start.await();
                    processor.tick(now);
                    reconciler.tick(now);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new AssertionError("a racing healer failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void heal() {
        if (racingHealers > 0) {
            race();
        }
        clock.tick(OUTAGE);
        SchedulerCore healer = replica(FaultInjector.disarmed(), cluster);
        var processor = healer.processor("healer");
        var reconciler = healer.reconciler();
        Optional<ActivityRelayDaemon> relay = stores.feed().map(f -> relay(FaultInjector.disarmed(),
                ActivityRelaySettings.DEFAULTS));
        for (int i = 0; i < HEAL_TICKS; i++) {
            Instant now = clock.instant();
            processor.tick(now);
            reconciler.tick(now);
            relay.ifPresent(r -> r.tick(now));
            clock.tick(HEAL_STEP);
        }
        cluster.endAllCrawls();
        reconciler.tick(clock.instant());
        relay.ifPresent(r -> r.tick(clock.instant()));
    }

    /** The runs of the scenario's schedules (one each). */
    public List<ScheduledRunId> runIds() {
        List<ScheduledRunId> ids = new ArrayList<>();
        for (Schedule s : schedules) {
            RunFilter ofSchedule = RunFilter.none().withSchedule(s.id());
            stores.runs().list(ofSchedule, PageRequest.first(10)).items().forEach(r -> ids.add(r.id()));
        }
        return ids;
    }

    /** A replica: fresh service objects over the shared stores, its ports reporting to {@code f}. */
    private SchedulerCore replica(FaultInjector f, CrawlerLauncherPort launcher) {
        CrawlerCatalogPort catalog = code -> Optional.of(CrawlerCatalogPort.CrawlerSpec.image("crawler:test"));
        SchedulerPorts ports = new SchedulerPorts(stores.schedules(), new FaultyRunStore(stores.runs(), f, settlements),
                new FaultyTaskStore(stores.tasks(), f), stores.history(), stores.queue(), stores.outbox(), stores.requests(),
                launcher,
                catalog, new FaultyTransactions(stores.tx(), f), new TimeOrderedIds(clock), clock);
        return new SchedulerCore(ports, settings);
    }

    private ActivityRelayDaemon relay(FaultInjector f, ActivityRelaySettings relaySettings) {
        CrashStores.Feed feed = stores.feed().orElseThrow(() -> new IllegalStateException("this test runs no relay"));
        return new ActivityRelayDaemon(stores.outbox(), new FaultyPublisher(feed.publisher(), f),
                new FaultyTransactions(stores.tx(), f), relaySettings, () -> 0.0);
    }
}
