package com.grepsr.scheduler.application.time;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one syntax of durations in settings, the crawler catalog and the command line: a whole
 * number with a unit ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 3d}). Two older
 * forms stay accepted so existing configuration keeps working: ISO-8601 ({@code PT30S},
 * {@code P1D}, which the Kubernetes settings documented) and a bare whole number of seconds
 * ({@code 30}, which they accepted too) — the latter everywhere, so no setting is the odd one out.
 */
public final class DurationText {

    /** What an error shows: the preferred form first, then the compatible ones. */
    public static final String EXAMPLES = "e.g. 500ms, 30s, 5m, 2h, 3d (also ISO-8601 PT30S, or bare seconds 30)";

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)?");

    private DurationText() {
    }

    /** @throws IllegalArgumentException saying what is expected, with {@link #EXAMPLES} */
    public static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a duration (" + EXAMPLES + ")");
        }
    }
}
