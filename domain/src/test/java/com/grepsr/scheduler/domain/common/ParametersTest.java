package com.grepsr.scheduler.domain.common;

import com.grepsr.scheduler.domain.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static com.grepsr.scheduler.domain.DomainFixtures.parameters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParametersTest {

    @ParameterizedTest
    @ValueSource(strings = {"category", "_private", "max.pages", "page-size", "A1", "x"})
    void a_key_starts_with_a_letter_or_underscore(String key) {
        assertThat(Parameters.of(Map.of(key, "v")).values()).containsKey(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1st", "-dash", ".dot", "has space", "semi;colon", "ümlaut"})
    void a_key_of_other_characters_is_rejected(String key) {
        assertThatThrownBy(() -> Parameters.of(Map.of(key, "v")))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.violations().get(0).field()).isEqualTo("parameters"));
    }

    @Test
    void a_null_key_is_rejected() {
        Map<String, String> values = new HashMap<>();
        values.put(null, "v");

        assertThatThrownBy(() -> Parameters.of(values)).isInstanceOf(ValidationException.class);
    }

    @Test
    void a_key_may_be_64_characters_but_not_65() {
        assertThat(Parameters.of(Map.of("k".repeat(Parameters.MAX_KEY_LENGTH), "v")).values()).hasSize(1);
        assertThatThrownBy(() -> Parameters.of(Map.of("k".repeat(Parameters.MAX_KEY_LENGTH + 1), "v")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void a_value_may_be_4096_characters_but_not_4097() {
        assertThat(Parameters.of(Map.of("k", "v".repeat(Parameters.MAX_VALUE_LENGTH))).values().get("k"))
                .hasSize(Parameters.MAX_VALUE_LENGTH);
        assertThatThrownBy(() -> Parameters.of(Map.of("k", "v".repeat(Parameters.MAX_VALUE_LENGTH + 1))))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.violations().get(0).field()).isEqualTo("parameters.k"));
    }

    @Test
    void a_value_must_not_hold_nul() {
        assertThatThrownBy(() -> Parameters.of(Map.of("k", "a\0b")))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.violations().get(0).field()).isEqualTo("parameters.k"));
    }

    @Test
    void a_missing_value_is_empty() {
        Map<String, String> values = new HashMap<>();
        values.put("k", null);

        assertThat(Parameters.of(values).values()).containsEntry("k", "");
    }

    @Test
    void at_most_one_hundred_entries() {
        assertThat(Parameters.of(entries(Parameters.MAX_ENTRIES)).values()).hasSize(100);
        assertThatThrownBy(() -> Parameters.of(entries(Parameters.MAX_ENTRIES + 1)))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.violations().get(0).field()).isEqualTo("parameters"));
    }

    @Test
    void no_parameters_is_the_same_as_none() {
        assertThat(Parameters.of(null)).isEqualTo(Parameters.NONE);
        assertThat(Parameters.NONE.values()).isEmpty();
    }

    @Test
    void parameters_are_sorted_by_key_and_cannot_be_changed() {
        Parameters p = parameters("b", "2", "a", "1");

        assertThat(p.values().keySet()).containsExactly("a", "b");
        assertThatThrownBy(() -> p.values().put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_change_to_the_map_given_does_not_change_the_parameters() {
        Map<String, String> given = new HashMap<>(Map.of("a", "1"));
        Parameters p = Parameters.of(given);

        given.put("a", "changed");

        assertThat(p.values()).containsEntry("a", "1");
    }

    @Test
    void overrides_win_key_by_key_and_the_rest_is_kept() {
        Parameters schedule = parameters("category", "shoes", "country", "us");

        Parameters run = schedule.overriddenBy(parameters("category", "toys", "max_pages", "5"));

        assertThat(run.values()).containsExactly(Map.entry("category", "toys"), Map.entry("country", "us"),
                Map.entry("max_pages", "5"));
        assertThat(schedule.values()).containsEntry("category", "shoes");
    }

    @Test
    void no_overrides_leave_the_parameters_as_they_are() {
        Parameters schedule = parameters("category", "shoes");

        assertThat(schedule.overriddenBy(null)).isSameAs(schedule);
        assertThat(schedule.overriddenBy(Parameters.NONE)).isSameAs(schedule);
    }

    @Test
    void overrides_that_would_pass_the_entry_limit_are_rejected() {
        Parameters full = Parameters.of(entries(Parameters.MAX_ENTRIES));

        assertThatThrownBy(() -> full.overriddenBy(parameters("extra", "1"))).isInstanceOf(ValidationException.class);
    }

    private static Map<String, String> entries(int n) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < n; i++) {
            map.put("k" + i, "v");
        }
        return map;
    }
}
