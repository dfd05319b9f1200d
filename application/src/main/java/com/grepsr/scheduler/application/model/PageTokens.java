package com.grepsr.scheduler.application.model;

import com.grepsr.scheduler.domain.error.ValidationException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Encodes keyset positions (the sort key of the last item of a page) as opaque URL-safe tokens,
 * and refuses tokens it did not make. Shared by every store so tokens look and fail alike.
 */
public final class PageTokens {

    private static final String MAGIC = "p1";
    private static final char SEP = '\u001f';

    private PageTokens() {
    }

    /** A token for the position after an item whose sort key is {@code parts}. */
    public static String encode(String... parts) {
        StringBuilder b = new StringBuilder(MAGIC);
        for (String p : parts) {
            b.append(SEP).append(p);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key inside a token; a foreign or damaged token is a validation error. */
    public static List<String> decode(String token, int expectedParts) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = raw.split(String.valueOf(SEP), -1);
            if (parts.length != expectedParts + 1 || !MAGIC.equals(parts[0])) {
                throw invalid();
            }
            return List.of(parts).subList(1, parts.length);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static ValidationException invalid() {
        return ValidationException.of("page_token", "is not a token this service issued (use next_page_token as given)");
    }
}
