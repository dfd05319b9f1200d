package com.grepsr.scheduler.domain.recurrence.rrule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.grepsr.scheduler.domain.recurrence.Recurrence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Properties of generated rules through the public facade, {@code Recurrence.rrule(...)}, checked
 * against {@link BruteForceOracle}, which walks every period from DTSTART with no jumps.
 */
class RRulePropertiesTest {

    private static final int EXAMPLES = Integer.getInteger("rrule.examples", 1_000);
    // each shrink step reruns the oracle; a few dozen cycles find a readable case without stalling the build
    private static final int SHRINK = Integer.getInteger("rrule.shrink", 30);

    private static Recurrence recurrence(RuleCases.Case c) {
        return Recurrence.rrule(c.rule(), c.start(), c.zone());
    }

    private static Instant after(RuleCases.Case c) {
        return BruteForceOracle.defaultPolicy(c.start(), c.zone()).plusSeconds(c.afterOffset());
    }

    /** The oracle's instants in (from, to]; it lists a day past {@code to} so no firing near it is missed. */
    private static List<Instant> oracle(RuleCases.Case c, Instant from, Instant to) {
        LocalDateTime horizon = LocalDateTime.ofInstant(to, c.zone()).plusDays(2);
        return new BruteForceOracle(c.rule(), c.start()).instants(c.zone(), horizon).stream()
                .filter(i -> i.isAfter(from) && !i.isAfter(to)).toList();
    }

    @Test
    void next_is_strictly_after_its_argument_and_nothing_lies_between() {
        qt().withExamples(EXAMPLES).withShrinkCycles(SHRINK).forAll(RuleCases.cases(true)).checkAssert(c -> {
            Instant t = after(c);
            Optional<Instant> next = recurrence(c).next(t);
            next.ifPresent(n -> assertThat(n).as(c.toString()).isAfter(t));
            Instant end = t.plusSeconds(c.window());
            List<Instant> expected = oracle(c, t, end);
            if (next.isPresent() && !next.get().isAfter(end)) {
                assertThat(expected).as(c.toString()).isNotEmpty();
                assertThat(next.get()).as(c.toString()).isEqualTo(expected.get(0));
            } else {
                assertThat(expected).as(c.toString()).isEmpty();
            }
        });
    }

    @Test
    void occurrences_are_strictly_increasing_and_equal_repeated_next() {
        qt().withExamples(EXAMPLES).withShrinkCycles(SHRINK).forAll(RuleCases.cases(true)).checkAssert(c -> {
            Recurrence r = recurrence(c);
            Instant from = after(c);
            Instant to = from.plusSeconds(c.window());
            List<Instant> listed = r.occurrences(from, to);
            List<Instant> stepped = new ArrayList<>();
            Optional<Instant> n = r.next(from);
            while (n.isPresent() && !n.get().isAfter(to)) {
                stepped.add(n.get());
                n = r.next(n.get());
            }
            assertThat(listed).as(c.toString()).isEqualTo(stepped).isSorted().doesNotHaveDuplicates();
        });
    }

    @Test
    void occurrences_equal_the_brute_force_oracle() {
        qt().withExamples(EXAMPLES).withShrinkCycles(SHRINK).forAll(RuleCases.cases(true)).checkAssert(c -> {
            Instant from = after(c);
            Instant to = from.plusSeconds(c.window());
            assertThat(recurrence(c).occurrences(from, to)).as(c.toString()).isEqualTo(oracle(c, from, to));
        });
    }
}
