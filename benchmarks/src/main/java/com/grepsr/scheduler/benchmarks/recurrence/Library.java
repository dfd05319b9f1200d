package com.grepsr.scheduler.benchmarks.recurrence;

import java.util.Arrays;

/** The libraries measured side by side; each one's benchmark method bears its {@link #method} name. */
enum Library {
    OURS("ours"),
    SPRING("spring"),
    QUARTZ("quartz"),
    CRON_UTILS("cronUtils");

    final String method;

    Library(String method) {
        this.method = method;
    }

    /** The library a JMH benchmark ({@code ...CronNextBenchmark.spring}) measures. */
    static Library ofBenchmark(String benchmark) {
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        return Arrays.stream(values())
                .filter(library -> library.method.equals(method))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no library is measured by " + benchmark));
    }
}
