package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.model.CrawlerTokens;
import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A crawler launcher without crawlers: each launch starts after {@code startDelay}, runs for
 * {@code runTime} and then ends with the configured outcome, all measured on the injected clock
 * (so tests drive it with a settable clock). Launches past their task's timeout report
 * DEADLINE_EXCEEDED. Each launch keeps the crawler token a real crawler would be handed
 * ({@link #tokenOf}), so tests can report as the crawler. Usable by other applications' tests and
 * by the embedded mode.
 */
public final class SimulatedCrawlerLauncher implements CrawlerLauncherPort {

    /** How a simulated crawl ends. */
    public enum Outcome { SUCCEED, FAIL }

    /** One launch, with the settings in force when it was made (later changes do not rewrite it). */
    private record Launch(Task task, Instant at, Duration startDelay, Duration runTime, Outcome outcome,
                          Duration deadline, Optional<String> token) {
    }

    private final Clock clock;
    private final Map<String, Launch> launches = new ConcurrentHashMap<>();
    private final AtomicInteger launchCalls = new AtomicInteger();
    private final List<Task> launched = new CopyOnWriteArrayList<>();
    private volatile Duration startDelay = Duration.ZERO;
    private volatile Duration runTime;
    private volatile Function<Task, Outcome> outcome = t -> Outcome.SUCCEED;
    private volatile CrawlerTokens tokens = CrawlerTokens.disabled();

    public SimulatedCrawlerLauncher(Clock clock, Duration runTime) {
        this.clock = clock;
        this.runTime = runTime;
    }

    /** How long crawls launched from now on run. */
    public SimulatedCrawlerLauncher runTime(Duration value) {
        this.runTime = value;
        return this;
    }

    /** How long launches made from now on stay PENDING before RUNNING. */
    public SimulatedCrawlerLauncher startDelay(Duration value) {
        this.startDelay = value;
        return this;
    }

    /** Decides each new launch's outcome (asked once per launch, when it is made). */
    public SimulatedCrawlerLauncher outcome(Function<Task, Outcome> decide) {
        this.outcome = decide;
        return this;
    }

    /** Signs the crawler tokens of launches made from now on (none while disabled, the default). */
    public SimulatedCrawlerLauncher crawlerTokens(CrawlerTokens value) {
        this.tokens = Objects.requireNonNull(value, "value");
        return this;
    }

    @Override
    public String launch(Task task, CrawlerSpec crawler) {
        launchCalls.incrementAndGet();
        String name = nameOf(task);
        Duration deadline = task.origin().timeout() != null ? task.origin().timeout() : crawler.defaultTimeout();
        launches.computeIfAbsent(name, n -> {
            launched.add(task);
            return new Launch(task, clock.instant(), startDelay, runTime, outcome.apply(task), deadline,
                    tokens.issue(task));
        });
        return name;
    }

    @Override
    public void stop(String launchName) {
        launches.remove(launchName);
    }

    @Override
    public Optional<String> launchNameOf(TaskId task) {
        return Optional.of(nameOf(task));
    }

    @Override
    public Map<String, LaunchState> inspect(Collection<String> launchNames) {
        Instant now = clock.instant();
        Map<String, LaunchState> states = new LinkedHashMap<>();
        for (String name : launchNames) {
            Launch l = launches.get(name);
            states.put(name, l == null ? LaunchState.NOT_FOUND : stateOf(l, now));
        }
        return states;
    }

    /** Forgets a launch, as if its Job were deleted behind the scheduler's back. */
    public void vanish(String launchName) {
        launches.remove(launchName);
    }

    /** The crawler token the launch was handed; empty for an unknown launch or without a secret. */
    public Optional<String> tokenOf(String launchName) {
        return Optional.ofNullable(launches.get(launchName)).flatMap(Launch::token);
    }

    /** Launches currently known (not stopped or vanished). */
    public int liveLaunches() {
        return launches.size();
    }

    /**
     * Every task launched so far, in launch order, each once (a repeated launch of the same task is
     * not listed again), stopped and vanished ones included: what a test asserts was started.
     */
    public List<Task> launchedTasks() {
        return List.copyOf(launched);
    }

    /** How many times {@link #launch} was called (repeats included). */
    public int launchCalls() {
        return launchCalls.get();
    }

    /** The launch name of a task: derived from its id alone, as a real launcher's is. */
    public static String nameOf(Task task) {
        return nameOf(task.id());
    }

    private static String nameOf(TaskId task) {
        return "crawl-" + task.value().toLowerCase(java.util.Locale.ROOT);
    }

    private LaunchState stateOf(Launch l, Instant now) {
        Instant started = l.at().plus(l.startDelay());
        if (now.isBefore(started)) {
            return LaunchState.PENDING;
        }
        Instant ends = started.plus(l.runTime());
        Instant deadline = started.plus(l.deadline());
        if (deadline.isBefore(ends) && !now.isBefore(deadline)) {
            return LaunchState.DEADLINE_EXCEEDED;
        }
        if (now.isBefore(ends)) {
            return LaunchState.RUNNING;
        }
        return l.outcome() == Outcome.SUCCEED ? LaunchState.SUCCEEDED : LaunchState.FAILED;
    }
}
