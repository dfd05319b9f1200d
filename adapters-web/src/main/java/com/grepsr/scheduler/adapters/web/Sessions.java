package com.grepsr.scheduler.adapters.web;

import com.grepsr.scheduler.application.model.Caller;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in browsers. A session id is 32 random bytes, the only thing the cookie carries: the
 * token itself never leaves the login POST, and is not kept. Each session has its own CSRF token,
 * which every form embeds and every POST must echo. Sessions live in memory: a restart logs
 * everyone out, which is fine for an operators' page.
 */
final class Sessions {

    static final String COOKIE = "phoenix_session";
    static final Duration LIFETIME = Duration.ofHours(12);

    record Session(String id, Caller caller, String csrf, Instant expires) {
    }

    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Session> byId = new ConcurrentHashMap<>();
    private final Clock clock;

    Sessions(Clock clock) {
        this.clock = clock;
    }

    Session open(Caller caller) {
        Instant now = clock.instant();
        byId.values().removeIf(s -> s.expires().isBefore(now)); // logins are rare: sweeping here is enough
        Session s = new Session(randomId(), caller, randomId(), now.plus(LIFETIME));
        byId.put(s.id(), s);
        return s;
    }

    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = byId.get(id);
        if (s == null || s.expires().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(s);
    }

    void close(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    /** The Set-Cookie value: HttpOnly (no script reads it), SameSite=Strict (no other site sends it). */
    static String cookie(Session s, boolean secure) {
        return COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + LIFETIME.toSeconds()
                + (secure ? "; Secure" : "");
    }

    static String expiredCookie() {
        return COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
    }

    private String randomId() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
