package com.grepsr.scheduler.bootstrap.config;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What one process of the scheduler does. One jar runs any of them; {@code all} (the default) is
 * every part in one process, the embedded development shape.
 */
public enum Role {
    /** The gRPC scheduler service. */
    API,
    /** Materializes the next horizon of every active schedule's runs. */
    CALCULATOR,
    /** Claims due runs and fires them. */
    PROCESSOR,
    /** Follows launched crawlers into task status; finds lost tasks and missed runs. */
    RECONCILER;

    /** The setting's spelling. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads {@code all} or a comma-separated list such as {@code calculator,reconciler}.
     *
     * @throws IllegalArgumentException naming the unknown role and the known ones
     */
    public static Set<Role> parse(String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String part : text.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.equals("all")) {
                roles.addAll(EnumSet.allOf(Role.class));
                continue;
            }
            Role match = null;
            for (Role r : values()) {
                if (r.key().equals(p)) {
                    match = r;
                }
            }
            if (match == null) {
                throw new IllegalArgumentException("unknown role '" + part.trim()
                        + "' (known: all, api, calculator, processor, reconciler)");
            }
            roles.add(match);
        }
        return roles;
    }
}
