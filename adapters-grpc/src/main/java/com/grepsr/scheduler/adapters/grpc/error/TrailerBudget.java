package com.grepsr.scheduler.adapters.grpc.error;

import com.google.protobuf.CodedOutputStream;
import com.google.rpc.BadRequest;
import com.grepsr.scheduler.domain.error.ValidationException;

import java.util.List;

/**
 * Keeps an error small enough to reach the client. A status travels in HTTP/2 trailers — the
 * message percent-encoded in {@code grpc-message}, the rich status base64-encoded in
 * {@code grpc-status-details-bin} — and grpc-java clients refuse trailers over 8 KiB by default:
 * a request with a thousand bad list elements, or a 100 KB value echoed in a description, would
 * otherwise reach its client as INTERNAL ("Header size exceeded") instead of INVALID_ARGUMENT.
 *
 * <p>So each text is cut to {@value #MAX_TEXT} characters and a {@link BadRequest} keeps the
 * violations that fit in {@value #MAX_BAD_REQUEST_BYTES} bytes, plus one saying how many were left
 * out. Worst case (every character three UTF-8 bytes, percent-encoded) stays near 5.5 KiB.
 */
final class TrailerBudget {

    static final int MAX_TEXT = 200;
    static final int MAX_BAD_REQUEST_BYTES = 1500;

    private TrailerBudget() {
    }

    /** {@code text} cut to {@link #MAX_TEXT} characters, saying how long it was. */
    static String abbreviate(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text == null ? "" : text;
        }
        int cut = Character.isHighSurrogate(text.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
        return text.substring(0, cut) + "… (" + text.length() + " characters)";
    }

    /** The violations that fit, in order, and one more saying how many did not. */
    static BadRequest badRequest(List<ValidationException.FieldViolation> violations) {
        BadRequest.Builder bad = BadRequest.newBuilder();
        int size = 0;
        for (int i = 0; i < violations.size(); i++) {
            ValidationException.FieldViolation v = violations.get(i);
            BadRequest.FieldViolation entry = BadRequest.FieldViolation.newBuilder()
                    .setField(abbreviate(v.field())).setDescription(abbreviate(v.description())).build();
            int entrySize = CodedOutputStream.computeMessageSize(1, entry);
            if (size + entrySize > MAX_BAD_REQUEST_BYTES) {
                int left = violations.size() - i;
                return bad.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField("")
                        .setDescription(left + " more violation" + (left == 1 ? "" : "s") + " left out")).build();
            }
            bad.addFieldViolations(entry);
            size += entrySize;
        }
        return bad.build();
    }
}
