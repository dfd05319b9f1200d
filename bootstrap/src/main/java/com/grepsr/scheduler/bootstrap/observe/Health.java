package com.grepsr.scheduler.bootstrap.observe;

import com.grepsr.scheduler.application.daemon.DaemonLoop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * What {@code /livez}, {@code /readyz} and the gRPC health service answer.
 * <ul>
 *   <li>Ready: the store answers a query, and every daemon of this process has finished a tick
 *       successfully within its bound (twice its longest planned sleep, plus a margin).</li>
 *   <li>Live: every daemon has finished a tick, failed or not, within its bound plus its longest
 *       back-off. A store outage makes ticks fail fast (not ready, still live: a restart would not
 *       help); a tick that hangs stops the attempts (not live: a restart does help).</li>
 * </ul>
 */
public final class Health {

    /** Slack on top of a daemon's planned sleeps, for a slow but healthy tick. */
    static final Duration TICK_MARGIN = Duration.ofSeconds(10);

    /** The answer, with what is wrong when it is not ok. */
    public record Report(boolean ok, List<String> problems) {

        public Report {
            problems = List.copyOf(problems);
        }

        public String text() {
            return ok ? "ok\n" : String.join("\n", problems) + "\n";
        }
    }

    /**
     * A daemon watched for progress.
     *
     * @param longestSleep the longest it plans to sleep between healthy ticks
     * @param maxBackoff   the longest it waits between failing ticks
     */
    public record Watched(DaemonLoop loop, Duration longestSleep, Duration maxBackoff) {

        Duration readyBound() {
            return longestSleep.multipliedBy(2).plus(TICK_MARGIN);
        }

        Duration liveBound() {
            return readyBound().plus(maxBackoff);
        }
    }

    private final Clock clock;
    private final Callable<?> storeProbe;
    private final Supplier<Optional<String>> schemaProblem;
    private final List<Watched> daemons = new CopyOnWriteArrayList<>();

    /** @param storeProbe a cheap query; throwing means the store is unreachable */
    public Health(Clock clock, Callable<?> storeProbe) {
        this(clock, storeProbe, Optional::empty);
    }

    /**
     * @param storeProbe    a cheap query; throwing means the store is unreachable
     * @param schemaProblem what is wrong with the store's schema for this code, if anything
     */
    public Health(Clock clock, Callable<?> storeProbe, Supplier<Optional<String>> schemaProblem) {
        this.clock = clock;
        this.storeProbe = storeProbe;
        this.schemaProblem = schemaProblem;
    }

    public void watch(Watched daemon) {
        daemons.add(daemon);
    }

    public Report liveness() {
        Instant now = clock.instant();
        List<String> problems = new ArrayList<>();
        for (Watched d : daemons) {
            d.loop().lastAttempt().filter(at -> at.plus(d.liveBound()).isBefore(now)).ifPresent(at ->
                    problems.add(d.loop().name() + ": no tick has ended since " + at + " (bound " + d.liveBound() + ")"));
        }
        return new Report(problems.isEmpty(), problems);
    }

    public Report readiness() {
        Instant now = clock.instant();
        List<String> problems = new ArrayList<>();
        try {
            storeProbe.call();
            schemaProblem.get().ifPresent(p -> problems.add("store: " + p));
        } catch (Exception e) {
            problems.add("store: unreachable (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        for (Watched d : daemons) {
            d.loop().lastSuccess().filter(at -> at.plus(d.readyBound()).isBefore(now)).ifPresent(at -> problems.add(
                    d.loop().name() + ": no successful tick since " + at + " (bound " + d.readyBound() + ")"));
        }
        return new Report(problems.isEmpty(), problems);
    }
}
