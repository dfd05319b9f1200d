package com.grepsr.scheduler.bootstrap.config;

import java.util.List;

/**
 * The configuration cannot be used; {@link #problems()} lists every bad setting at once, each
 * naming the environment variable, the file key, the value and what is expected, so one start
 * attempt shows everything to fix.
 */
public final class SettingsException extends RuntimeException {

    private final List<String> problems;

    public SettingsException(List<String> problems) {
        super("invalid configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
