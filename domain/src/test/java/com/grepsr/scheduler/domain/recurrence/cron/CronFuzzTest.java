package com.grepsr.scheduler.domain.recurrence.cron;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/** Arbitrary text never crashes, hangs or escapes as anything but IllegalArgumentException. */
class CronFuzzTest {

    private static final String ALPHABET = "0123456789*/-,?#LW @ JANFRIMONSUNdec\t99999";

    @Test
    void any_text_parses_or_is_refused_with_an_explained_error() {
        qt().withExamples(5000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(random.nextBoolean() ? 40 : 1100);
            for (int i = 0; i < length; i++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            try {
                CronSequence cron = CronSequence.parse(text.toString());
                long next = cron.nextLocal(random.nextLong() / 4);
                assertThat(next == CronSequence.NONE || next > Long.MIN_VALUE).isTrue();
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).startsWith("invalid cron expression").endsWith(CronErrors.EXAMPLE);
            }
        });
    }

    @Test
    void answers_hold_at_the_ends_of_the_calendar() {
        CronSequence cron = CronSequence.parse("* * * * * *");
        assertThat(cron.nextLocal(Long.MIN_VALUE)).isEqualTo(-62_135_596_800L); // 0001-01-01T00:00:00
        assertThat(cron.nextLocal(Long.MAX_VALUE)).isEqualTo(CronSequence.NONE);
        assertThat(cron.nextLocal(253_402_300_798L)).isEqualTo(253_402_300_799L); // 9999-12-31T23:59:59
        assertThat(cron.nextLocal(253_402_300_799L)).isEqualTo(CronSequence.NONE);
    }
}
