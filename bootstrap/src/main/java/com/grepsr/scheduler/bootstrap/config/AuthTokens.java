package com.grepsr.scheduler.bootstrap.config;

import com.grepsr.scheduler.bootstrap.config.Settings.AuthToken;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Parses {@code TOKEN=admin,TOKEN=account:ACCOUNT_ID,…}. */
final class AuthTokens {

    /** Short tokens are guessable; real ones come from a secret generator. */
    static final int MIN_LENGTH = 16;

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
            int eq = entry.lastIndexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("entry " + n + " is not TOKEN=admin or TOKEN=account:ID");
            }
            String token = entry.substring(0, eq).trim();
            String scope = entry.substring(eq + 1).trim();
            if (token.length() < MIN_LENGTH) {
                throw new IllegalArgumentException("entry " + n + ": tokens need at least " + MIN_LENGTH
                        + " characters");
            }
            if (!seen.add(token)) {
                throw new IllegalArgumentException("entry " + n + " repeats a token");
            }
            if (scope.equals("admin")) {
                tokens.add(new AuthToken(token, Optional.empty()));
            } else if (scope.startsWith("account:") && scope.length() > "account:".length()) {
                tokens.add(new AuthToken(token, Optional.of(scope.substring("account:".length()))));
            } else {
                throw new IllegalArgumentException("entry " + n + ": scope must be 'admin' or 'account:ID'");
            }
        }
        return tokens;
    }
}
