package com.grepsr.scheduler.adapters.grpc.error;

import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.ResourceInfo;
import com.google.rpc.RetryInfo;
import com.grepsr.scheduler.domain.error.AccessDeniedException;
import com.grepsr.scheduler.domain.error.AlreadyExistsException;
import com.grepsr.scheduler.domain.error.IllegalTransitionException;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.error.VersionConflictException;
import io.grpc.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each domain error becomes its status code with the details a client can act on. */
class ErrorMapperTest {

    @Test
    void validation_is_invalid_argument_with_a_field_violation_per_field() throws Exception {
        var status = ErrorMapper.toRpcStatus(new ValidationException(List.of(
                new ValidationException.FieldViolation("timing.zone", "unknown zone"),
                new ValidationException.FieldViolation("name", "too long"))));

        assertThat(status.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
        assertThat(status.getDetails(0).unpack(BadRequest.class).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField).containsExactly("timing.zone", "name");
    }

    @Test
    void each_domain_error_has_its_code_and_details() throws Exception {
        var notFound = ErrorMapper.toRpcStatus(new NotFoundException("schedule", "s-1"));
        var transition = ErrorMapper.toRpcStatus(new IllegalTransitionException("task", "t-1", "SUCCEEDED", "RUNNING"));
        var conflict = ErrorMapper.toRpcStatus(new VersionConflictException("schedule", "s-1", 1, 2));
        var exists = ErrorMapper.toRpcStatus(new AlreadyExistsException("task", "t-1"));
        var denied = ErrorMapper.toRpcStatus(new AccessDeniedException("schedule s-1 belongs to another account"));

        assertThat(notFound.getCode()).isEqualTo(Code.NOT_FOUND_VALUE);
        assertThat(notFound.getDetails(0).unpack(ResourceInfo.class).getResourceName()).isEqualTo("s-1");
        assertThat(transition.getCode()).isEqualTo(Code.FAILED_PRECONDITION_VALUE);
        assertThat(transition.getDetails(0).unpack(PreconditionFailure.class).getViolations(0).getSubject())
                .isEqualTo("task/t-1");
        assertThat(conflict.getCode()).isEqualTo(Code.ABORTED_VALUE);
        assertThat(conflict.getDetails(0).unpack(ErrorInfo.class).getMetadataMap())
                .containsEntry("expected_version", "1").containsEntry("actual_version", "2");
        assertThat(exists.getCode()).isEqualTo(Code.ALREADY_EXISTS_VALUE);
        assertThat(denied.getCode()).isEqualTo(Code.PERMISSION_DENIED_VALUE);
    }

    @Test
    void a_status_chosen_earlier_is_kept() {
        var e = Status.UNAUTHENTICATED.withDescription("who?").asRuntimeException();

        assertThat(ErrorMapper.toStatusException(e)).isSameAs(e);
    }

    @Test
    void a_store_outage_is_found_anywhere_in_the_cause_chain() {
        var deep = new RuntimeException("tx failed", new IllegalStateException("read failed",
                new java.sql.SQLNonTransientConnectionException("connection refused")));

        assertThat(ErrorMapper.isStoreUnavailable(deep)).isTrue();
        assertThat(ErrorMapper.toStatusException(deep).getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(ErrorMapper.isStoreUnavailable(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void a_store_outage_reported_by_a_store_adapter_is_unavailable() {
        var outage = new RuntimeException("use case failed",
                new com.grepsr.scheduler.application.model.StoreUnavailableException("database down", null));

        assertThat(ErrorMapper.toStatusException(outage).getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    }

    /** An outage is worth retrying later: the answer says how much later, as a conflict's does. */
    @Test
    void a_store_outage_is_unavailable_with_retry_advice() {
        var outage = new RuntimeException("use case failed",
                new com.grepsr.scheduler.application.model.StoreUnavailableException("database down", null));

        com.google.rpc.Status status = ErrorMapper.toRpcStatus(outage);
        assertThat(status.getCode()).isEqualTo(Code.UNAVAILABLE_VALUE);
        assertThat(status.getDetailsList()).anySatisfy(any -> {
            assertThat(any.is(RetryInfo.class)).isTrue();
            assertThat(unpack(any, RetryInfo.class).getRetryDelay().getSeconds()).isPositive();
        });
    }

    /** A deadlock the store gave up on is the caller's cue to retry, not a server bug. */
    @Test
    void a_store_conflict_is_aborted_with_retry_advice_never_internal() {
        var conflict = new RuntimeException("use case failed",
                new com.grepsr.scheduler.application.model.StoreConflictException("deadlock", null));

        com.google.rpc.Status status = ErrorMapper.toRpcStatus(conflict);
        assertThat(status.getCode()).isEqualTo(Code.ABORTED_VALUE);
        assertThat(status.getDetailsList()).anySatisfy(any -> {
            assertThat(any.is(RetryInfo.class)).isTrue();
            assertThat(unpack(any, RetryInfo.class).getRetryDelay().getNanos()).isPositive();
        });
        assertThat(status.getDetailsList()).anySatisfy(any ->
                assertThat(unpack(any, ErrorInfo.class).getReason()).isEqualTo("CONCURRENT_UPDATE"));
    }

    private static <T extends com.google.protobuf.Message> T unpack(com.google.protobuf.Any any, Class<T> type) {
        try {
            return any.unpack(type);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}
