package com.grepsr.scheduler.domain.recurrence;

import static com.grepsr.scheduler.domain.recurrence.WallClockSequences.dailyAt;
import static com.grepsr.scheduler.domain.recurrence.WallClockSequences.everyMinutes;
import static com.grepsr.scheduler.domain.recurrence.WallClockSequences.everySeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.grepsr.scheduler.domain.recurrence.WallClockSequences.TestSequence;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * {@link ZonedRecurrence} against {@link BruteForceOracle}: random zones, random instants in
 * 1970–2100 (half of them pulled close to a transition of the zone, where the bugs live) and
 * small random wall-clock sequences.
 */
class ZonedRecurrencePropertyTest {

    static final List<String> ZONES = List.of("America/New_York", "Europe/London", "Australia/Lord_Howe",
            "Asia/Kathmandu", "America/Santiago", "Pacific/Apia", "UTC");
    private static final long FROM_1970 = 0L;
    private static final long TO_2100 = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
    private static final int EXAMPLES = 1_000;
    static final List<DstPolicy> ALL_POLICIES = List.of(
            new DstPolicy(DstPolicy.Gap.SHIFT, DstPolicy.Overlap.EARLIER),
            new DstPolicy(DstPolicy.Gap.SHIFT, DstPolicy.Overlap.LATER),
            new DstPolicy(DstPolicy.Gap.SHIFT, DstPolicy.Overlap.BOTH),
            new DstPolicy(DstPolicy.Gap.SKIP, DstPolicy.Overlap.EARLIER),
            new DstPolicy(DstPolicy.Gap.SKIP, DstPolicy.Overlap.LATER),
            new DstPolicy(DstPolicy.Gap.SKIP, DstPolicy.Overlap.BOTH));

    /** One example: a sequence in a zone under a policy, asked for what follows {@code after}. */
    record Case(String zone, TestSequence sequence, DstPolicy policy, Instant after) {
        Recurrence recurrence() {
            return new ZonedRecurrence(sequence, ZoneId.of(zone), policy, sequence.toString());
        }

        /** Long enough to hold at least two elements of the sequence, short enough to walk. */
        long window() {
            return sequence.grain() == 1 ? 2 * 3_600L : 3 * 86_400L;
        }

        @Override
        public String toString() {
            return sequence + " in " + zone + " under " + policy + " after " + after;
        }
    }

    @Test
    void next_is_after_its_argument_and_skips_nothing_under_the_default_policy() {
        qt().withExamples(EXAMPLES).forAll(cases(Generate.constant(DstPolicy.DEFAULT))).checkAssert(this::agreesWithOracle);
    }

    @Test
    void next_is_after_its_argument_and_skips_nothing_under_every_gap_and_overlap_policy() {
        qt().withExamples(EXAMPLES).forAll(cases(Generate.pick(ALL_POLICIES))).checkAssert(this::agreesWithOracle);
    }

    @Test
    void occurrences_increase_strictly_and_equal_repeated_next() {
        qt().withExamples(EXAMPLES).forAll(cases(Generate.pick(ALL_POLICIES))).checkAssert(c -> {
            Recurrence r = c.recurrence();
            Instant to = c.after().plusSeconds(c.window());
            List<Instant> listed = r.occurrences(c.after(), to);
            List<Instant> stepped = new ArrayList<>();
            Instant t = c.after();
            for (Optional<Instant> n = r.next(t); n.isPresent() && !n.get().isAfter(to); n = r.next(t)) {
                stepped.add(n.get());
                t = n.get();
            }
            assertThat(listed).as(c.toString()).isEqualTo(stepped);
            for (int i = 1; i < listed.size(); i++) {
                assertThat(listed.get(i)).as(c.toString()).isAfter(listed.get(i - 1));
            }
        });
    }

    private void agreesWithOracle(Case c) {
        Recurrence r = c.recurrence();
        Optional<Instant> next = r.next(c.after());
        OptionalLong expected = new BruteForceOracle(ZoneId.of(c.zone()).getRules(), c.sequence(), c.policy())
                .firstFiringAfter(c.after().getEpochSecond(), c.window());
        next.ifPresent(n -> assertThat(n).as(c.toString()).isAfter(c.after()));
        if (expected.isPresent()) {
            assertThat(next).as(c.toString()).contains(Instant.ofEpochSecond(expected.getAsLong()));
        } else {
            assertThat(next).as(c.toString() + ": the oracle found nothing in the window")
                    .hasValueSatisfying(n -> assertThat(n).isAfter(c.after().plusSeconds(c.window())));
        }
    }

    /** Sentinel of the snap generator: leave the random instant where it is. */
    private static final long NO_SNAP = Long.MIN_VALUE;

    private static Gen<Case> cases(Gen<DstPolicy> policies) {
        Gen<String> zones = Generate.pick(ZONES);
        Gen<Integer> nanos = Generate.frequency(Pair.of(3, Generate.constant(0)), Pair.of(1, Generate.range(1, 999_999_999)));
        Gen<Instant> instants = Generate.longRange(FROM_1970, TO_2100).zip(nanos, Instant::ofEpochSecond);
        // most examples start near the zone's next transition: within 2 days before it to 3 h
        // after it (where daily sequences cross it), or within 2 h of it (inside gaps and overlaps)
        Gen<Long> snaps = Generate.frequency(Pair.of(2, Generate.constant(NO_SNAP)),
                Pair.of(1, Generate.longRange(-2 * 86_400L, 3 * 3_600L)),
                Pair.of(3, Generate.longRange(-2 * 3_600L, 2 * 3_600L)));
        return zones.zip(sequences(), policies, instants, snaps, ZonedRecurrencePropertyTest::caseOf);
    }

    private static Case caseOf(String zone, TestSequence sequence, DstPolicy policy, Instant seed, long snap) {
        Instant after = seed;
        if (snap != NO_SNAP) {
            ZoneOffsetTransition t = ZoneId.of(zone).getRules().nextTransition(seed);
            if (t != null && t.getInstant().isBefore(Instant.ofEpochSecond(TO_2100))) {
                after = t.getInstant().plusSeconds(snap).plusNanos(seed.getNano());
            }
        }
        return new Case(zone, sequence, policy, after);
    }

    static Gen<TestSequence> sequences() {
        Gen<TestSequence> daily = Generate.range(0, 24 * 60 - 1).map(m -> dailyAt(LocalTime.ofSecondOfDay(m * 60L)));
        Gen<TestSequence> minutes = Generate.range(1, 240).zip(Generate.range(0, 239), (n, p) -> everyMinutes(n, p));
        Gen<TestSequence> seconds = Generate.range(1, 180).zip(Generate.range(0, 179), (n, p) -> everySeconds(n, p));
        return Generate.frequency(Pair.of(3, daily), Pair.of(3, minutes), Pair.of(2, seconds));
    }
}
