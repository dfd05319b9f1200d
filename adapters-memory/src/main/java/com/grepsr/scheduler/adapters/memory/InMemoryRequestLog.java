package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.port.out.RequestLogPort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Request ids in a map; the transactions' lock makes a duplicate wait for the first, as a unique key would. */
public final class InMemoryRequestLog implements RequestLogPort {

    private final Map<Key, Entry> entries = new HashMap<>();
    private final InMemoryTransactions tx;

    public InMemoryRequestLog(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<Entry> find(Key key, Instant notBefore) {
        return tx.locked(() -> Optional.ofNullable(entries.get(key)).filter(e -> !e.recordedAt().isBefore(notBefore)));
    }

    @Override
    public boolean record(Entry entry, Instant notBefore) {
        return tx.locked(() -> {
            Entry old = entries.get(entry.key());
            if (old != null && !old.recordedAt().isBefore(notBefore)) {
                return false;
            }
            tx.write(() -> entries.put(entry.key(), entry), () -> restore(entry.key(), old));
            return true;
        });
    }

    @Override
    public int deleteRecordedBefore(Instant cutoff, int limit) {
        return tx.locked(() -> {
            List<Entry> old = new ArrayList<>();
            for (Entry e : entries.values()) {
                if (old.size() < limit && e.recordedAt().isBefore(cutoff)) {
                    old.add(e);
                }
            }
            old.forEach(e -> tx.write(() -> entries.remove(e.key()), () -> entries.put(e.key(), e)));
            return old.size();
        });
    }

    private void restore(Key key, Entry old) {
        if (old == null) {
            entries.remove(key);
        } else {
            entries.put(key, old);
        }
    }
}
