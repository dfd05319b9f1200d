package com.grepsr.scheduler.bootstrap;

import com.grepsr.scheduler.bootstrap.config.Settings;
import com.grepsr.scheduler.bootstrap.config.SettingsReader;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Settings for tests: the defaults with the memory store (the default H2 file would land in the
 * module's directory), quick daemons, free ports, plus what a test says.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static Settings settings(String... keysAndValues) {
        Map<String, String> env = new HashMap<>(Map.of("PHOENIX_METRICS_PORT", "0", "PHOENIX_MAX_SLEEP", "100ms",
                "PHOENIX_SIMULATED_CRAWL", "300ms", "PHOENIX_GRPC_PORT", "0", "PHOENIX_DB_URL", "memory",
                "PHOENIX_WEB_PORT", "0"));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return SettingsReader.read(env, Optional.empty());
    }
}
