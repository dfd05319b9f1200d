package com.grepsr.scheduler.domain.common;

import com.grepsr.scheduler.domain.error.ValidationException;


/** Shared input rules, so every value object refuses bad input with the same clear words. */
public final class Checks {

    /**
     * Ids and codes: letters, digits, '-', '_', '.', ':' (starting with a letter or digit); what
     * fits a URL, a label and a log line. {@link #isId} checks it character by character: every
     * row a store reads back checks several ids, and a regex matcher per id was a sixth of what a
     * page of tasks allocated.
     */
    static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]*";
    public static final int MAX_ID_LENGTH = 64;

    private Checks() {
    }

    /** A non-blank identifier of at most {@value #MAX_ID_LENGTH} safe characters. */
    public static String id(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw ValidationException.of(field, "is required");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw ValidationException.of(field, "must be at most " + MAX_ID_LENGTH + " characters, was " + value.length());
        }
        if (!isId(value)) {
            throw ValidationException.of(field, "may hold only letters, digits and . _ : - (starting with a letter or digit)");
        }
        return value;
    }

    /** Whether a non-empty value matches {@link #ID_PATTERN}. */
    static boolean isId(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean alphanumeric = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            boolean punctuation = c == '.' || c == '_' || c == ':' || c == '-';
            if (!alphanumeric && !(i > 0 && punctuation)) {
                return false;
            }
        }
        return true;
    }

    /** Free text (names, messages): not blank when required, bounded, no control characters but tab/newline. */
    public static String text(String field, String value, int maxLength, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ValidationException.of(field, "is required");
            }
            return value == null ? "" : value.strip();
        }
        if (value.length() > maxLength) {
            throw ValidationException.of(field, "must be at most " + maxLength + " characters, was " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                throw ValidationException.of(field, "must not contain control characters");
            }
        }
        return value.strip();
    }

    /** An int within [min, max]. */
    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw ValidationException.of(field, "must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }
}
