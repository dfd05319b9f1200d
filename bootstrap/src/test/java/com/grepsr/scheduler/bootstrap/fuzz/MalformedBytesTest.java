package com.grepsr.scheduler.bootstrap.fuzz;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.grepsr.scheduler.adapters.grpc.GrpcServerSettings;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.grpc.Status.Code.INVALID_ARGUMENT;
import static io.grpc.Status.Code.OK;
import static io.grpc.Status.Code.RESOURCE_EXHAUSTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Issue 8, malformed protobuf on the wire: for every method, bodies that are not a protobuf
 * message at all (truncated, wrong wire types, invalid tags, invalid UTF-8 in a string field)
 * are INVALID_ARGUMENT — not grpc-java's INTERNAL for a body it cannot parse — and write nothing;
 * random bytes (which may happen to parse) never get more than a client error; a body over the
 * inbound limit is grpc-java's own RESOURCE_EXHAUSTED; the server keeps serving throughout.
 */
class MalformedBytesTest {

    private static FuzzWorld world;

    @BeforeAll
    static void start() throws Exception {
        world = FuzzWorld.start();
        SeededIds.plant(world);
    }

    @AfterAll
    static void stop() throws Exception {
        if (world != null) {
            world.close();
        }
    }

    /** Bodies no protobuf parser accepts, whatever the message type. */
    static Map<String, byte[]> unparseable(Descriptor type) {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("an unterminated varint", new byte[] {0x08, (byte) 0x80});
        bodies.put("a length past the end", new byte[] {0x0A, 0x7F, 'a', 'b'});
        bodies.put("a negative length", new byte[] {0x0A, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F});
        bodies.put("an end-group tag with no group", new byte[] {0x0C});
        bodies.put("wire type 7", new byte[] {0x0F, 0x01});
        bodies.put("tag zero", new byte[] {0x00, 0x01});
        bodies.put("an unterminated group", new byte[] {0x0B, 0x08, 0x01});
        bodies.put("a truncated fixed64", new byte[] {0x09, 0x01, 0x02});
        bodies.put("groups nested past the recursion limit", nestedGroups(200));
        for (FieldDescriptor f : type.getFields()) {
            if (f.getType() == FieldDescriptor.Type.STRING) {
                // proto3 strings must be UTF-8: 0xC3 0x28 is not
                bodies.put("invalid UTF-8 in " + f.getName(),
                        new byte[] {(byte) (f.getNumber() << 3 | 2), 0x02, (byte) 0xC3, 0x28});
                break;
            }
        }
        return bodies;
    }

    private static byte[] nestedGroups(int depth) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < depth; i++) {
            out.write(0x0B); // field 1, start group
        }
        for (int i = 0; i < depth; i++) {
            out.write(0x0C); // field 1, end group
        }
        return out.toByteArray();
    }

    private static Descriptor inputOf(MethodDescriptor<?, ?> m) {
        return ((ProtoMethodDescriptorSupplier) m.getSchemaDescriptor()).getMethodDescriptor().getInputType();
    }

    @Test
    void unparseable_bodies_are_invalid_argument_for_every_method_and_write_nothing() {
        String before = world.database.rowWrites();
        StatusTally tally = new StatusTally();
        assertSoftly(soft -> {
            for (MethodDescriptor<?, ?> m : FuzzWorld.methods()) {
                unparseable(inputOf(m)).forEach((what, body) -> {
                    for (String token : List.of(FuzzWorld.ADMIN, FuzzWorld.ACME)) {
                        Status status = world.call(m.getFullMethodName(), token, body);
                        tally.count(m.getFullMethodName(), status.getCode());
                        soft.assertThat(status.getCode()).as("%s with %s: %s", m.getBareMethodName(), what, status)
                                .isEqualTo(INVALID_ARGUMENT);
                    }
                });
            }
        });
        System.out.println(tally.report("unparseable bodies"));
        assertThat(world.database.rowWrites()).isEqualTo(before);
        // refused in the service, not the transport: the metrics interceptor counted them
        assertThat(world.component.registry().scrape()).doesNotContain("code=\"UNKNOWN\"")
                .contains("code=\"INVALID_ARGUMENT\",method=\"grepsr.phoenix.scheduler.v1.SchedulerService/OneTimeRun\"");
        assertThat(world.health()).isEqualTo(ServingStatus.SERVING);
    }

    @Test
    void random_bytes_get_at_most_a_client_error_and_refusals_write_nothing() {
        Random random = new Random(Long.getLong("QT_SEED", 20261127L));
        StatusTally tally = new StatusTally();
        List<String> failures = new ArrayList<>();
        String stored = world.database.rowWrites();
        for (MethodDescriptor<?, ?> m : FuzzWorld.methods()) {
            for (int i = 0; i < 6; i++) {
                byte[] body = new byte[1 + random.nextInt(i < 3 ? 16 : 4096)];
                random.nextBytes(body);
                Status status = world.call(m.getFullMethodName(), FuzzWorld.ADMIN, body);
                tally.count(m.getFullMethodName(), status.getCode());
                String after = world.database.rowWrites();
                if (status.getCode() != OK && !FuzzedRequestsTest.CLIENT_ERRORS.contains(status.getCode())) {
                    failures.add(m.getBareMethodName() + " answered " + status);
                } else if (status.getCode() != OK && !after.equals(stored)) {
                    failures.add(m.getBareMethodName() + " wrote while refusing with " + status);
                }
                stored = after;
            }
        }
        System.out.println(tally.report("random bodies"));
        assertThat(failures).isEmpty();
        assertThat(tally.of(INVALID_ARGUMENT)).as("random bytes are mostly not protobuf").isPositive();
        assertThat(world.health()).isEqualTo(ServingStatus.SERVING);
    }

    /**
     * grpc-java refuses a body over the inbound limit before any handler runs, with
     * RESOURCE_EXHAUSTED: the code gRPC documents for it, which clients already understand, so the
     * service keeps it rather than relabelling a transport limit as a field error.
     */
    @Test
    void a_body_over_the_inbound_limit_is_resource_exhausted_and_the_server_keeps_serving() {
        String before = world.database.rowWrites();
        byte[] body = new byte[GrpcServerSettings.DEFAULT_MAX_INBOUND_MESSAGE_BYTES + 1];
        for (MethodDescriptor<?, ?> m : List.of(FuzzWorld.methods().get(0), FuzzWorld.methods().get(6))) {
            assertThat(world.call(m.getFullMethodName(), FuzzWorld.ADMIN, body).getCode()).isEqualTo(RESOURCE_EXHAUSTED);
        }
        assertThat(world.database.rowWrites()).isEqualTo(before);
        assertThat(world.health()).isEqualTo(ServingStatus.SERVING);
    }
}
