package com.grepsr.scheduler.client;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.grepsr.scheduler.adapters.grpc.v1.SchedulerProto;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The gRPC API as sorted lines, one per thing a client's code or wire format relies on: each
 * message field (number, name, type, label, oneof), each enum value, each method (request,
 * response, streaming). A line of the baseline that is gone is a breaking change; a new line is an
 * addition.
 */
final class ApiShape {

    static final String PACKAGE = "grepsr.phoenix.scheduler.v1";

    private ApiShape() {
    }

    /** The current API: every file of our package reachable from scheduler.proto. */
    static Set<String> current() {
        Set<String> lines = new TreeSet<>();
        for (FileDescriptor f : ourFiles(SchedulerProto.getDescriptor())) {
            f.getMessageTypes().forEach(m -> message(m, lines));
            f.getEnumTypes().forEach(e -> enumeration(e, lines));
            f.getServices().forEach(s -> service(s, lines));
        }
        return lines;
    }

    private static Set<FileDescriptor> ourFiles(FileDescriptor root) {
        Set<FileDescriptor> seen = new LinkedHashSet<>();
        Deque<FileDescriptor> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            FileDescriptor f = todo.pop();
            if (f.getPackage().equals(PACKAGE) && seen.add(f)) {
                todo.addAll(f.getDependencies());
            }
        }
        return seen;
    }

    private static void message(Descriptor m, Set<String> lines) {
        lines.add("message " + m.getFullName());
        for (FieldDescriptor f : m.getFields()) {
            String type = switch (f.getJavaType()) {
                case MESSAGE -> f.getMessageType().getFullName();
                case ENUM -> f.getEnumType().getFullName();
                default -> f.getType().name().toLowerCase();
            };
            String label = f.isMapField() ? "map" : f.isRepeated() ? "repeated"
                    : f.hasPresence() && f.getContainingOneof() == null ? "optional" : "singular";
            String oneof = f.getRealContainingOneof() == null ? "" : " oneof " + f.getRealContainingOneof().getName();
            lines.add("field " + m.getFullName() + " " + f.getNumber() + " " + f.getName() + " " + label + " "
                    + type + oneof);
        }
        m.getNestedTypes().forEach(n -> message(n, lines));
        m.getEnumTypes().forEach(e -> enumeration(e, lines));
    }

    private static void enumeration(EnumDescriptor e, Set<String> lines) {
        lines.add("enum " + e.getFullName());
        e.getValues().forEach(v -> lines.add("value " + e.getFullName() + " " + v.getNumber() + " " + v.getName()));
    }

    private static void service(ServiceDescriptor s, Set<String> lines) {
        lines.add("service " + s.getFullName());
        for (MethodDescriptor m : s.getMethods()) {
            lines.add("rpc " + s.getFullName() + "." + m.getName() + "("
                    + (m.isClientStreaming() ? "stream " : "") + m.getInputType().getFullName() + ") returns ("
                    + (m.isServerStreaming() ? "stream " : "") + m.getOutputType().getFullName() + ")");
        }
    }
}
