package com.grepsr.scheduler.benchmarks.api;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the server's time went while one method was under load, from its flight recording: each
 * event is charged to the method whose measured slices contain it (methods run one at a time).
 *
 * <ul>
 *   <li>CPU samples ({@code jdk.ExecutionSample}) by {@link Layer} and by top frame;</li>
 *   <li>reads from PostgreSQL ({@code jdk.SocketRead} on the database port, recorded with no
 *       threshold by run-api.sh's settings): round trips per call and the time spent waiting;</li>
 *   <li>CPU load ({@code jdk.CPULoad}): the server's share and the whole machine's;</li>
 *   <li>sampled allocation ({@code jdk.ObjectAllocationSample} weights): bytes per call, and by the
 *       first non-JDK frame that allocated;</li>
 *   <li>waits of 10 ms or more ({@code jdk.ThreadPark}, {@code jdk.JavaMonitorEnter}) by the first
 *       non-JDK frame that waited, e.g. a wait for a pooled connection; idle pool threads left out.</li>
 * </ul>
 */
final class ServerProfile {

    /** What one method's slices show. */
    static final class Part {
        long samples;
        final Map<Layer, Long> layers = new EnumMap<>(Layer.class);
        final Map<String, Long> topFrames = new HashMap<>();
        long dbReads;
        long dbReadNanos;
        double cpuServer;
        double cpuMachine;
        long cpuReadings;
        long allocatedBytes;
        final Map<String, Long> allocationSites = new HashMap<>();
        final Map<String, Long> longWaits = new HashMap<>();

        double serverCpu() {
            return cpuReadings == 0 ? Double.NaN : cpuServer / cpuReadings;
        }

        double machineCpu() {
            return cpuReadings == 0 ? Double.NaN : cpuMachine / cpuReadings;
        }
    }

    private ServerProfile() {
    }

    /** Reads {@code jfr} and charges its events to the slices' methods; {@code dbPort} tells database reads apart. */
    static Map<String, Part> read(Path jfr, List<ClosedLoop.Slice> slices, int dbPort) throws IOException {
        Map<String, Part> parts = new LinkedHashMap<>();
        slices.forEach(s -> parts.computeIfAbsent(s.key(), k -> new Part()));
        try (RecordingFile file = new RecordingFile(jfr)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                Part p = partAt(e.getStartTime(), slices, parts);
                if (p != null) {
                    add(p, e, dbPort);
                }
            }
        }
        return parts;
    }

    private static Part partAt(Instant t, List<ClosedLoop.Slice> slices, Map<String, Part> parts) {
        for (ClosedLoop.Slice s : slices) {
            if (!t.isBefore(s.start()) && t.isBefore(s.end())) {
                return parts.get(s.key());
            }
        }
        return null;
    }

    private static void add(Part p, RecordedEvent e, int dbPort) {
        switch (e.getEventType().getName()) {
            case "jdk.ExecutionSample" -> {
                p.samples++;
                p.layers.merge(Layer.of(e.getStackTrace()), 1L, Long::sum);
                if (e.getStackTrace() != null && !e.getStackTrace().getFrames().isEmpty()) {
                    p.topFrames.merge(frame(e.getStackTrace().getFrames().get(0)), 1L, Long::sum);
                }
            }
            case "jdk.SocketRead" -> {
                if (e.getInt("port") == dbPort) {
                    p.dbReads++;
                    p.dbReadNanos += e.getDuration().toNanos();
                }
            }
            case "jdk.CPULoad" -> {
                p.cpuServer += e.getFloat("jvmUser") + e.getFloat("jvmSystem");
                p.cpuMachine += e.getFloat("machineTotal");
                p.cpuReadings++;
            }
            case "jdk.ObjectAllocationSample" -> {
                p.allocatedBytes += e.getLong("weight");
                p.allocationSites.merge(firstOwnFrame(e), e.getLong("weight"), Long::sum);
            }
            case "jdk.ThreadPark", "jdk.JavaMonitorEnter" -> {
                String waiter = firstOwnFrame(e);
                if (!waiter.equals(IDLE)) { // an idle pool thread waiting for work is no one's cost
                    p.longWaits.merge(waiter, 1L, Long::sum);
                }
            }
            default -> { }
        }
    }

    private static final String IDLE = "(JDK only)";

    /** The first non-JDK frame from the top: who allocated, who waited (HikariCP, gRPC's executor...). */
    private static String firstOwnFrame(RecordedEvent e) {
        if (e.getStackTrace() == null) {
            return IDLE;
        }
        for (RecordedFrame f : e.getStackTrace().getFrames()) {
            if (!Layer.isJdk(Layer.typeName(f))) {
                return frame(f);
            }
        }
        return IDLE;
    }

    private static String frame(RecordedFrame f) {
        return Layer.typeName(f) + "." + (f.getMethod() == null ? "?" : f.getMethod().getName());
    }
}
