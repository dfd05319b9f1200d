package com.grepsr.scheduler.adapters.grpc.error;

import com.google.rpc.BadRequest;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.error.ValidationException.FieldViolation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An error must fit in the client's trailers (8 KiB by default in grpc-java): a request with
 * thousands of bad elements or a 100 KB value still gets its INVALID_ARGUMENT, cut to size.
 */
class TrailerBudgetTest {

    private static List<FieldViolation> violations(int n) {
        return IntStream.range(0, n).mapToObj(i -> new FieldViolation("form.repeats_on_month_days",
                "days are 1-31, or -1 (the last day) to -31 counting from the end; was " + (100 + i))).toList();
    }

    @Test
    void thousands_of_violations_keep_the_first_ones_and_say_how_many_were_left_out() throws Exception {
        var status = ErrorMapper.toRpcStatus(new ValidationException(violations(5000)));

        BadRequest bad = status.getDetails(0).unpack(BadRequest.class);
        List<BadRequest.FieldViolation> kept = bad.getFieldViolationsList();
        assertThat(kept.get(0).getDescription()).endsWith("was 100");
        assertThat(kept.get(1).getDescription()).endsWith("was 101");
        assertThat(kept.get(kept.size() - 1).getDescription())
                .isEqualTo((5000 - (kept.size() - 1)) + " more violations left out");
        assertThat(status.getSerializedSize()).isLessThan(2 * 1024);
    }

    @Test
    void a_few_violations_are_all_kept() throws Exception {
        var status = ErrorMapper.toRpcStatus(new ValidationException(violations(3)));

        assertThat(status.getDetails(0).unpack(BadRequest.class).getFieldViolationsList()).hasSize(3);
    }

    @Test
    void a_huge_value_in_a_message_is_cut_saying_how_long_it_was() throws Exception {
        String huge = "日".repeat(100_000);
        var status = ErrorMapper.toRpcStatus(ValidationException.of("timing.zone", "unknown zone '" + huge + "'"));

        assertThat(status.getMessage()).hasSizeLessThan(TrailerBudget.MAX_TEXT + 40).endsWith("(100028 characters)");
        assertThat(status.getDetails(0).unpack(BadRequest.class).getFieldViolations(0).getDescription())
                .startsWith("unknown zone '日日").endsWith("(100015 characters)");
        assertThat(status.getSerializedSize()).isLessThan(3 * 1024);
    }

    @Test
    void a_huge_id_of_a_missing_object_is_cut_too() {
        var status = ErrorMapper.toRpcStatus(new NotFoundException("schedule", "s".repeat(50_000)));

        assertThat(status.getSerializedSize()).isLessThan(1024);
    }

    @Test
    void a_cut_never_splits_a_surrogate_pair() {
        String text = "a".repeat(TrailerBudget.MAX_TEXT - 1) + "🚀🚀";

        String cut = TrailerBudget.abbreviate(text);

        assertThat(cut).startsWith("a".repeat(TrailerBudget.MAX_TEXT - 1) + "…");
        assertThat(cut.chars().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
    }
}
