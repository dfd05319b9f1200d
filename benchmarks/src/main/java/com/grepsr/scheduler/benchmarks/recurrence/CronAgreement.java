package com.grepsr.scheduler.benchmarks.recurrence;

import com.cronutils.model.time.ExecutionTime;
import com.grepsr.scheduler.domain.recurrence.Recurrence;
import org.springframework.scheduling.support.CronExpression;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.LongUnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks, before a benchmark is measured, that every library gives the same answers for its
 * {@link CronCase}: the first {@value #CHAINED} occurrences after each of the 64 starts, and the
 * whole window after every {@value #WINDOW_STRIDE}th start. (All 64 every-minute windows cost
 * cron-utils alone ~13 s in a fresh fork, and every benchmark runs this check in its own fork.)
 * A speed comparison of libraries that disagree would compare different work, so a disagreement
 * fails the benchmark's setup.
 *
 * <p>Occurrences inside an hour the wall clock repeats (the fall-back night) are left out of the
 * comparison: there the libraries differ by design, not by mistake. Spring and cron-utils fire in
 * both passes of 01:xx, Quartz and ours (by default, {@code DstPolicy}) in the first only. That
 * touches the every-minute case's windows across the first Sunday of November (60 of its 4,320
 * occurrences); how many were left out is printed.
 *
 * <p>The library being measured must take part. Ours may sit out only when it is not the one
 * measured and still throws {@link UnsupportedOperationException} (its cron parser not yet
 * written), so the peers can be measured meanwhile; that is printed as a warning.
 */
final class CronAgreement {

    static final int CHAINED = 5;
    static final int WINDOW_STRIDE = 8;
    private static final long NONE = Long.MIN_VALUE;
    private static final long[] EMPTY = {};

    /** Both passes of every repeated hour near the starts, as [from, to) epoch-second pairs. */
    private static final long[][] REPEATED_HOURS = repeatedHours();

    private CronAgreement() {
    }

    /** @throws IllegalStateException naming the case, the start and each library's answers */
    static void verify(CronCase cron, Library measured, Starts starts) {
        Map<Library, Answers> answers = new EnumMap<>(Library.class);
        for (Library library : Library.values()) {
            try {
                answers.put(library, answersOf(library, cron, starts));
            } catch (UnsupportedOperationException notYetImplemented) {
                if (library == measured) {
                    throw new IllegalStateException(library + " cannot answer " + cron + ": "
                            + notYetImplemented.getMessage(), notYetImplemented);
                }
                System.err.printf("[agreement] WARNING: %s is not compared for %s (%s); measuring %s only against the other peers%n",
                        library, cron, notYetImplemented.getMessage(), measured);
            }
        }
        if (answers.size() < 2) {
            throw new IllegalStateException("fewer than two libraries answer " + cron + "; nothing to compare with");
        }
        for (int i = 0; i < Starts.COUNT; i++) {
            int index = i;
            requireSame(cron, "first " + CHAINED + " after", starts.instants[i], answers, a -> a.chains[index]);
            if (i % WINDOW_STRIDE == 0) {
                requireSame(cron, "window " + Starts.WINDOW + " after", starts.instants[i], answers, a -> a.windows[index]);
            }
        }
        long leftOut = answers.values().stream()
                .flatMap(a -> Stream.concat(Arrays.stream(a.chains), Arrays.stream(a.windows)))
                .flatMapToLong(Arrays::stream)
                .filter(CronAgreement::inRepeatedHour)
                .count();
        if (leftOut > 0) {
            System.err.printf("[agreement] %s: %d answers (all libraries together) fell in a repeated fall-back hour"
                    + " and were not compared%n", cron, leftOut);
        }
    }

    private static long[][] repeatedHours() {
        ZoneRules rules = Starts.ZONE.getRules();
        List<long[]> hours = new ArrayList<>();
        Instant from = Starts.FIRST.minus(Duration.ofDays(400));
        Instant to = Starts.FIRST.plus(Duration.ofDays(800));
        for (ZoneOffsetTransition t = rules.nextTransition(from); t != null && t.getInstant().isBefore(to);
                t = rules.nextTransition(t.getInstant())) {
            if (t.isOverlap()) {
                long repeated = t.getDuration().negated().getSeconds();
                long at = t.getInstant().getEpochSecond();
                hours.add(new long[] {at - repeated, at + repeated});
            }
        }
        return hours.toArray(long[][]::new);
    }

    /** True inside either pass of a wall-clock hour that {@link Starts#ZONE} repeats (fall back). */
    static boolean inRepeatedHour(long epochSecond) {
        for (long[] hour : REPEATED_HOURS) {
            if (epochSecond >= hour[0] && epochSecond < hour[1]) {
                return true;
            }
        }
        return false;
    }

