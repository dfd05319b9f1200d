package com.grepsr.scheduler.domain.common;

import com.grepsr.scheduler.domain.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

class ChecksTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "report-42", "01HZX3K9ZP", "svc.amazon_products:v2", "A-b_c.d:e"})
    void an_id_of_safe_characters_passes_unchanged(String id) {
        assertThat(Checks.id("report_id", id)).isEqualTo(id);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void a_missing_id_is_required(String id) {
        assertThatThrownBy(() -> Checks.id("report_id", id))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).hasSize(1);
                    assertThat(e.violations().get(0).field()).isEqualTo("report_id");
                    assertThat(e.violations().get(0).description()).isEqualTo("is required");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "-leading-dash", ".hidden", "has space", "slash/inside", "semi;colon", "naïve",
            "new\nline", "quote'"})
    void an_id_with_unsafe_characters_is_rejected(String id) {
        assertThatThrownBy(() -> Checks.id("task_id", id))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.violations().get(0).field()).isEqualTo("task_id"));
    }

    @Test
    void the_character_check_of_ids_agrees_with_the_documented_pattern() {
        Pattern documented = Pattern.compile(Checks.ID_PATTERN);
        // basic Latin: every safe character and plenty of unsafe ones (space, slash, quotes, ...)
        qt().withExamples(5000).forAll(strings().basicLatinAlphabet().ofLengthBetween(1, 8))
                .checkAssert(s -> assertThat(Checks.isId(s)).as("'%s'", s).isEqualTo(documented.matcher(s).matches()));
        qt().withExamples(1000).forAll(strings().allPossible().ofLengthBetween(1, 4))
                .checkAssert(s -> assertThat(Checks.isId(s)).as("'%s'", s).isEqualTo(documented.matcher(s).matches()));
    }

    @Test
    void an_id_may_be_64_characters_but_not_65() {
        assertThat(Checks.id("id", "a".repeat(Checks.MAX_ID_LENGTH))).hasSize(64);
        assertThatThrownBy(() -> Checks.id("id", "a".repeat(Checks.MAX_ID_LENGTH + 1)))
                .hasMessageContaining("at most 64");
    }

    @Test
    void text_is_stripped() {
        assertThat(Checks.text("name", "  weekly prices \n", 100, true)).isEqualTo("weekly prices");
    }

    @Test
    void missing_optional_text_is_empty() {
        assertThat(Checks.text("message", null, 100, false)).isEmpty();
        assertThat(Checks.text("message", "   ", 100, false)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t\n"})
    void missing_required_text_is_rejected(String text) {
        assertThatThrownBy(() -> Checks.text("name", text, 100, true))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.violations().get(0)).isEqualTo(new ValidationException.FieldViolation("name", "is required")));
    }

    @Test
    void text_longer_than_its_limit_is_rejected() {
        assertThat(Checks.text("name", "x".repeat(10), 10, true)).hasSize(10);
        assertThatThrownBy(() -> Checks.text("name", "x".repeat(11), 10, true))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at most 10");
    }

    @Test
    void text_may_hold_tabs_and_newlines_but_no_other_control_characters() {
        assertThat(Checks.text("message", "line 1\n\tline 2", 100, false)).isEqualTo("line 1\n\tline 2");
        assertThatThrownBy(() -> Checks.text("message", "bell\u0007", 100, false))
                .isInstanceOf(ValidationException.class).hasMessageContaining("control characters");
        assertThatThrownBy(() -> Checks.text("message", "nul\u0000", 100, false))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void a_number_within_its_range_passes_including_both_ends() {
        assertThat(Checks.range("progress", 0, 0, 100)).isZero();
        assertThat(Checks.range("progress", 100, 0, 100)).isEqualTo(100);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 101, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void a_number_outside_its_range_is_rejected_saying_the_range_and_the_value(int value) {
        assertThatThrownBy(() -> Checks.range("progress", value, 0, 100))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations().get(0).field()).isEqualTo("progress");
                    assertThat(e.violations().get(0).description()).contains("between 0 and 100").contains(String.valueOf(value));
                });
    }
}
