package com.grepsr.scheduler.bootstrap.cli;

import com.google.rpc.BadRequest;
import com.google.rpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;

import java.io.PrintWriter;

/**
 * Turns a failed call into one clear message on stderr ({@code error: NOT_FOUND: schedule …
 * not found}, with a line per invalid field) and exit code 1, instead of a stack trace.
 */
public final class Failures implements IExecutionExceptionHandler {

    /** Exit code of a call the server refused or could not answer. */
    public static final int CALL_FAILED = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed)
            throws Exception {
        PrintWriter err = cmd.getErr();
        if (e instanceof StatusRuntimeException s) {
            err.println("error: " + s.getStatus().getCode() + ": " + describe(s));
            Status rich = StatusProto.fromThrowable(s);
            if (rich != null) {
                rich.getDetailsList().stream().filter(a -> a.is(BadRequest.class)).forEach(a -> {
                    try {
                        a.unpack(BadRequest.class).getFieldViolationsList()
                                .forEach(v -> err.println("  " + v.getField() + ": " + v.getDescription()));
                    } catch (com.google.protobuf.InvalidProtocolBufferException ignored) {
                        // a detail we cannot read adds nothing to the message above
                    }
                });
            }
            if (s.getStatus().getCode() == io.grpc.Status.Code.UNAVAILABLE) {
                err.println("  is the scheduler running? start it with: java -jar phoenix-scheduler.jar");
            }
            err.flush();
            return CALL_FAILED;
        }
        if (e instanceof IllegalArgumentException) {
            err.println("error: " + e.getMessage());
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        throw e;
    }

    private static String describe(StatusRuntimeException s) {
        String d = s.getStatus().getDescription();
        return d == null ? "(no description)" : d;
    }
}
