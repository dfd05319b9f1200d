package com.grepsr.scheduler.adapters.grpc;

import com.grepsr.scheduler.client.BearerToken;
import com.grepsr.scheduler.adapters.grpc.service.SchedulerGrpcService;
import com.grepsr.scheduler.adapters.grpc.service.UnparseableRequests;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskStatusRequest;
import com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc;
import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.fails;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.invalid;
import static io.grpc.Status.Code.NOT_FOUND;
import static io.grpc.Status.Code.UNAUTHENTICATED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body that is not a protobuf message of the method's type is INVALID_ARGUMENT naming the
 * request — grpc-java alone answers UNKNOWN ("Application error processing RPC") — while
 * well-formed bodies, authentication and reflection's schema are unaffected.
 */
class UnparseableBodyTest {

    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };
    private static final MethodDescriptor<byte[], byte[]> GET_TASK_STATUS = MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(SchedulerServiceGrpc.getGetTaskStatusMethod()
                    .getFullMethodName()).setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
    /** Field 1 (task_id) says 127 bytes follow; two do. */
    private static final byte[] TRUNCATED = {0x0A, 0x7F, 't', '-'};

    private final GrpcTestKit kit = new GrpcTestKit();

    @AfterEach
    void close() {
        kit.close();
    }

    private byte[] send(String token, byte[] body) {
        CallOptions options = token == null ? CallOptions.DEFAULT : CallOptions.DEFAULT.withCallCredentials(
                new BearerToken(token));
        return ClientCalls.blockingUnaryCall(kit.channel, GET_TASK_STATUS, options, body);
    }

    @Test
    void a_truncated_body_is_invalid_argument_naming_the_request_type() {
        StatusRuntimeException e = invalid("request", () -> send(GrpcTestKit.ACME_TOKEN, TRUNCATED));

        assertThat(e.getStatus().getDescription()).contains("grepsr.phoenix.scheduler.v1.GetTaskStatusRequest");
    }

    @Test
    void a_string_that_is_not_utf8_is_invalid_argument() {
        invalid("request", () -> send(GrpcTestKit.ACME_TOKEN, new byte[] {0x0A, 0x02, (byte) 0xC3, 0x28}));
    }

    @Test
    void a_caller_without_a_token_is_unauthenticated_whatever_the_body() {
        fails(UNAUTHENTICATED, () -> send(null, TRUNCATED));
    }

    @Test
    void a_well_formed_body_still_reaches_the_use_case() {
        byte[] body = GetTaskStatusRequest.newBuilder().setTaskId("t-unknown").build().toByteArray();

        fails(NOT_FOUND, () -> send(GrpcTestKit.ACME_TOKEN, body));
        fails(NOT_FOUND, () -> kit.acme().getTaskStatus(GetTaskStatusRequest.newBuilder().setTaskId("t-1").build()));
    }

    @Test
    void the_wrapped_service_keeps_its_schema_for_reflection() {
        ServerServiceDefinition original = new SchedulerGrpcService(GrpcTestKit.useCasesOf(kit.scheduler.core()))
                .bindService();

        ServerServiceDefinition wrapped = UnparseableRequests.refusedAsInvalidArgument(original);

        assertThat(wrapped.getServiceDescriptor().getSchemaDescriptor())
                .isSameAs(original.getServiceDescriptor().getSchemaDescriptor());
        assertThat(wrapped.getMethods()).hasSameSizeAs(original.getMethods());
        assertThat(wrapped.getMethod(GET_TASK_STATUS.getFullMethodName()).getMethodDescriptor().getSchemaDescriptor())
                .isNotNull();
    }
}
