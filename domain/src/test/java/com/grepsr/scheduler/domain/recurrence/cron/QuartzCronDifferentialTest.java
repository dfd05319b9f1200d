package com.grepsr.scheduler.domain.recurrence.cron;

import com.grepsr.scheduler.domain.recurrence.Recurrence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import java.util.Random;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Same answers as Quartz 2.5's {@link org.quartz.CronExpression} for its extensions
 * ({@code ? L L-n W LW nL n#k}), compared in UTC so that only the calendar rules are tested
 * (Quartz resolves DST through {@code java.util.Calendar}, we through {@code DstPolicy}).
 *
 * <p>Quartz numbers days of the week 1 = Sunday … 7 = Saturday; we use 0/7 = Sunday, 1 = Monday,
 * so each expression is translated before Quartz sees it. Quartz also needs exactly one of the
 * day fields to be {@code ?}; the generated expressions always restrict just one, so the
 * either-matches rule for two restricted day fields (ours, not Quartz's) never comes into play.
 */
class QuartzCronDifferentialTest {

    private static final long FROM = Instant.parse("1970-01-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
    private static final Pattern WEEKDAY_NUMBER = Pattern.compile("(?<![#\\d])([0-7])(?=L|#|$|,|-|/)");
    private static final String[] TIMES = {"0 0 12", "30 15 9", "0 */20 *", "*/30 0 0", "0 0 */6", "5 4 3"};
    private static final String[] DAILY_TIMES = {"0 0 12", "30 15 9", "5 4 3"};

    /** Our day-of-week numbers (Sunday 0/7, Monday 1) rewritten in Quartz's (Sunday 1). */
    static String toQuartz(String expression) {
        String[] f = expression.split(" ");
        Matcher m = WEEKDAY_NUMBER.matcher(f[5]);
        StringBuilder dow = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(dow, Integer.toString(Integer.parseInt(m.group(1)) % 7 + 1));
        }
        m.appendTail(dow);
        f[5] = dow.toString();
        return String.join(" ", f);
    }

    /**
     * Quartz 2.5 misses a {@code W} day that lies after the nominal day when it starts searching
     * on or between the two (e.g. {@code 15W} from Sunday 2018-04-15 16:37 skips Monday the 16th
     * and answers May 15th), and after moving to a {@code W}/{@code LW} day it skips second 0 of
     * midnight. For these rules the search starts at the last second of a month, where Quartz is
     * right, and the times fire once a day away from midnight.
     */
    private static Instant quartzSafeStart(String expression, Instant after) {
        if (!expression.split(" ")[3].contains("W")) {
            return after;
        }
        java.time.LocalDate date = after.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
    }

    private static Optional<Instant> quartz(String expression, Instant after) {
        try {
            org.quartz.CronExpression q = new org.quartz.CronExpression(toQuartz(expression));
            q.setTimeZone(TimeZone.getTimeZone("UTC"));
            return Optional.ofNullable(q.getNextValidTimeAfter(Date.from(after))).map(Date::toInstant);
        } catch (ParseException e) {
            throw new IllegalStateException("Quartz refused " + toQuartz(expression), e);
        }
    }

    /**
     * Quartz gives up on years past the current one + 100 (its MAX_YEAR); rare expressions
     * (a fifth Sunday of February) can fire later than that. Our answer is cut at the same year
     * so both sides compare only what Quartz can see.
     */
    private static final Instant QUARTZ_HORIZON =
            Instant.parse((java.time.Year.now(java.time.Clock.systemUTC()).getValue() + 101) + "-01-01T00:00:00Z");

    private static Optional<Instant> ours(String expression, Instant after) {
        return Recurrence.cron(expression, ZoneOffset.UTC).next(after).filter(t -> t.isBefore(QUARTZ_HORIZON));
    }

    @Test
    void weekday_numbers_are_translated_to_quartz_numbering() {
        assertThat(toQuartz("0 0 12 ? * 5L")).isEqualTo("0 0 12 ? * 6L");
        assertThat(toQuartz("0 0 12 ? * 0#2,7#3")).isEqualTo("0 0 12 ? * 1#2,1#3");
        assertThat(toQuartz("0 0 12 ? * MON-FRI")).isEqualTo("0 0 12 ? * MON-FRI");
        assertThat(toQuartz("0 0 12 ? * 1-5")).isEqualTo("0 0 12 ? * 2-6");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0 0 12 L * ?", "0 0 12 L-3 * ?", "0 0 12 15W * ?", "0 0 12 1W * ?", "0 0 12 31W * ?", "0 0 12 LW * ?",
        "0 0 12 ? * 5L", "0 0 12 ? * 0L", "0 0 12 ? * 5#2", "0 0 12 ? * 1#5", "0 0 12 ? * FRI#3",
        "0 15 10 L-2 FEB ?", "0 0 0 L * ? 2030-2040", "0 0 12 ? * 3#1 2031/3"})
    void fixed_quartz_extensions_agree(String expression) {
        Random random = new Random(expression.hashCode());
        for (int i = 0; i < 300; i++) {
            Instant t = quartzSafeStart(expression,
                    Instant.ofEpochSecond(FROM + (long) (random.nextDouble() * (TO - FROM))));
            assertThat(ours(expression, t)).as("%s after %s", expression, t).isEqualTo(quartz(expression, t));
        }
    }

    @Test
    void random_quartz_extensions_agree() {
        qt().withExamples(3000).forAll(longs().all(), longs().between(FROM, TO)).checkAssert((seed, t) -> {
            String expression = quartzStyle(new Random(seed));
            Instant after = quartzSafeStart(expression, Instant.ofEpochSecond(t));
            if (neverFires(expression)) {
                // we refuse such input at parse time; Quartz accepts it and finds nothing
                assertThat(quartz(expression, after)).as(expression).isEmpty();
                return;
            }
            assertThat(ours(expression, after)).as("%s after %s", expression, after).isEqualTo(quartz(expression, after));
        });
    }

    private static boolean neverFires(String expression) {
        try {
            CronSequence.parse(expression);
            return false;
        } catch (IllegalArgumentException e) {
            assertThat(e).hasMessageContaining("it can never fire");
            return true;
        }
    }

    /** A time, then exactly one restricted day field, often with a Quartz extension. */
    private static String quartzStyle(Random r) {
        String time = TIMES[r.nextInt(TIMES.length)];
        String month = r.nextInt(3) == 0 ? Integer.toString(1 + r.nextInt(12)) : "*";
        String dom = "?";
        String dow = "?";
        int w = r.nextInt(8);
        switch (r.nextInt(8)) {
            case 0 -> dom = "L";
            case 1 -> dom = "L-" + r.nextInt(31);
            case 2 -> dom = (1 + r.nextInt(31)) + "W";
            case 3 -> dom = "LW";
            case 4 -> dom = Integer.toString(1 + r.nextInt(31));
            case 5 -> dow = w + "L";
            case 6 -> dow = w + "#" + (1 + r.nextInt(5));
            default -> {
                // 0-6 only: Quartz would read a translated 0-7 as 1-1 (Sunday only)
                int lo = r.nextInt(7);
                dow = lo + "-" + (lo + r.nextInt(7 - lo));
            }
        }
        if (dom.contains("W")) {
            time = DAILY_TIMES[r.nextInt(DAILY_TIMES.length)];
        }
        return time + " " + dom + " " + month + " " + dow;
    }
}
