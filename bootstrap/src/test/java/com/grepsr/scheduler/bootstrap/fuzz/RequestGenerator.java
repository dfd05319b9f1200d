package com.grepsr.scheduler.bootstrap.fuzz;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.DynamicMessage;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

import java.util.List;

/**
 * Builds a random request for any message type from its descriptor alone — no code per method,
 * so a new method or field is fuzzed as soon as it is in the proto. Every choice is a draw from
 * QuickTheories' randomness source, so a failing request shrinks like any other example.
 *
 * <p>Shape: each oneof sets at most one member; nested messages are absent or present; proto3
 * {@code optional} scalars present or not; repeated fields and maps empty, short or long (hundreds
 * of elements, past the documented limits). Values come from {@link InterestingValues}. Huge
 * strings are rationed so a request stays below the server's inbound limit (4 MiB): oversize
 * requests are a transport matter, tested on their own.
 */
final class RequestGenerator {

    /** Enough for Timing → ScheduleForm → …, and for the batch's items. */
    private static final int MAX_DEPTH = 4;
    /** Huge (100 KB) strings per request. */
    private static final int HUGE_STRINGS = 3;
    /** Longest string inside a long list. */
    private static final int SMALL_STRING = 70;
    /**
     * Per request, the share of hostile values: a well-behaved request now and then (it should
     * succeed), one bad field among good ones (it reaches that field's check), or nonsense.
     */
    private static final List<Integer> HOSTILITY = List.of(0, 0, 3, 5, 10, 10, 30, 100);

    private final InterestingValues values;

    RequestGenerator(InterestingValues values) {
        this.values = values;
    }

    /** Requests of {@code type}. */
    Gen<DynamicMessage> requests(Descriptor type) {
        return in -> {
            Draw draw = new Draw(in);
            draw.hostility = draw.pick(HOSTILITY);
            return message(draw, type, 0, false);
        };
    }

    private DynamicMessage message(Draw draw, Descriptor type, int depth, boolean small) {
        switch (type.getFullName()) {
            case "google.protobuf.Timestamp":
                return wellKnown(type, draw.from(values.timestampSeconds()), draw.from(InterestingValues.NANOS));
            case "google.protobuf.Duration":
                return wellKnown(type, draw.from(InterestingValues.DURATION_SECONDS), draw.from(InterestingValues.NANOS));
            default:
                break;
        }
        DynamicMessage.Builder b = DynamicMessage.newBuilder(type);
        for (OneofDescriptor oneof : type.getRealOneofs()) {
            boolean none = draw.hostile() ? draw.percent(30) : draw.percent(5);
            if (!none) {
                FieldDescriptor f = oneof.getField(draw.below(oneof.getFieldCount()));
                b.setField(f, single(draw, f, depth, small));
            }
        }
        for (FieldDescriptor f : type.getFields()) {
            if (f.getRealContainingOneof() != null) {
                continue;
            }
            if (f.isRepeated()) {
                int count = depth >= MAX_DEPTH ? 0 : draw.from(InterestingValues.REPEATS);
                if (small) {
                    count = Math.min(count, 3); // a long list of long lists would pass the inbound limit
                }
                boolean many = small || count > 3; // long lists carry only small elements
                for (int i = 0; i < count; i++) {
                    b.addRepeatedField(f, single(draw, f, depth, many));
                }
            } else if (present(draw, f, depth)) {
                b.setField(f, single(draw, f, depth, small));
            }
        }
        return b.build();
    }

