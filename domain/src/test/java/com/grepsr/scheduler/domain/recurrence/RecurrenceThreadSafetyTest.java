package com.grepsr.scheduler.domain.recurrence;

import static com.grepsr.scheduler.domain.recurrence.WallClockSequences.dailyAt;
import static com.grepsr.scheduler.domain.recurrence.WallClockSequences.everyMinutes;
import static com.grepsr.scheduler.domain.recurrence.ZonedRecurrenceDstTest.zoned;
import static org.assertj.core.api.Assertions.assertThat;

import com.grepsr.scheduler.domain.recurrence.DstPolicy.Gap;
import com.grepsr.scheduler.domain.recurrence.DstPolicy.Overlap;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Smoke test: many threads share one recurrence and ask it about instants scattered over ten
 * years of DST transitions in random order, so that its cached offset window and its lazily
 * computed run limit are rebuilt under contention. Each must answer as a fresh instance does on
 * one thread.
 */
class RecurrenceThreadSafetyTest {

    private static final int THREADS = 16;
    private static final int ROUNDS = 3;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void threads_sharing_a_recurrence_get_the_same_answers_as_a_single_thread() throws Exception {
        List<Supplier<Recurrence>> recurrences = List.of(
                () -> zoned(everyMinutes(15), "America/New_York", new DstPolicy(Gap.SHIFT, Overlap.BOTH)),
                () -> zoned(dailyAt("02:10"), "Australia/Lord_Howe", new DstPolicy(Gap.SHIFT, Overlap.LATER)),
                () -> zoned(everyMinutes(30), "America/Santiago", DstPolicy.DEFAULT)
                        .within(new Bounds(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"),
                                150_000, Set.of(LocalDate.parse("2026-09-06"), LocalDate.parse("2026-04-04")))),
                () -> Recurrence.every(Duration.ofMinutes(7), Instant.parse("2020-01-01T00:00:00Z"), ZoneId.of("Europe/London"))
                        .within(Bounds.NONE.excluding(Set.of(LocalDate.parse("2026-10-25")))));
        for (Supplier<Recurrence> factory : recurrences) {
            Recurrence probe = factory.get();
            List<Instant> queries = queriesAroundTransitions(probe.zone());
            List<Optional<Instant>> expected = new ArrayList<>();
            for (Instant q : queries) {
                expected.add(probe.next(q));
            }
            Recurrence shared = factory.get();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    long seed = t;
                    results.add(pool.submit(() -> {
                        go.await();
                        return mismatches(shared, queries, expected, new Random(seed));
                    }));
                }
                go.countDown();
                for (Future<Integer> f : results) {
                    assertThat(f.get(50, TimeUnit.SECONDS)).as(shared.toString()).isZero();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static int mismatches(Recurrence shared, List<Instant> queries, List<Optional<Instant>> expected, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            order.add(i);
        }
        int wrong = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Collections.shuffle(order, random);
            for (int i : order) {
                if (!shared.next(queries.get(i)).equals(expected.get(i))) {
                    wrong++;
                }
            }
        }
        return wrong;
    }

    /** Instants from 2 h before to 2 h after every transition of 2020-2029, 7 minutes apart. */
    private static List<Instant> queriesAroundTransitions(ZoneId zone) {
        List<Instant> out = new ArrayList<>();
        Instant t = Instant.parse("2020-01-01T00:00:00Z");
        Instant stop = Instant.parse("2030-01-01T00:00:00Z");
        ZoneOffsetTransition tr;
        while ((tr = zone.getRules().nextTransition(t)) != null && tr.getInstant().isBefore(stop)) {
            for (int k = -17; k <= 17; k++) {
                out.add(tr.getInstant().plusSeconds(k * 7 * 60L));
            }
            t = tr.getInstant();
        }
        return out;
    }
}