    private static long[] comparable(long[] seconds) {
        return Arrays.stream(seconds).filter(s -> !inRepeatedHour(s)).toArray();
    }

    private record Answers(long[][] chains, long[][] windows) {
    }

    private static void requireSame(CronCase cron, String what, Instant start, Map<Library, Answers> answers,
            Function<Answers, long[]> pick) {
        long[] reference = null;
        for (Answers a : answers.values()) {
            long[] these = comparable(pick.apply(a));
            if (reference == null) {
                reference = these;
            } else if (!Arrays.equals(reference, these)) {
                String detail = answers.entrySet().stream()
                        .map(e -> "  " + e.getKey() + " " + render(pick.apply(e.getValue())))
                        .collect(Collectors.joining("\n"));
                throw new IllegalStateException("libraries disagree on " + cron + " (" + cron.ours() + " in "
                        + Starts.ZONE + "), " + what + " " + start + ":\n" + detail);
            }
        }
    }

    private static String render(long[] seconds) {
        if (seconds.length > 12) {
            return seconds.length + " occurrences, " + render(Arrays.copyOf(seconds, 6)) + " ... "
                    + render(Arrays.copyOfRange(seconds, seconds.length - 6, seconds.length));
        }
        return Arrays.stream(seconds)
                .mapToObj(s -> s == NONE ? "none" : Instant.ofEpochSecond(s).atZone(Starts.ZONE).toOffsetDateTime().toString())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** One library's answers through the very calls its benchmarks measure. */
    private record Probe(LongUnaryOperator next, IntFunction<long[]> window) {
    }

    private static Probe probe(Library library, CronCase cron, Starts starts) {
        return switch (library) {
            case OURS -> {
                Recurrence r = CronEngines.ours(cron);
                yield new Probe(s -> r.next(Instant.ofEpochSecond(s)).map(Instant::getEpochSecond).orElse(NONE),
                        i -> instants(r.occurrences(starts.instants[i], starts.windowEndInstants[i])));
            }
            case SPRING -> {
                CronExpression c = CronEngines.spring(cron);
                yield new Probe(s -> seconds(c.next(zoned(s))),
                        i -> zoned(CronEngines.springWindow(c, starts.zoned[i], starts.windowEndZoned[i])));
            }
            case QUARTZ -> {
                org.quartz.CronExpression c = CronEngines.quartz(cron);
                yield new Probe(s -> seconds(c.getNextValidTimeAfter(new Date(s * 1000))),
                        i -> CronEngines.quartzWindow(c, starts.dates[i], starts.windowEndDates[i]).stream()
                                .mapToLong(CronAgreement::seconds).toArray());
            }
            case CRON_UTILS -> {
                ExecutionTime c = CronEngines.cronUtils(cron);
                yield new Probe(s -> c.nextExecution(zoned(s)).map(CronAgreement::seconds).orElse(NONE),
                        i -> zoned(CronEngines.cronUtilsWindow(c, starts.zoned[i], starts.windowEndZoned[i])));
            }
        };
    }

    private static Answers answersOf(Library library, CronCase cron, Starts starts) {
        Probe probe = probe(library, cron, starts);
        long[][] chains = new long[Starts.COUNT][];
        long[][] windows = new long[Starts.COUNT][];
        for (int i = 0; i < Starts.COUNT; i++) {
            chains[i] = chain(probe.next(), starts.instants[i]);
            windows[i] = i % WINDOW_STRIDE == 0 ? probe.window().apply(i) : EMPTY;
        }
        return new Answers(chains, windows);
    }

    private static long[] chain(LongUnaryOperator next, Instant start) {
        long[] out = new long[CHAINED];
        long t = start.getEpochSecond();
        for (int k = 0; k < CHAINED; k++) {
            t = t == NONE ? NONE : next.applyAsLong(t);
            out[k] = t;
        }
        return out;
    }

    private static ZonedDateTime zoned(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).atZone(Starts.ZONE);
    }

    private static long seconds(ZonedDateTime t) {
        return t == null ? NONE : t.toEpochSecond();
    }

    private static long seconds(Date d) {
        return d == null ? NONE : Math.floorDiv(d.getTime(), 1000);
    }

    private static long[] instants(List<Instant> list) {
        return list.stream().mapToLong(Instant::getEpochSecond).toArray();
    }

    private static long[] zoned(List<ZonedDateTime> list) {
        return list.stream().mapToLong(ZonedDateTime::toEpochSecond).toArray();
    }
}