    /**
     * Whether a singular field outside a oneof gets a value: a well-behaved client fills in what
     * looks required (plain fields, messages) and leaves most {@code optional} ones out; a hostile
     * one leaves out anything and fills in anything.
     */
    private static boolean present(Draw draw, FieldDescriptor f, int depth) {
        boolean hostile = draw.hostile();
        if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
            return depth < MAX_DEPTH && draw.percent(hostile ? 40 : 80);
        }
        if (f.hasPresence()) {
            return draw.percent(hostile ? 60 : 30);
        }
        return draw.percent(hostile ? 60 : 90);
    }

    private Object single(Draw draw, FieldDescriptor f, int depth, boolean small) {
        return switch (f.getJavaType()) {
            case MESSAGE -> message(draw, f.getMessageType(), depth + 1, small);
            case STRING -> string(draw, f.getName(), small);
            case INT -> draw.hostile() && draw.percent(20) ? draw.between(-5, 60) : draw.from(InterestingValues.INTS);
            case LONG -> draw.from(f.getName().equals("sequence") ? values.sequences() : InterestingValues.LONGS);
            case BOOLEAN -> draw.percent(50);
            case ENUM -> enumValue(draw, f.getEnumType());
            case DOUBLE -> draw.pick(List.of(0d, -1d, Double.NaN, Double.POSITIVE_INFINITY, 1e308));
            case FLOAT -> draw.pick(List.of(0f, -1f, Float.NaN, Float.NEGATIVE_INFINITY));
            case BYTE_STRING -> com.google.protobuf.ByteString.copyFromUtf8(string(draw, f.getName(), small));
        };
    }

    private String string(Draw draw, String field, boolean small) {
        if (draw.hostile()) {
            if (!small && draw.hugeLeft > 0 && draw.percent(8)) {
                draw.hugeLeft--;
                return draw.percent(50) ? InterestingValues.HUGE : InterestingValues.HUGE_UNICODE;
            }
            if (draw.percent(15)) {
                return draw.text();
            }
        }
        return shortened(draw.from(values.stringsFor(field)), small);
    }

    /** Elements of long lists stay short (still past the 64-character id limit). */
    private static String shortened(String s, boolean small) {
        return small && s.length() > SMALL_STRING ? s.substring(0, SMALL_STRING) : s;
    }

    private static Object enumValue(Draw draw, EnumDescriptor type) {
        if (draw.hostile() && draw.percent(50)) {
            return type.findValueByNumberCreatingIfUnknown(draw.pick(InterestingValues.UNKNOWN_ENUM_NUMBERS));
        }
        List<EnumValueDescriptor> known = type.getValues();
        if (known.size() > 1 && !draw.hostile() && draw.percent(85)) {
            return known.get(1 + draw.below(known.size() - 1)); // not the UNSPECIFIED zero
        }
        return draw.pick(known);
    }

    private static DynamicMessage wellKnown(Descriptor type, long seconds, int nanos) {
        return DynamicMessage.newBuilder(type).setField(type.findFieldByName("seconds"), seconds)
                .setField(type.findFieldByName("nanos"), nanos).build();
    }

    /** One request's draws: the randomness source, plus its ration of huge strings. */
    private static final class Draw {
        private final RandomnessSource in;
        int hugeLeft = HUGE_STRINGS;
        /** Percent of values drawn from the hostile side of their pool. */
        int hostility;

        Draw(RandomnessSource in) {
            this.in = in;
        }

        int between(int min, int max) {
            return (int) in.next(Constraint.between(min, max));
        }

        int below(int n) {
            return between(0, n - 1);
        }

        /** True {@code percent} times in 100; shrinks towards false. */
        boolean percent(int percent) {
            return between(0, 99) >= 100 - percent;
        }

        <T> T pick(List<T> pool) {
            return pool.get(below(pool.size()));
        }

        boolean hostile() {
            return percent(hostility);
        }

        <T> T from(InterestingValues.Pool<T> pool) {
            return pick(hostile() && !pool.hostile().isEmpty() ? pool.hostile() : pool.plausible());
        }

        /** A short random text over letters, digits, punctuation and a few non-ASCII characters. */
        String text() {
            String alphabet = "abcXYZ019-_.:/ *?#@%=;,\u00e9\u65e5\ud83d\ude80";
            int length = between(0, 40);
            StringBuilder s = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                s.append(alphabet.charAt(below(alphabet.length())));
            }
            return s.toString();
        }
    }
}
