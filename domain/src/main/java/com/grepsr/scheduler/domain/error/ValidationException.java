package com.grepsr.scheduler.domain.error;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks a rule; nothing was written. Lists every offending field. */
public final class ValidationException extends DomainException {

    private final List<FieldViolation> violations;

    public ValidationException(List<FieldViolation> violations) {
        super(violations.stream().map(FieldViolation::toString).collect(Collectors.joining("; ")));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation error needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    /** A single offending field. */
    public static ValidationException of(String field, String description) {
        return new ValidationException(List.of(new FieldViolation(field, description)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    /** One field and what is wrong with it, e.g. {@code timing.zone: unknown zone 'Mars/Olympus'}. */
    public record FieldViolation(String field, String description) {
        @Override
        public String toString() {
            return field + ": " + description;
        }
    }
}
