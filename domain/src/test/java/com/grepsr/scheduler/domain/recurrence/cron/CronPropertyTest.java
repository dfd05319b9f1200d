package com.grepsr.scheduler.domain.recurrence.cron;

import com.grepsr.scheduler.domain.recurrence.Recurrence;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Properties of random expressions (every feature, see {@link CronGenerator}) at random instants
 * in zones chosen for awkward transitions, checked through {@link Recurrence#cron}.
 */
class CronPropertyTest {

    /** At least 1,000; raise with -Dcron.examples=N for a longer hunt. */
    private static final int EXAMPLES = Math.max(1000, Integer.getInteger("cron.examples", 1000));
    private static final long DAY = 86_400L;
    /** How far the brute-force oracle walks; keeps the suite fast. */
    private static final long WINDOW = 2 * DAY;
    private static final long FROM = Instant.parse("1970-01-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
    private static final List<ZoneId> ZONES = List.of(
            ZoneId.of("America/New_York"), ZoneId.of("Europe/London"), ZoneId.of("Australia/Lord_Howe"),
            ZoneId.of("Asia/Kathmandu"), ZoneId.of("America/Santiago"), ZoneId.of("Pacific/Apia"), ZoneId.of("UTC"));

    private static Gen<Long> seeds() {
        return longs().all();
    }

    /** Half the instants sit shortly before one of the zone's transitions, where DST bugs live. */
    private static Gen<Case> cases() {
        return seeds().zip(longs().between(FROM, TO), integers().between(0, 3), arbitrary().pick(ZONES),
                (seed, t, mode, zone) -> new Case(CronGenerator.generate(seed, CronGenerator.Profile.ALL), zone,
                        mode < 2 ? nearTransition(zone, t) : t));
    }

    private static long nearTransition(ZoneId zone, long t) {
        ZoneOffsetTransition next = zone.getRules().nextTransition(Instant.ofEpochSecond(t));
        if (next == null || next.toEpochSecond() > TO) {
            return t;
        }
        return next.toEpochSecond() - Math.floorMod(t, DAY + 7200) + 3600;
    }

    record Case(CronModel model, ZoneId zone, long t) {
        /** The recurrence, or empty when the expression can never fire (the parser refuses it). */
        Optional<Recurrence> recurrence() {
            try {
                return Optional.of(Recurrence.cron(model.text, zone));
            } catch (IllegalArgumentException e) {
                assertThat(e).hasMessageContaining("it can never fire");
                return Optional.empty();
            }
        }

        @Override
        public String toString() {
            return model + " in " + zone + " after " + Instant.ofEpochSecond(t);
        }
    }

    @Test
    void next_is_strictly_after_its_argument_and_exists_when_years_are_open() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> c.recurrence().ifPresent(r -> {
            Optional<Instant> next = r.next(Instant.ofEpochSecond(c.t()));
            if (c.model().years == null) {
                assertThat(next).isPresent();
            }
            next.ifPresent(n -> assertThat(n.getEpochSecond()).isGreaterThan(c.t()));
        }));
    }

    @Test
    void nothing_fires_between_an_instant_and_its_next() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> c.recurrence().ifPresent(r -> {
            CronOracle oracle = new CronOracle(c.model(), c.zone());
            long next = r.next(Instant.ofEpochSecond(c.t())).map(Instant::getEpochSecond).orElse(Long.MAX_VALUE);
            long horizon = c.t() + WINDOW;
            long expected = next <= horizon ? next : CronOracle.NONE;
            assertThat(oracle.first(c.t(), Math.min(next, horizon))).as("first firing within 2 days").isEqualTo(expected);
            if (next != Long.MAX_VALUE && next > horizon) {
                // far answers: also walk the two days that lead up to it
                long before = next - WINDOW + Math.floorMod(c.t(), 3600);
                assertThat(r.next(Instant.ofEpochSecond(before))).contains(Instant.ofEpochSecond(next));
                assertThat(oracle.first(before, next)).as("first firing in the 2 days before next").isEqualTo(next);
            }
        }));
    }

    @Test
    void occurrences_are_increasing_and_equal_repeated_next() {
        qt().withExamples(EXAMPLES).forAll(cases(), longs().between(60, 3 * DAY))
                .checkAssert((c, span) -> c.recurrence().ifPresent(r -> {
                    Instant from = Instant.ofEpochSecond(c.t());
                    // frequent expressions: cap the window at the 300th occurrence
                    List<Instant> first = r.upcoming(from, 300);
                    Instant end = from.plusSeconds(span);
                    Instant to = first.size() == 300 && first.get(299).isBefore(end) ? first.get(299) : end;
                    List<Instant> listed = r.occurrences(from, to);
                    Instant previous = from;
                    for (Instant occurrence : listed) {
                        assertThat(r.next(previous)).contains(occurrence);
                        assertThat(occurrence).isAfter(previous);
                        previous = occurrence;
                    }
                    r.next(previous).ifPresent(after -> assertThat(after).isAfter(to));
                }));
    }

    @Test
    void a_reused_sequence_answers_like_a_fresh_one_whatever_order_it_is_asked_in() {
        // the search caches the month of its last answer; jumping around must never reuse it wrongly
        CronSequence shared = CronSequence.parse("7 */20 1-23/2 L,1-14/3 * MON#2,FRI");
        qt().withExamples(EXAMPLES).forAll(longs().between(FROM - DAY, TO), integers().between(0, 2))
                .checkAssert((t, nudge) -> {
                    long local = nudge == 0 ? t : shared.nextLocal(t) - nudge; // sometimes just before an answer
                    assertThat(shared.nextLocal(local))
                            .isEqualTo(CronSequence.parse("7 */20 1-23/2 L,1-14/3 * MON#2,FRI").nextLocal(local));
                });
    }
}
