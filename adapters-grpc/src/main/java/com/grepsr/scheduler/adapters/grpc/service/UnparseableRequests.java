package com.grepsr.scheduler.adapters.grpc.service;

import com.grepsr.scheduler.adapters.grpc.error.ErrorMapper;
import com.grepsr.scheduler.domain.error.ValidationException;
import io.grpc.Attributes;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.SecurityLevel;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import java.io.InputStream;
import java.util.List;

/**
 * Makes a request body that is not a protobuf message of the method's type (truncated, a wrong
 * wire type, invalid UTF-8 in a string …) fail with INVALID_ARGUMENT, as any other bad input does.
 *
 * <p>Why a wrapper: grpc-java parses the body before the handler runs, and a parse failure there
 * ends the call as UNKNOWN ("Application error processing RPC"), whatever status the marshaller
 * throws — and bypasses every interceptor's {@code close}, so it is not even counted. Here each
 * method takes the body as an unparsed stream and parses it in the listener with the original
 * marshaller, where a failure can close the call properly. Names, types, handlers and the schema
 * descriptor (reflection) stay as they were.
 */
public final class UnparseableRequests {

    private static final MethodDescriptor.Marshaller<InputStream> UNPARSED = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(InputStream value) {
            return value;
        }

        @Override
        public InputStream parse(InputStream stream) {
            return stream; // read in onMessage, before grpc-java closes it
        }
    };

    private UnparseableRequests() {
    }

    /** {@code service} with every method refusing an unparseable body as INVALID_ARGUMENT. */
    public static ServerServiceDefinition refusedAsInvalidArgument(ServerServiceDefinition service) {
        List<ServerMethodDefinition<?, ?>> methods = service.getMethods().stream()
                .<ServerMethodDefinition<?, ?>>map(UnparseableRequests::parsedInListener).toList();
        ServiceDescriptor original = service.getServiceDescriptor();
        ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(original.getName())
                .setSchemaDescriptor(original.getSchemaDescriptor());
        methods.forEach(m -> descriptor.addMethod(m.getMethodDescriptor()));
        ServerServiceDefinition.Builder wrapped = ServerServiceDefinition.builder(descriptor.build());
        methods.forEach(wrapped::addMethod);
        return wrapped.build();
    }

    private static <Q, R> ServerMethodDefinition<InputStream, R> parsedInListener(ServerMethodDefinition<Q, R> method) {
        MethodDescriptor<Q, R> typed = method.getMethodDescriptor();
        MethodDescriptor<InputStream, R> raw = typed.toBuilder(UNPARSED, typed.getResponseMarshaller()).build();
        ServerCallHandler<Q, R> handler = method.getServerCallHandler();
        return ServerMethodDefinition.create(raw, (call, headers) -> {
            TypedCall<Q, R> typedCall = new TypedCall<>(call, typed);
            return new ParsingListener<>(handler.startCall(typedCall, headers), typedCall);
        });
    }

    /** Parses each body; an unparseable one closes the call and the handler never hears of it. */
    private static final class ParsingListener<Q, R> extends ServerCall.Listener<InputStream> {
        private final ServerCall.Listener<Q> delegate;
        private final TypedCall<Q, R> call;
        private boolean refused;

        ParsingListener(ServerCall.Listener<Q> delegate, TypedCall<Q, R> call) {
            this.delegate = delegate;
            this.call = call;
        }

        @Override
        public void onMessage(InputStream body) {
            if (refused) {
                return;
            }
            Q message;
            try {
                message = call.typed.parseRequest(body);
            } catch (RuntimeException e) {
                refused = true;
                call.closeOnce(refusal(call.typed, e));
                return;
            }
            delegate.onMessage(message);
        }

        @Override
        public void onHalfClose() {
            if (!refused) {
                delegate.onHalfClose();
            }
        }

        @Override
        public void onCancel() {
            delegate.onCancel();
        }

        @Override
        public void onComplete() {
            delegate.onComplete();
        }

        @Override
        public void onReady() {
            delegate.onReady();
        }
    }

    private static StatusRuntimeException refusal(MethodDescriptor<?, ?> method, RuntimeException parseFailure) {
        Throwable why = parseFailure.getCause() != null ? parseFailure.getCause() : parseFailure;
        String type = method.getRequestMarshaller() instanceof MethodDescriptor.PrototypeMarshaller<?> p
                && p.getMessagePrototype() instanceof com.google.protobuf.Message m
                ? m.getDescriptorForType().getFullName() : method.getFullMethodName() + " request";
        return ErrorMapper.toStatusException(ValidationException.of("request",
                "is not a valid " + type + " protobuf message: " + why.getMessage()));
    }

    /** The call as the typed handler sees it: the original descriptor, and at most one close. */
    private static final class TypedCall<Q, R> extends ServerCall<Q, R> {
        private final ServerCall<InputStream, R> raw;
        private final MethodDescriptor<Q, R> typed;
        private boolean closed;

        TypedCall(ServerCall<InputStream, R> raw, MethodDescriptor<Q, R> typed) {
            this.raw = raw;
            this.typed = typed;
        }

        /** Refuses the call unless the handler already closed it (e.g. unauthenticated). */
        synchronized void closeOnce(StatusRuntimeException refusal) {
            if (!closed) {
                close(refusal.getStatus(), refusal.getTrailers() == null ? new Metadata() : refusal.getTrailers());
            }
        }

        @Override
        public synchronized void close(Status status, Metadata trailers) {
            closed = true;
            raw.close(status, trailers);
        }

        @Override
        public void request(int numMessages) {
            raw.request(numMessages);
        }

        @Override
        public void sendHeaders(Metadata headers) {
            raw.sendHeaders(headers);
        }

        @Override
        public void sendMessage(R message) {
            raw.sendMessage(message);
        }

        @Override
        public boolean isReady() {
            return raw.isReady();
        }

        @Override
        public boolean isCancelled() {
            return raw.isCancelled();
        }

        @Override
        public void setMessageCompression(boolean enabled) {
            raw.setMessageCompression(enabled);
        }

        @Override
        public void setCompression(String compressor) {
            raw.setCompression(compressor);
        }

        @Override
        public SecurityLevel getSecurityLevel() {
            return raw.getSecurityLevel();
        }

        @Override
        public Attributes getAttributes() {
            return raw.getAttributes();
        }

        @Override
        public String getAuthority() {
            return raw.getAuthority();
        }

        @Override
        public MethodDescriptor<Q, R> getMethodDescriptor() {
            return typed;
        }
    }
}
