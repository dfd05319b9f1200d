package com.grepsr.scheduler.bootstrap.api;

import com.grepsr.scheduler.bootstrap.observe.SchedulerMetrics;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import org.slf4j.MDC;

import java.time.Duration;

/**
 * Counts and times (a histogram) every finished gRPC call by method and status code, and puts the method in the logging
 * context while its handler runs (so a line logged during a call says which call). Installed on
 * the whole server, outside authentication, so refused calls count too.
 */
public final class GrpcMetricsInterceptor implements ServerInterceptor {

    private final SchedulerMetrics metrics;

    public GrpcMetricsInterceptor(SchedulerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                      ServerCallHandler<Q, R> next) {
        String method = call.getMethodDescriptor().getFullMethodName();
        long started = System.nanoTime();
        ServerCall<Q, R> counted = new SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                metrics.grpcCall(method, status.getCode().name(), Duration.ofNanos(System.nanoTime() - started));
                super.close(status, trailers);
            }
        };
        ServerCall.Listener<Q> listener;
        try (var m = MDC.putCloseable("grpc", method)) {
            listener = next.startCall(counted, headers);
        }
        return new SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onMessage(Q message) {
                try (var m = MDC.putCloseable("grpc", method)) {
                    super.onMessage(message);
                }
            }

            @Override
            public void onHalfClose() {
                try (var m = MDC.putCloseable("grpc", method)) {
                    super.onHalfClose();
                }
            }
        };
    }
}
