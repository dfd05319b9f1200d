package com.grepsr.scheduler.domain.recurrence.cron;

import com.grepsr.scheduler.domain.recurrence.Recurrence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.scheduling.support.CronExpression;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Same answers as Spring 6.2's {@link CronExpression} for 6-field expressions, where the two
 * agree on meaning. Known differences, kept out of the comparison:
 * <ul>
 *   <li>when both day fields are restricted Spring requires both to match, we (Vixie cron) either
 *       one, so the {@link CronGenerator.Profile#SPRING} profile leaves one of them open;</li>
 *   <li>Spring's {@code nW} may cross into the next month when the day is a Sunday at the month's
 *       end, Quartz's and ours do not: {@code W} and {@code LW} are compared with Quartz instead;</li>
 *   <li>Spring reads {@code SUN} as 7 and starts {@code *} at Monday, so {@code SUN/5} and
 *       {@code *}{@code /6} differ; it reads the range {@code 7-7} as Friday, and refuses
 *       {@code L-0}: the generator writes those forms in ways both read alike;</li>
 *   <li>Spring gives up (returns null) after a bounded number of steps for rare expressions;</li>
 *   <li>DST gaps and overlaps are resolved by our {@code DstPolicy}, by Spring through
 *       {@code ZonedDateTime} arithmetic; zoned comparisons therefore skip answers near transitions.</li>
 * </ul>
 */
class SpringCronDifferentialTest {

    private static final long FROM = Instant.parse("1970-01-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();

    private static Optional<Instant> spring(String expression, Instant after, ZoneId zone) {
        ZonedDateTime next = CronExpression.parse(expression).next(ZonedDateTime.ofInstant(after, zone));
        return Optional.ofNullable(next).map(ZonedDateTime::toInstant);
    }

    private static Optional<Instant> ours(String expression, Instant after, ZoneId zone) {
        return Recurrence.cron(expression, zone).next(after);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0 */15 9-17 * * MON-FRI", "0 0 0 L * *", "0 0 0 L-3 * ?", "0 0 12 ? * 5L", "0 0 12 ? * 5#2",
        "0 0 12 ? * MON#5", "0 0 0 29 2 *", "@daily", "@weekly", "@monthly", "@yearly", "@hourly",
        "*/7 */13 */5 * * *", "0 0 0 1/3 JAN-JUN ?", "0 30 10 ? * SUN", "0 0 0 ? * 0", "0 0 0 ? * 7",
        "0 0 0 ? * 1/2", "15 10 8-20/4 ? * mon-wed", "0 0 0 31 * ?", "59 59 23 L 12 ?", "0 0 0 ? * 0L",
        "0 0 0 ? * 7#1", "1,2,3 5-10/2 0 * 1,dec ?"})
    void fixed_expressions_agree_in_utc(String expression) {
        Random random = new Random(expression.hashCode());
        for (int i = 0; i < 200; i++) {
            Instant t = Instant.ofEpochSecond(FROM + (long) (random.nextDouble() * (TO - FROM)));
            assertThat(ours(expression, t, ZoneOffset.UTC)).as("%s after %s", expression, t)
                    .isEqualTo(spring(expression, t, ZoneOffset.UTC));
        }
    }

    @Test
    void random_expressions_agree_in_utc() {
        qt().withExamples(2000).forAll(longs().all(), longs().between(FROM, TO)).checkAssert((seed, t) -> {
            CronModel model = CronGenerator.generate(seed, CronGenerator.Profile.SPRING);
            Instant after = Instant.ofEpochSecond(t);
            Optional<Instant> theirs = spring(model.text, after, ZoneOffset.UTC);
            if (theirs.isPresent()) {
                assertThat(ours(model.text, after, ZoneOffset.UTC)).as(model.text).isEqualTo(theirs);
            }
        });
    }

    @Test
    void random_expressions_agree_in_new_york_away_from_transitions() {
        ZoneId zone = ZoneId.of("America/New_York");
        qt().withExamples(2000).forAll(longs().all(), longs().between(FROM, TO)).checkAssert((seed, t) -> {
            CronModel model = CronGenerator.generate(seed, CronGenerator.Profile.SPRING);
            Instant after = Instant.ofEpochSecond(t);
            Optional<Instant> theirs = spring(model.text, after, zone);
            if (theirs.isPresent() && !transitionBetween(zone, after, theirs.get())) {
                assertThat(ours(model.text, after, zone)).as(model.text).isEqualTo(theirs);
            }
        });
    }

    private static boolean transitionBetween(ZoneId zone, Instant from, Instant to) {
        ZoneOffsetTransition next = zone.getRules().nextTransition(from.minusSeconds(86_400));
        return next != null && next.getInstant().isBefore(to.plusSeconds(86_400));
    }
}
