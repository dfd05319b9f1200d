package com.grepsr.scheduler.adapters.grpc.mapping;

import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.grepsr.scheduler.domain.error.ValidationException;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Proto enums ↔ domain enums by name: {@code TASK_STATUS_RUNNING} ↔ {@code TaskStatus.RUNNING}.
 * Proto enum values carry their enum's name as a prefix (they share one namespace per package);
 * the rest of the name is the domain constant's. {@code ProtoEnumsTest} checks every domain
 * constant has its proto value, so a constant added on one side only fails the build.
 *
 * <p>Works on numbers, not on generated constants, because an unknown number (a newer client, or
 * garbage) arrives as {@code UNRECOGNIZED}, which has no number to report back.
 */
public final class ProtoEnums {

    /**
     * Prefixes by enum, derived once: every task or schedule in a response maps several enums,
     * and deriving the prefix takes a regular expression (a GetActiveTasksV2 page of 50 compiled
     * 100 of them, a third of the call's allocation). Bounded by the enums in the proto files.
     */
    private static final Map<EnumDescriptor, String> PREFIXES = new ConcurrentHashMap<>();

    /**
     * Proto values by domain ordinal, per pair of enums: looking a value up by name built its
     * name string for every enum of every task in a response (~10% of a task page's allocation).
     * An entry is null where the proto enum lacks the constant.
     */
    private static final Map<Pair, EnumValueDescriptor[]> BY_ORDINAL = new ConcurrentHashMap<>();

    private record Pair(EnumDescriptor proto, Class<?> domain) {
    }

    private ProtoEnums() {
    }

    /**
     * The domain constant for a wire number; empty for 0 ({@code …_UNSPECIFIED}: "not given").
     *
     * @throws ValidationException for a number the proto enum does not define
     */
    public static <D extends Enum<D>> Optional<D> toDomain(String field, int number, EnumDescriptor proto,
                                                           Class<D> domain) {
        EnumValueDescriptor value = proto.findValueByNumber(number);
        if (value == null) {
            throw ValidationException.of(field, "unknown " + proto.getName() + " value " + number + "; use one of "
                    + proto.getValues().stream().filter(v -> v.getNumber() != 0).map(EnumValueDescriptor::getName)
                    .collect(Collectors.joining(", ")));
        }
        if (number == 0) {
            return Optional.empty();
        }
        return Optional.of(Enum.valueOf(domain, value.getName().substring(prefix(proto).length())));
    }

    /** A set of domain constants from repeated wire numbers; UNSPECIFIED entries are refused. */
    public static <D extends Enum<D>> Set<D> toDomainSet(String field, List<Integer> numbers, EnumDescriptor proto,
                                                         Class<D> domain) {
        Set<D> out = EnumSet.noneOf(domain);
        for (int i = 0; i < numbers.size(); i++) {
            String at = field + "[" + i + "]";
            out.add(toDomain(at, numbers.get(i), proto, domain)
                    .orElseThrow(() -> ValidationException.of(at, "must not be " + proto.getName() + "_UNSPECIFIED")));
        }
        return out;
    }

    /** The proto value of a domain constant; the caller turns it into its generated enum with {@code valueOf}. */
    public static EnumValueDescriptor toProto(Enum<?> value, EnumDescriptor proto) {
        EnumValueDescriptor v = BY_ORDINAL.computeIfAbsent(new Pair(proto, value.getDeclaringClass()),
                ProtoEnums::byOrdinal)[value.ordinal()];
        if (v == null) {
            throw new IllegalStateException(proto.getFullName() + " has no value for " + value);
        }
        return v;
    }

    private static EnumValueDescriptor[] byOrdinal(Pair pair) {
        Object[] constants = pair.domain().getEnumConstants();
        EnumValueDescriptor[] values = new EnumValueDescriptor[constants.length];
        for (Object c : constants) {
            Enum<?> constant = (Enum<?>) c;
            values[constant.ordinal()] = pair.proto().findValueByName(prefix(pair.proto()) + constant.name());
        }
        return values;
    }

    /** {@code TaskStatus} → {@code TASK_STATUS_}. */
    static String prefix(EnumDescriptor proto) {
        return PREFIXES.computeIfAbsent(proto, ProtoEnums::derivePrefix);
    }

    private static String derivePrefix(EnumDescriptor proto) {
        return proto.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT) + "_";
    }
}
