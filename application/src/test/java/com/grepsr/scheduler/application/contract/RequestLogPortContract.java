package com.grepsr.scheduler.application.contract;

import com.grepsr.scheduler.application.port.out.RequestLogPort.Entry;
import com.grepsr.scheduler.application.port.out.RequestLogPort.Key;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static com.grepsr.scheduler.application.contract.ContractFixtures.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@link com.grepsr.scheduler.application.port.out.RequestLogPort} contract: a key is recorded
 * once, expired entries count as unseen, entries live and die with their transaction, and a
 * duplicate recorded concurrently waits for the first. Uses the request log and the transactions.
 */
public abstract class RequestLogPortContract extends StoreContract {

    private static final Instant LONG_AGO = BASE.minus(Duration.ofDays(1));
    private static final String FINGERPRINT = "a".repeat(64);
    private static final String OTHER_FINGERPRINT = "b".repeat(64);

    private static Key key(String requestId) {
        return new Key("account:a1", "Schedule", requestId);
    }

    private static Entry entry(Key key, String fingerprint, Instant at, String... created) {
        return new Entry(key, fingerprint, List.of(created), at);
    }

    @Test
    void an_unseen_key_is_recorded_and_found_as_it_was() {
        Entry e = entry(key("r-1"), FINGERPRINT, BASE, "s-1");

        assertThat(stores.requests().find(e.key(), LONG_AGO)).isEmpty();
        assertThat(stores.requests().record(e, LONG_AGO)).isTrue();

        assertThat(stores.requests().find(e.key(), LONG_AGO)).contains(e);
    }

    @Test
    void a_live_key_is_not_recorded_again_and_keeps_its_first_entry() {
        Entry first = entry(key("r-1"), FINGERPRINT, BASE, "s-1");
        stores.requests().record(first, LONG_AGO);

        assertThat(stores.requests().record(entry(first.key(), OTHER_FINGERPRINT, BASE.plusSeconds(1), "s-2"),
                LONG_AGO)).isFalse();

        assertThat(stores.requests().find(first.key(), LONG_AGO)).contains(first);
    }

    @Test
    void scope_method_and_request_id_each_make_another_key() {
        Key base = key("r-1");
        List<Key> others = List.of(new Key("account:a2", "Schedule", "r-1"), new Key("admin", "Schedule", "r-1"),
                new Key("account:a1", "OneTimeRun", "r-1"), key("r-2"), key("R-1"));
        stores.requests().record(entry(base, FINGERPRINT, BASE, "s-1"), LONG_AGO);

        for (Key other : others) {
            assertThat(stores.requests().find(other, LONG_AGO)).as("%s before", other).isEmpty();
            assertThat(stores.requests().record(entry(other, FINGERPRINT, BASE, "t-" + other.scope().length()),
                    LONG_AGO)).as("%s", other).isTrue();
        }
        assertThat(stores.requests().find(base, LONG_AGO).orElseThrow().created()).containsExactly("s-1");
    }

    @Test
    void an_expired_entry_counts_as_unseen_and_is_replaced() {
        Key k = key("r-1");
        stores.requests().record(entry(k, FINGERPRINT, LONG_AGO, "s-old"), LONG_AGO.minusSeconds(1));
        Instant notBefore = LONG_AGO.plusSeconds(1);

        assertThat(stores.requests().find(k, notBefore)).isEmpty();
        Entry fresh = entry(k, OTHER_FINGERPRINT, BASE, "s-new");
        assertThat(stores.requests().record(fresh, notBefore)).isTrue();

        assertThat(stores.requests().find(k, notBefore)).contains(fresh);
    }

    @Test
    void an_entry_recorded_at_the_cut_off_is_still_live() {
        Entry e = entry(key("r-1"), FINGERPRINT, LONG_AGO, "s-1");
        stores.requests().record(e, LONG_AGO);

        assertThat(stores.requests().find(e.key(), LONG_AGO)).contains(e);
        assertThat(stores.requests().record(entry(e.key(), FINGERPRINT, BASE, "s-2"), LONG_AGO)).isFalse();
    }

