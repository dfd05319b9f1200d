package com.grepsr.scheduler.adapters.grpc.auth;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.domain.common.AccountId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenRegistryTest {

    private static final String ADMIN = "admin-0123456789abcdef";
    private static final String ACME = "acme-0123456789abcdef";

    private final TokenRegistry registry = TokenRegistry.of(ApiToken.admin("ops", ADMIN),
            ApiToken.forAccount("alice", AccountId.of("acme"), ACME));

    @Test
    void a_known_secret_authenticates_as_its_caller() {
        assertThat(registry.authenticate(ADMIN)).contains(Caller.admin("ops"));
        assertThat(registry.authenticate(ACME)).contains(Caller.ofAccount("alice", AccountId.of("acme")));
    }

    @Test
    void an_unknown_or_partly_right_secret_does_not() {
        assertThat(registry.authenticate("")).isEmpty();
        assertThat(registry.authenticate(ADMIN.substring(0, 10))).isEmpty();
        assertThat(registry.authenticate(ADMIN + " ")).isEmpty();
    }

    @Test
    void weak_or_duplicate_tokens_are_refused_at_startup() {
        assertThatThrownBy(() -> ApiToken.admin("ops", "short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiToken.admin("ops", "has a space in it 12345")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenRegistry.of(ApiToken.admin("ops", ADMIN), ApiToken.admin("ops", ACME)))
                .hasMessageContaining("named 'ops'");
        assertThatThrownBy(() -> TokenRegistry.of(ApiToken.admin("a", ADMIN), ApiToken.admin("b", ADMIN)))
                .hasMessageContaining("reuses");
    }

    @Test
    void a_token_never_prints_its_secret() {
        assertThat(ApiToken.admin("ops", ADMIN).toString()).doesNotContain(ADMIN).contains("ops");
    }
}
