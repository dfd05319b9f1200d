package com.grepsr.scheduler.adapters.grpc.auth;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.CrawlerTokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The configured tokens, and the check of a presented one. The check takes the same time
 * whichever token matches and however much of a wrong one is right: secrets are compared as
 * SHA-256 digests (equal lengths) with {@link MessageDigest#isEqual}, against every token, without
 * stopping at a match. Only digests are kept after construction.
 *
 * <p>A presented {@code pct1.…} token is a crawler's: it is verified by its signature
 * ({@link CrawlerTokens}, the server secret every replica shares), never looked up among the API
 * tokens, and acts as the crawler of its one task.
 */
public final class TokenRegistry {

    private record Entry(byte[] digest, Caller caller) {
    }

    private final List<Entry> entries;
    private final CrawlerTokens crawlers;

    /** API tokens only: every crawler token is refused. */
    public TokenRegistry(Collection<ApiToken> tokens) {
        this(tokens, CrawlerTokens.disabled());
    }

    /** API tokens, and the crawler tokens {@code crawlers} signed (none when it is disabled). */
    public TokenRegistry(Collection<ApiToken> tokens, CrawlerTokens crawlers) {
        this.crawlers = Objects.requireNonNull(crawlers, "crawlers");
        Set<String> names = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        for (ApiToken t : tokens) {
            if (!names.add(t.name())) {
                throw new IllegalArgumentException("two tokens are named '" + t.name() + "'");
            }
            if (CrawlerTokens.looksLikeOne(t.secret())) {
                throw new IllegalArgumentException("token '" + t.name() + "': a secret starting with 'pct1.' "
                        + "would be taken for a crawler token");
            }
            if (!secrets.add(t.secret())) {
                throw new IllegalArgumentException("token '" + t.name() + "' reuses another token's secret");
            }
        }
        this.entries = tokens.stream().map(t -> new Entry(digest(t.secret()), t.caller())).toList();
    }

    public static TokenRegistry of(ApiToken... tokens) {
        return new TokenRegistry(List.of(tokens));
    }

    /** The caller a presented secret belongs to; empty for an unknown one. */
    public Optional<Caller> authenticate(String presented) {
        if (CrawlerTokens.looksLikeOne(presented)) {
            return crawlers.verify(presented);
        }
        byte[] digest = digest(presented);
        Caller match = null;
        for (Entry e : entries) {
            // no early exit: every entry is compared, so timing says nothing about which matched
            if (MessageDigest.isEqual(e.digest, digest) && match == null) {
                match = e.caller;
            }
        }
        return Optional.ofNullable(match);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
