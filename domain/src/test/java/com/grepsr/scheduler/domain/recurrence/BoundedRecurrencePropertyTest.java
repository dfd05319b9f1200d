package com.grepsr.scheduler.domain.recurrence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.grepsr.scheduler.domain.recurrence.WallClockSequences.TestSequence;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * A bounded recurrence lists exactly the unbounded occurrences that lie in [start, end], fall on
 * no excluded local date, and come among the first {@code maxRuns} such from the start.
 */
class BoundedRecurrencePropertyTest {

    private static final long FROM_1970 = 0L;
    private static final long TO_2100 = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();

    record Case(String zone, TestSequence sequence, DstPolicy policy, Instant from, long window,
                long startOffset, long length, Integer maxRuns, long excludedMask) {

        ZoneId zoneId() {
            return ZoneId.of(zone);
        }

        Instant to() {
            return from.plusSeconds(window);
        }

        Bounds bounds() {
            Instant start = from.plusSeconds(startOffset);
            Set<LocalDate> excluded = new TreeSet<>();
            LocalDate first = from.atZone(zoneId()).toLocalDate();
            for (int d = 0; d < 8; d++) {
                if ((excludedMask & (1L << d)) != 0) {
                    excluded.add(first.plusDays(d));
                }
            }
            return new Bounds(start, start.plusSeconds(length), maxRuns, excluded);
        }
    }

    @Test
    void a_bounded_recurrence_is_its_unbounded_occurrences_filtered_by_the_bounds() {
        qt().withExamples(1_000).forAll(cases()).checkAssert(c -> {
            Recurrence unbounded = new ZonedRecurrence(c.sequence(), c.zoneId(), c.policy(), c.sequence().toString());
            Bounds b = c.bounds();
            List<Instant> expected = new ArrayList<>();
            for (Instant i : unbounded.occurrences(c.from(), c.to())) {
                boolean inside = !i.isBefore(b.start()) && !i.isAfter(b.end());
                boolean excluded = b.excludedDates().contains(i.atZone(c.zoneId()).toLocalDate());
                if (inside && !excluded && (b.maxRuns() == null || expected.size() < b.maxRuns())) {
                    expected.add(i);
                }
            }
            assertThat(unbounded.within(b).occurrences(c.from(), c.to())).as(c.toString()).isEqualTo(expected);
        });
    }

    private static Gen<Case> cases() {
        Gen<Instant> froms = Generate.longRange(FROM_1970, TO_2100).map(s -> Instant.ofEpochSecond(s));
        Gen<Integer> maxRuns = Generate.frequency(Pair.of(1, Generate.constant((Integer) null)),
                Pair.of(2, Generate.range(1, 60)));
        Gen<long[]> shape = Generate.longRange(0, 1_000_000).zip(Generate.longRange(0, 1_000_000),
                Generate.longRange(0, 255), (a, b, m) -> new long[] {a, b, m});
        return Generate.pick(ZonedRecurrencePropertyTest.ZONES).zip(ZonedRecurrencePropertyTest.sequences(),
                Generate.pick(ZonedRecurrencePropertyTest.ALL_POLICIES), froms, shape.zip(maxRuns, Shape::new),
                (zone, seq, policy, from, s) -> {
                    // near a transition half of the time, where day boundaries and excluded dates get interesting
                    var t = ZoneId.of(zone).getRules().nextTransition(from);
                    Instant start = t != null && s.numbers[2] % 2 == 0 ? t.getInstant().minusSeconds(86_400) : from;
                    long window = seq.grain() == 1 ? 3_600L : isDaily(seq) ? 4 * 86_400L : 12 * 3_600L;
                    long startOffset = s.numbers[0] * window / 2_000_000;
                    long length = s.numbers[1] * window / 1_000_000;
                    return new Case(zone, seq, policy, start, window, startOffset, length, s.maxRuns, s.numbers[2]);
                });
    }

    private static boolean isDaily(TestSequence seq) {
        return seq.toString().startsWith("daily");
    }

    private record Shape(long[] numbers, Integer maxRuns) {
    }
}
