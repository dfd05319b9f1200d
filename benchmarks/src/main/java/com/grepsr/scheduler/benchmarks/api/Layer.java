package com.grepsr.scheduler.benchmarks.api;

import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;

import java.util.List;

/**
 * The layers of the server a CPU sample can fall in. A sample belongs to the layer of the first
 * non-JDK frame from the top of its stack: JDK code (String building, hashing, collections) is
 * charged to whoever called it — a SHA-256 to the auth check, a StringBuilder to jOOQ's SQL
 * rendering. A stack of JDK frames only (GC, JIT, idle selector threads) is "JDK / JVM".
 */
enum Layer {
    JDBC("PostgreSQL JDBC driver", "org.postgresql."),
    POOL("HikariCP pool", "com.zaxxer.hikari."),
    JOOQ("jOOQ: SQL rendering, binding, record mapping", "org.jooq."),
    FLYWAY("Flyway", "org.flywaydb."),
    PROTOBUF("protobuf (de)serialization", "com.google.protobuf."),
    TRANSPORT("gRPC + Netty transport", "io.grpc."),
    LOGGING("logging (Logback, SLF4J)", "ch.qos.logback.", "org.slf4j."),
    METRICS("metrics (Micrometer)", "io.micrometer."),
    AUTH("auth (token check)", "com.grepsr.scheduler.adapters.grpc.auth."),
    MAPPING("gRPC service + proto mapping", "com.grepsr.scheduler.adapters.grpc."),
    STORE("SQL stores (ours)", "com.grepsr.scheduler.adapters.sql."),
    RECURRENCE("recurrence engine", "com.grepsr.scheduler.domain.recurrence."),
    CORE("domain + use cases (other)", "com.grepsr.scheduler."),
    OTHER_LIBRARY("other libraries"),
    JDK("JDK / JVM only");

    private final String label;
    private final String[] prefixes;

    Layer(String label, String... prefixes) {
        this.label = label;
        this.prefixes = prefixes;
    }

    String label() {
        return label;
    }

    static Layer of(RecordedStackTrace stack) {
        if (stack == null) {
            return JDK;
        }
        List<RecordedFrame> frames = stack.getFrames();
        for (RecordedFrame f : frames) {
            String type = typeName(f);
            if (isJdk(type)) {
                continue;
            }
            for (Layer l : values()) {
                for (String p : l.prefixes) {
                    if (type.startsWith(p)) {
                        return l;
                    }
                }
            }
            return OTHER_LIBRARY;
        }
        return JDK;
    }

    static String typeName(RecordedFrame f) {
        return f.getMethod() == null ? "?" : f.getMethod().getType().getName();
    }

    static boolean isJdk(String type) {
        return type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.")
                || type.startsWith("sun.") || type.startsWith("com.sun.");
    }
}
