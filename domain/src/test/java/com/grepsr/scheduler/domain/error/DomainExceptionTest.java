package com.grepsr.scheduler.domain.error;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainExceptionTest {

    @Test
    void a_validation_error_lists_every_violation_in_order_and_in_its_message() {
        ValidationException e = new ValidationException(List.of(
                new ValidationException.FieldViolation("timing.zone", "unknown zone 'Mars/Olympus'"),
                new ValidationException.FieldViolation("name", "is required")));

        assertThat(e.violations()).extracting(ValidationException.FieldViolation::field)
                .containsExactly("timing.zone", "name");
        assertThat(e).hasMessage("timing.zone: unknown zone 'Mars/Olympus'; name: is required");
    }

    @Test
    void a_validation_error_keeps_its_own_copy_of_the_violations() {
        List<ValidationException.FieldViolation> given = new ArrayList<>(
                List.of(new ValidationException.FieldViolation("a", "b")));
        ValidationException e = new ValidationException(given);

        given.clear();

        assertThat(e.violations()).hasSize(1);
        assertThatThrownBy(() -> e.violations().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_validation_error_needs_a_violation() {
        assertThatThrownBy(() -> new ValidationException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_single_field_violation_reads_field_colon_description() {
        assertThat(ValidationException.of("form.every", "must be between 1 and 1000, was 0"))
                .hasMessage("form.every: must be between 1 and 1000, was 0");
    }

    @Test
    void each_error_carries_the_ids_an_adapter_needs_to_answer_precisely() {
        IllegalTransitionException transition = new IllegalTransitionException("task", "t-1", "SUCCEEDED", "RUNNING");
        assertThat(transition).hasMessage("task t-1 cannot go from SUCCEEDED to RUNNING");

        VersionConflictException conflict = new VersionConflictException("schedule", "s-1", 3, 4);
        assertThat(conflict.getMessage()).contains("version 4").contains("not 3");

        NotFoundException notFound = new NotFoundException("task", "t-9");
        assertThat(notFound.kind()).isEqualTo("task");
        assertThat(notFound.id()).isEqualTo("t-9");
        assertThat(notFound).hasMessage("task t-9 not found");

        AlreadyExistsException exists = new AlreadyExistsException("schedule", "s-1");
        assertThat(exists.kind()).isEqualTo("schedule");
        assertThat(exists.id()).isEqualTo("s-1");

        AccessDeniedException denied = new AccessDeniedException("account a-2");
        assertThat(denied.resource()).isEqualTo("account a-2");
    }

    @Test
    void domain_errors_are_a_closed_set_of_six() {
        assertThat(DomainException.class.isSealed()).isTrue();
        assertThat(DomainException.class.getPermittedSubclasses()).containsExactlyInAnyOrder(ValidationException.class,
                NotFoundException.class, IllegalTransitionException.class, VersionConflictException.class,
                AlreadyExistsException.class, AccessDeniedException.class);
    }
}
