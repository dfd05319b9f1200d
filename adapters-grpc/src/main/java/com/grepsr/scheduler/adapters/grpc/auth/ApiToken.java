package com.grepsr.scheduler.adapters.grpc.auth;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.domain.common.AccountId;

import java.util.Objects;
import java.util.Optional;

/**
 * A configured bearer token: whose it is, and whether it acts as an admin or for one account.
 *
 * @param name    the caller's name (the actor of activity events, shown in logs); never the secret
 * @param account the only account it may see and change; empty for an admin token
 * @param secret  what the client sends after {@code Bearer }; at least {@value #MIN_SECRET_LENGTH}
 *                characters, no whitespace
 */
public record ApiToken(String name, Optional<AccountId> account, String secret) {

    /** Short secrets are guessable; 16 characters of a random token is the least we accept. */
    public static final int MIN_SECRET_LENGTH = 16;

    public ApiToken {
        Objects.requireNonNull(name, "name");
        account = account == null ? Optional.empty() : account;
        Objects.requireNonNull(secret, "secret");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a token needs a name");
        }
        if (secret.length() < MIN_SECRET_LENGTH || secret.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("token '" + name + "': the secret must be at least "
                    + MIN_SECRET_LENGTH + " characters without whitespace");
        }
    }

    public static ApiToken admin(String name, String secret) {
        return new ApiToken(name, Optional.empty(), secret);
    }

    public static ApiToken forAccount(String name, AccountId account, String secret) {
        return new ApiToken(name, Optional.of(account), secret);
    }

    /** Who a call with this token acts as. */
    public Caller caller() {
        return new Caller(name, account);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "ApiToken[" + name + ", " + account.map(a -> "account " + a).orElse("admin") + "]";
    }
}
