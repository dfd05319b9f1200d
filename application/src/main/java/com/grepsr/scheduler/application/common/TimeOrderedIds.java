package com.grepsr.scheduler.application.common;

import com.grepsr.scheduler.application.port.out.IdGeneratorPort;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * ULID-style ids in lowercase Crockford base32: 50 bits of milliseconds then 79 random bits, 26
 * characters. Time-ordered (keyset pages follow creation), unique across replicas without
 * coordination, and valid in Kubernetes names. Within one millisecond the random part counts up,
 * so ids from one generator are strictly increasing.
 */
public final class TimeOrderedIds implements IdGeneratorPort {

    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long lastMillis = -1;
    private long randomHigh; // 15 bits
    private long randomLow;  // 64 bits

    public TimeOrderedIds(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized String newId() {
        long millis = Math.max(clock.millis(), lastMillis);
        if (millis == lastMillis) {
            randomLow++;
            if (randomLow == 0) {
                randomHigh = (randomHigh + 1) & 0x7FFF;
            }
        } else {
            lastMillis = millis;
            randomHigh = random.nextInt(1 << 14); // room to count up
            randomLow = random.nextLong() & 0x7FFF_FFFF_FFFF_FFFFL; // room to count up
        }
        char[] out = new char[26];
        // 10 chars of time (50 bits, top 2 zero), then 16 chars of randomness (80 bits)
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        long low = randomLow;
        for (int i = 25; i >= 13; i--) {
            out[i] = ALPHABET[(int) (low & 31)];
            low >>>= 5;
        }
        // 13 chars hold low's 64 bits; the 3 before them hold 15 bits of high
        long high = randomHigh;
        for (int i = 12; i >= 10; i--) {
            out[i] = ALPHABET[(int) (high & 31)];
            high >>>= 5;
        }
        return new String(out);
    }
}
