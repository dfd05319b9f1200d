package com.grepsr.scheduler.application.contract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Part of the contract of every store with keyset pages: a token the store did not issue is a
 * validation error on {@code page_token}, never a crash or an empty page. Each contract says how
 * to ask its store for a page with a given token.
 */
public interface RefusesForeignPageTokens {

    /** Asks the store for a page with {@code token} and asserts it is refused on page_token. */
    void assertPageTokenRejected(String token);

    @ParameterizedTest(name = "token {0}")
    @ValueSource(strings = {"garbage", "!!!", "cDE"})
    default void a_token_this_store_did_not_issue_is_a_validation_error_on_page_token(String token) {
        assertPageTokenRejected(token);
    }
}