    @Test
    void many_created_ids_keep_their_order() {
        String[] ids = IntStream.range(0, 1001).mapToObj(i -> String.format("task-%055d", 1000 - i))
                .toArray(String[]::new);
        Entry e = entry(key("r-1"), FINGERPRINT, BASE, ids);
        stores.requests().record(e, LONG_AGO);

        assertThat(stores.requests().find(e.key(), LONG_AGO).orElseThrow().created()).containsExactly(ids);
    }

    @Test
    void an_entry_of_a_failed_transaction_is_gone_and_its_key_free() {
        Entry e = entry(key("r-1"), FINGERPRINT, BASE, "s-1");

        assertThatThrownBy(() -> stores.transactions().run(() -> {
            assertThat(stores.requests().record(e, LONG_AGO)).isTrue();
            throw new IllegalStateException("the creation failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(stores.requests().find(e.key(), LONG_AGO)).isEmpty();
        assertThat(stores.requests().record(e, LONG_AGO)).isTrue();
    }

    @Test
    void deleting_old_entries_takes_only_those_before_the_cut_off_at_most_limit_at_a_time() {
        for (int i = 0; i < 5; i++) {
            stores.requests().record(entry(key("old-" + i), FINGERPRINT, LONG_AGO.plusSeconds(i), "s-" + i),
                    LONG_AGO.minusSeconds(1));
        }
        Entry young = entry(key("young"), FINGERPRINT, BASE, "s-y");
        stores.requests().record(young, LONG_AGO);
        Instant cutoff = BASE.minusSeconds(1);

        assertThat(stores.requests().deleteRecordedBefore(cutoff, 3)).isEqualTo(3);
        assertThat(stores.requests().deleteRecordedBefore(cutoff, 3)).isEqualTo(2);
        assertThat(stores.requests().deleteRecordedBefore(cutoff, 3)).isZero();

        Instant everything = LONG_AGO.minusSeconds(1);
        assertThat(IntStream.range(0, 5).mapToObj(i -> stores.requests().find(key("old-" + i), everything)))
                .allMatch(java.util.Optional::isEmpty);
        assertThat(stores.requests().find(young.key(), everything)).contains(young);
    }

    @Test
    void a_duplicate_waits_for_the_first_transaction_and_finds_the_key_taken_once_it_commits() throws Exception {
        assertThat(duplicateRecordedWhileTheFirstIsOpen(true)).as("recorded by the duplicate").isFalse();
    }

    @Test
    void a_duplicate_records_the_key_when_the_first_transaction_rolls_back() throws Exception {
        assertThat(duplicateRecordedWhileTheFirstIsOpen(false)).as("recorded by the duplicate").isTrue();
    }

    /** What a second transaction's record returns for a key a first, still open one just recorded. */
    private boolean duplicateRecordedWhileTheFirstIsOpen(boolean firstCommits) throws Exception {
        Entry first = entry(key("r-1"), FINGERPRINT, BASE, "s-1");
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> firstTx = CompletableFuture.runAsync(() -> stores.transactions().run(() -> {
            assertThat(stores.requests().record(first, LONG_AGO)).isTrue();
            recorded.countDown();
            await(release);
            if (!firstCommits) {
                throw new IllegalStateException("the first creation failed");
            }
        }));
        assertThat(recorded.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Boolean> duplicate = CompletableFuture.supplyAsync(() -> stores.transactions()
                .inTransaction(() -> stores.requests().record(entry(first.key(), FINGERPRINT, BASE, "s-2"), LONG_AGO)));
        Thread.sleep(300);
        assertThat(duplicate).as("the duplicate waits for the first transaction").isNotDone();
        release.countDown();

        boolean result = duplicate.get(10, TimeUnit.SECONDS);
        firstTx.handle((ok, failure) -> null).get(10, TimeUnit.SECONDS);
        assertThat(stores.requests().find(first.key(), LONG_AGO).orElseThrow().created())
                .containsExactly(firstCommits ? "s-1" : "s-2");
        return result;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the first transaction");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
