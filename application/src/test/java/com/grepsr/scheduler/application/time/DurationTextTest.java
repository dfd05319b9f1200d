package com.grepsr.scheduler.application.time;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationTextTest {

    @Test
    void a_number_with_a_unit_is_the_form_to_write() {
        assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationText.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(DurationText.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(DurationText.parse("3d")).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void case_and_spaces_around_the_unit_do_not_matter() {
        assertThat(DurationText.parse(" 30 S ")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationText.parse("500MS")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void iso_8601_stays_accepted_for_existing_configuration() {
        assertThat(DurationText.parse("PT30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationText.parse("PT0.2S")).isEqualTo(Duration.ofMillis(200));
        assertThat(DurationText.parse("p3d")).isEqualTo(Duration.ofDays(3));
        assertThat(DurationText.parse("P1DT12H")).isEqualTo(Duration.ofHours(36));
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
