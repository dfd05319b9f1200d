package com.grepsr.scheduler.bootstrap.fuzz;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.TextFormat;
import com.grepsr.scheduler.adapters.grpc.GrpcServerSettings;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.grpc.Status.Code.ABORTED;
import static io.grpc.Status.Code.ALREADY_EXISTS;
import static io.grpc.Status.Code.FAILED_PRECONDITION;
import static io.grpc.Status.Code.INVALID_ARGUMENT;
import static io.grpc.Status.Code.NOT_FOUND;
import static io.grpc.Status.Code.OK;
import static io.grpc.Status.Code.PERMISSION_DENIED;
import static io.grpc.Status.Code.RESOURCE_EXHAUSTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * Issue 8, fuzzed input: random requests for every method of the service descriptor — random
 * field values, huge strings, unknown enum numbers, negative and huge sizes, bad page tokens, bad
 * crons and zones, ids of objects that exist and of ones that do not — sent as the admin and as
 * two accounts to the production API over Netty and PostgreSQL. Every answer is OK or a client
 * error; a refused request leaves every table as it was; the server is SERVING at the end.
 */
class FuzzedRequestsTest {

    /** The issue asks for at least 10,000 requests. */
    static final int REQUESTS = 10_000;
    /** QuickTheories runs slightly fewer examples than asked (it skips draws it has tried): ask for more. */
    private static final int EXAMPLES = 10_200;
    static final Set<Status.Code> CLIENT_ERRORS = EnumSet.of(INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION,
            PERMISSION_DENIED, ALREADY_EXISTS, ABORTED);
    private static final List<String> TOKENS = List.of(FuzzWorld.ADMIN, FuzzWorld.ADMIN, FuzzWorld.ACME,
            FuzzWorld.ACME, FuzzWorld.GLOBEX);

    private static FuzzWorld world;
    private static SeededIds seeded;

    @BeforeAll
    static void start() throws Exception {
        world = FuzzWorld.start();
        seeded = SeededIds.plant(world);
    }

    @AfterAll
    static void stop() throws Exception {
        if (world != null) {
            world.close();
        }
    }

    /** One fuzzed call: the method, who calls, what is sent. */
    record FuzzedCall(String method, String token, DynamicMessage request) {
        @Override
        public String toString() {
            String body = TextFormat.shortDebugString(request);
            String who = token.equals(FuzzWorld.ADMIN) ? "admin" : token.equals(FuzzWorld.ACME) ? "acme" : "globex";
            return method + " as " + who + " (" + request.getSerializedSize() + " bytes): "
                    + (body.length() > 3000 ? body.substring(0, 3000) + " …" : body);
        }
    }

    private static Gen<FuzzedCall> calls(RequestGenerator generator) {
        List<MethodDescriptor<?, ?>> methods = FuzzWorld.methods();
        Gen<Integer> method = integers().between(0, methods.size() - 1);
        Gen<Integer> token = integers().between(0, TOKENS.size() - 1);
        Gen<FuzzedCall> gen = in -> {
            MethodDescriptor<?, ?> m = methods.get(method.generate(in));
            Descriptor input = ((ProtoMethodDescriptorSupplier) m.getSchemaDescriptor()).getMethodDescriptor()
                    .getInputType();
            String who = TOKENS.get(token.generate(in));
            return new FuzzedCall(m.getFullMethodName(), who, generator.requests(input).generate(in));
        };
        return gen.describedAs(FuzzedCall::toString);
    }

    @Test
    void every_answer_is_ok_or_a_client_error_refusals_write_nothing_and_the_server_stays_serving() {
        RequestGenerator generator = new RequestGenerator(new InterestingValues(seeded, Instant.now()));
        StatusTally tally = new StatusTally();
        String[] stored = {world.database.rowWrites()};
        long[] nanos = new long[2]; // time in calls, time reading write counters: printed, never asserted

        qt().withExamples(EXAMPLES).withShrinkCycles(30).forAll(calls(generator)).checkAssert(call -> {
            String before = stored[0];
            byte[] body = call.request().toByteArray();
            long t0 = System.nanoTime();
            Status status = world.call(call.method(), call.token(), body);
            long t1 = System.nanoTime();
            String after = world.database.rowWrites();
            nanos[0] += t1 - t0;
            nanos[1] += System.nanoTime() - t1;
            stored[0] = after; // first: a failed assertion must not leave the next example a stale "before"
            tally.count(call.method(), status.getCode());

            if (body.length > GrpcServerSettings.DEFAULT_MAX_INBOUND_MESSAGE_BYTES) {
                assertThat(status.getCode()).as(status.toString()).isEqualTo(RESOURCE_EXHAUSTED);
            } else if (status.getCode() != OK) {
                assertThat(CLIENT_ERRORS).as("answered %s", status).contains(status.getCode());
            }
            if (status.getCode() != OK) {
                assertThat(after).as("what the store holds after the refused call (%s)", status).isEqualTo(before);
            }
        });

        System.out.println(tally.report("fuzzed requests (QT_SEED=" + System.getProperty("QT_SEED") + ")")
                + String.format("  time in calls %.1f s, reading write counters %.1f s; store after: %s%n",
                nanos[0] / 1e9, nanos[1] / 1e9, stored[0]));
        assertThat(tally.total()).isGreaterThanOrEqualTo(REQUESTS);
        assertThat(stored[0]).as("the counters see what the OK calls wrote").contains("tasks=", "task_history=",
                "vt_extractor_schedule=");
        assertThat(tally.methods()).as("methods called").isEqualTo(FuzzWorld.methods().size());
        // the requests reach past the first check: some succeed, some meet each kind of refusal
        assertThat(tally.of(OK)).as("OK answers").isPositive();
        assertThat(tally.of(NOT_FOUND)).isPositive();
        assertThat(tally.of(PERMISSION_DENIED)).isPositive();
        assertThat(world.health()).isEqualTo(ServingStatus.SERVING);
        // the server's own count agrees: no call ended INTERNAL or UNKNOWN on its side either
        assertThat(world.component.registry().scrape()).contains("code=\"INVALID_ARGUMENT\"")
                .doesNotContain("code=\"INTERNAL\"").doesNotContain("code=\"UNKNOWN\"");
    }
}
