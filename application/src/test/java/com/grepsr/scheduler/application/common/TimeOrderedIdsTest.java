package com.grepsr.scheduler.application.common;

import com.grepsr.scheduler.application.time.SettableClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00.123Z");
    /** A DNS-1123 label: what a Kubernetes Job name must be. */
    private static final String KUBERNETES_NAME = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

    @Test
    void a_hundred_thousand_ids_in_one_millisecond_are_unique_and_strictly_increasing() {
        TimeOrderedIds ids = new TimeOrderedIds(Clock.fixed(T0, ZoneOffset.UTC));

        List<String> made = make(ids, 100_000);

        assertThat(new HashSet<>(made)).hasSize(100_000);
        for (int i = 1; i < made.size(); i++) {
            assertThat(made.get(i)).isGreaterThan(made.get(i - 1));
        }
    }

    @Test
    void ids_are_26_lowercase_characters_valid_in_a_kubernetes_name() {
        TimeOrderedIds ids = new TimeOrderedIds(Clock.fixed(T0, ZoneOffset.UTC));

        assertThat(make(ids, 1000)).allSatisfy(id -> assertThat(id).hasSize(26).matches("[0-9a-z]{26}")
                .matches(KUBERNETES_NAME));
    }

    @Test
    void ids_follow_the_clock_and_never_go_back_when_it_does() {
        SettableClock clock = new SettableClock(T0);
        TimeOrderedIds ids = new TimeOrderedIds(clock);
        List<String> made = new ArrayList<>();
        for (long step : new long[] {0, 1, 1000, -5000, 0, 86_400_000L * 365}) {
            clock.tick(Duration.ofMillis(step));
            made.add(ids.newId());
            made.add(ids.newId());
        }

        assertThat(made).isSorted().doesNotHaveDuplicates();
        assertThat(made.get(made.size() - 1).substring(0, 10)).isGreaterThan(made.get(0).substring(0, 10));
    }

    @Test
    void ids_of_a_later_millisecond_sort_after_every_id_of_an_earlier_one() {
        String early = make(new TimeOrderedIds(Clock.fixed(T0, ZoneOffset.UTC)), 50_000).get(49_999);
        String later = new TimeOrderedIds(Clock.fixed(T0.plusMillis(1), ZoneOffset.UTC)).newId();

        assertThat(later).isGreaterThan(early);
    }

    @Test
    void two_generators_on_one_clock_never_make_the_same_id() {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        Set<String> all = new HashSet<>(make(new TimeOrderedIds(clock), 100_000));
        all.addAll(make(new TimeOrderedIds(clock), 100_000));

        assertThat(all).hasSize(200_000);
    }

    @Test
    void one_generator_shared_by_threads_makes_unique_ids() throws Exception {
        TimeOrderedIds ids = new TimeOrderedIds(Clock.fixed(T0, ZoneOffset.UTC));
        Set<String> all = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> all.addAll(make(ids, 10_000))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(all).hasSize(80_000);
    }

    private static List<String> make(TimeOrderedIds ids, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(ids.newId());
        }
        return out;
    }
}
