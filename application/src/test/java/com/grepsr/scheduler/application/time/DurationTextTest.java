package com.grepsr.scheduler.application.time;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationTextTest {

    @Test
    void a_number_with_a_unit_is_the_form_to_write() {
        assertThat(Stream.of("500ms", "30s", "5m", "2h", "3d").map(DurationText::parse)).containsExactly(
                Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(2),
                Duration.ofDays(3));
    }

    @Test
    void case_and_spaces_around_the_unit_do_not_matter() {
        assertThat(Stream.of(" 30 S ", "500MS").map(DurationText::parse))
                .containsExactly(Duration.ofSeconds(30), Duration.ofMillis(500));
    }

    @Test
    void iso_8601_stays_accepted_for_existing_configuration() {
        assertThat(Stream.of("PT30S", "PT0.2S", "p3d", "P1DT12H").map(DurationText::parse)).containsExactly(
                Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ofDays(3), Duration.ofHours(36));
    }

    @Test
    void a_bare_whole_number_means_seconds() {
        assertThat(DurationText.parse("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationText.parse("0")).isZero();
    }

    @Test
    void anything_else_is_refused_with_examples() {
        for (String bad : new String[] {"soon", "", "1.5s", "-5s", "5 minutes", "5w", "s", "1234567890s"}) {
            assertThatThrownBy(() -> DurationText.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a duration").hasMessageContaining("e.g. 500ms, 30s, 5m, 2h, 3d")
                    .hasMessageContaining("PT30S");
        }
    }
}
