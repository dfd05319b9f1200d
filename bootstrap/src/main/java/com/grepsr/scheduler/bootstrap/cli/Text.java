package com.grepsr.scheduler.bootstrap.cli;

import com.google.protobuf.Duration;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.ProtocolMessageEnum;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import com.grepsr.scheduler.adapters.grpc.v1.Timing;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;

/** How the CLI shows protobuf values to people. */
final class Text {

    private static final JsonFormat.Printer JSON = JsonFormat.printer().preservingProtoFieldNames();

    private Text() {
    }

    static String json(MessageOrBuilder message) {
        try {
            return JSON.print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An instant in ISO-8601 UTC, or empty when unset (the zero timestamp). */
    static String time(Timestamp t) {
        if (t.getSeconds() == 0 && t.getNanos() == 0) {
            return "";
        }
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos()).toString();
    }

    static String duration(Duration d) {
        if (d.getSeconds() == 0 && d.getNanos() == 0) {
            return "";
        }
        return java.time.Duration.ofSeconds(d.getSeconds(), d.getNanos()).toString().substring(2).toLowerCase(
                Locale.ROOT);
    }

    /** {@code TASK_STATUS_SUCCEEDED} → {@code SUCCEEDED}: the prefix is the enum's type name. */
    static String name(ProtocolMessageEnum value) {
        String full = ((Enum<?>) value).name();
        String prefix = value.getDescriptorForType().getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .toUpperCase(Locale.ROOT) + "_";
        return full.startsWith(prefix) ? full.substring(prefix.length()) : full;
    }

    /** A timing in one phrase: {@code cron 0 9 * * MON-FRI (Europe/London)}. */
    static String timing(Timing t) {
        String what = switch (t.getRecurrenceCase()) {
            case CRON -> "cron " + t.getCron();
            case RRULE -> "rrule " + t.getRrule() + " from " + t.getStart();
            case FIXED_INTERVAL -> "every " + duration(t.getFixedInterval()) + " from " + t.getStart();
            case ONE_TIME -> "once at " + t.getOneTime().getAt();
            case FORM -> "form " + name(t.getForm().getRepeat()).toLowerCase(Locale.ROOT);
            case RECURRENCE_NOT_SET -> "?";
        };
        return what + " (" + t.getZone() + ")";
    }
}
