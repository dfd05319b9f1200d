package com.grepsr.scheduler.bootstrap.config;

import com.grepsr.scheduler.application.model.CrawlerTokens;
import com.grepsr.scheduler.bootstrap.config.Settings.AuthToken;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses {@code [NAME:]SECRET=admin} and {@code [NAME:]SECRET=account:ACCOUNT_ID}, comma-separated.
 * The name is the caller's name in logs and activity events (default {@code admin} or
 * {@code account-ID}); the secret is what clients send as {@code Bearer SECRET}.
 */
final class AuthTokens {

    /** Short secrets are guessable; real ones come from a secret generator. */
    static final int MIN_LENGTH = 16;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private AuthTokens() {
    }

    static List<AuthToken> parse(String text) {
        List<AuthToken> tokens = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (text.isBlank()) {
            return tokens;
        }
        int n = 0;
        for (String entry : text.split(",")) {
            n++;
            // a scope never holds '=', a base64 secret may end in it: split at the last one
            int eq = entry.lastIndexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("entry " + n + " is not [NAME:]SECRET=admin or "
                        + "[NAME:]SECRET=account:ID");
            }
            String named = entry.substring(0, eq).trim();
            String scope = entry.substring(eq + 1).trim();
            int colon = named.indexOf(':');
            Optional<String> name = colon > 0 && NAME.matcher(named.substring(0, colon)).matches()
                    ? Optional.of(named.substring(0, colon)) : Optional.empty();
            String secret = name.isPresent() ? named.substring(colon + 1) : named;
            if (secret.length() < MIN_LENGTH) {
                throw new IllegalArgumentException("entry " + n + ": secrets need at least " + MIN_LENGTH
                        + " characters");
            }
            if (CrawlerTokens.looksLikeOne(secret)) {
                throw new IllegalArgumentException("entry " + n + ": a secret starting with 'pct1.' would be taken "
                        + "for a crawler token");
            }
            if (!seen.add(secret)) {
                throw new IllegalArgumentException("entry " + n + " repeats a secret");
            }
            if (scope.equals("admin")) {
                tokens.add(new AuthToken(name.orElse("admin"), secret, Optional.empty()));
            } else if (scope.startsWith("account:") && scope.length() > "account:".length()) {
                String account = scope.substring("account:".length());
                tokens.add(new AuthToken(name.orElse("account-" + account), secret, Optional.of(account)));
            } else {
                throw new IllegalArgumentException("entry " + n + ": scope must be 'admin' or 'account:ID'");
            }
        }
        return tokens;
    }
}
