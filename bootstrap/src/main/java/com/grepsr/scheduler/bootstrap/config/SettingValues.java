package com.grepsr.scheduler.bootstrap.config;

import com.grepsr.scheduler.application.time.DurationText;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Typed reads of raw setting values; a bad value adds a problem naming the setting, the value
 * and what was expected, and yields a placeholder so reading goes on and finds every problem.
 */
final class SettingValues {

    private final Function<Setting, String> raw;
    private final List<String> problems;

    SettingValues(Function<Setting, String> raw, List<String> problems) {
        this.raw = raw;
        this.problems = problems;
    }

    int problems() {
        return problems.size();
    }

    void problem(String text) {
        problems.add(text);
    }

    String text(Setting s) {
        return raw.apply(s);
    }

    Optional<String> optional(Setting s) {
        String v = raw.apply(s);
        return v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    <T> T parse(Setting s, Function<String, T> parser, T fallback) {
        String v = raw.apply(s);
        try {
            return parser.apply(v);
        } catch (IllegalArgumentException e) {
            bad(s, v, e.getMessage());
            return fallback;
        }
    }

    Duration duration(Setting s) {
        Duration d = parse(s, DurationText::parse, Duration.parse("PT1S"));
        if (d.isNegative()) {
            bad(s, raw.apply(s), "must not be negative");
            return Duration.ZERO;
        }
        return d;
    }

    /** A retention: a duration, or {@code off} / {@code 0} for forever ({@link Duration#ZERO}). */
    Duration retention(Setting s) {
        String v = raw.apply(s).trim();
        return v.equalsIgnoreCase("off") || v.equals("0") ? Duration.ZERO : duration(s);
    }

    int positiveInt(Setting s, int max) {
        return parse(s, v -> {
            try {
                int n = Integer.parseInt(v);
                if (n < 1 || n > max) {
                    throw new IllegalArgumentException("expected a number from 1 to " + max);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a number from 1 to " + max);
            }
        }, 1);
    }

    /** A port 0–65535, or empty for {@code off}. */
    Optional<Integer> port(Setting s) {
        return parse(s, v -> {
            if (v.equalsIgnoreCase("off")) {
                return Optional.empty();
            }
            try {
                int n = Integer.parseInt(v);
                if (n >= 0 && n <= 65535) {
                    return Optional.of(n);
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
            throw new IllegalArgumentException("expected a port number 0-65535"
                    + (s == Setting.METRICS_PORT ? " or 'off'" : ""));
        }, Optional.of(0));
    }

    <E extends Enum<E>> E choice(Setting s, Class<E> type, E fallback) {
        String v = raw.apply(s);
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v.replace('-', '_'))) {
                return e;
            }
        }
        bad(s, v, "expected one of " + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        return fallback;
    }

    Optional<Path> existingFile(Setting s) {
        Optional<String> v = optional(s);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        Path p = Path.of(v.get());
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            bad(s, v.get(), "no readable file there");
            return Optional.empty();
        }
        return Optional.of(p);
    }

    private void bad(Setting s, String value, String expected) {
        String shown = s == Setting.AUTH_TOKENS || s == Setting.STORE_PASSWORD || s == Setting.TRIGGER_TOKEN
                || s == Setting.CRAWLER_TOKEN_SECRET ? "(hidden)" : "'" + value + "'";
        problems.add(s.label() + " = " + shown + ": " + expected);
    }
}
