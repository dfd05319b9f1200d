package com.grepsr.scheduler.application.model;

import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.error.DomainException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * The credential a launched crawler reports with: {@code pct1.<payload>.<mac>}, where the payload
 * (base64url) names the task, its multi-process parent and its account, and the mac is the
 * HMAC-SHA256 of {@code pct1.<payload>} under the server's secret (PHOENIX_CRAWLER_TOKEN_SECRET).
 *
 * <p>Nothing is stored: every API replica configured with the same secret verifies any token,
 * and launching a task again yields the same token. The token acts as
 * {@link Caller#crawlerOf the crawler of its task}, whose reach {@link Caller} limits to reporting
 * on that task. It carries no expiry: it is worth nothing beyond its own task, and changing the
 * secret revokes every token at once.
 *
 * <p>{@link #disabled()} (no secret configured) issues none and accepts none.
 */
public final class CrawlerTokens {

    /** A secret must carry at least 256 bits for HMAC-SHA256 to be as strong as it can. */
    public static final int MIN_SECRET_LENGTH = 32;
    private static final String VERSION = "pct1";
    private static final String PREFIX = VERSION + ".";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final CrawlerTokens DISABLED = new CrawlerTokens(null);

    private final SecretKeySpec key;

    private CrawlerTokens(SecretKeySpec key) {
        this.key = key;
    }

    /**
     * @throws IllegalArgumentException when the secret is shorter than {@value #MIN_SECRET_LENGTH}
     *                                  characters or holds whitespace (the message never shows it)
     */
    public static CrawlerTokens withSecret(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH || secret.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the crawler token secret must be at least " + MIN_SECRET_LENGTH
                    + " characters without whitespace (e.g. openssl rand -hex 32)");
        }
        return new CrawlerTokens(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
    }

    /** No secret: no token is issued, every presented one is refused. */
    public static CrawlerTokens disabled() {
        return DISABLED;
    }

    public boolean enabled() {
        return key != null;
    }

    /** Whether {@code presented} has this kind's form (so it is never looked up as an API token). */
    public static boolean looksLikeOne(String presented) {
        return presented.startsWith(PREFIX);
    }

    /** The token for the crawler of {@code task}; empty when disabled. */
    public Optional<String> issue(Task task) {
        if (key == null) {
            return Optional.empty();
        }
        String payload = String.join("\n", "task", task.id().value(),
                task.parentId().map(TaskId::value).orElse(""), task.report().accountId().value());
        String signed = PREFIX + ENCODE.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return Optional.of(signed + "." + ENCODE.encodeToString(mac(signed)));
    }

    /** The crawler a presented token acts as; empty for a malformed, forged or foreign token, or when disabled. */
    public Optional<Caller> verify(String presented) {
        if (key == null || !looksLikeOne(presented)) {
            return Optional.empty();
        }
        int dot = presented.lastIndexOf('.');
        String signed = presented.substring(0, dot);
        if (dot < PREFIX.length() || signed.indexOf('.', PREFIX.length()) >= 0) {
            return Optional.empty();
        }
        try {
            byte[] mac = DECODE.decode(presented.substring(dot + 1));
            if (!MessageDigest.isEqual(mac(signed), mac)) { // constant time: no byte-by-byte guessing
                return Optional.empty();
            }
            String[] f = new String(DECODE.decode(signed.substring(PREFIX.length())), StandardCharsets.UTF_8)
                    .split("\n", -1);
            if (f.length != 4 || !f[0].equals("task")) {
                return Optional.empty();
            }
            Optional<TaskId> parent = f[2].isEmpty() ? Optional.empty() : Optional.of(TaskId.of(f[2]));
            return Optional.of(Caller.crawlerOf(TaskId.of(f[1]), parent, AccountId.of(f[3])));
        } catch (IllegalArgumentException | DomainException e) { // bad base64, or ids a signed payload never holds
            return Optional.empty();
        }
    }

    private byte[] mac(String signed) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + ALGORITHM, e);
        }
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "CrawlerTokens[" + (enabled() ? "enabled" : "disabled") + "]";
    }
}
