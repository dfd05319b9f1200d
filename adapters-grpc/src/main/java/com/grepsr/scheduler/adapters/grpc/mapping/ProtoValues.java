package com.grepsr.scheduler.adapters.grpc.mapping;

import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.RequestId;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.common.ProjectId;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.common.ServiceCode;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.task.TaskId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Ids, report references, parameters and pages between the wire and the domain. The value
 * objects validate themselves; this class only renames their violations to the request's field
 * path ({@code report.account_id}, {@code parent_task_id}), because a value object knows its
 * own name but not where in a request it sits.
 */
public final class ProtoValues {

    private ProtoValues() {
    }

    /** An id the request must carry; null when empty, so the command reports it as required. */
    public static <T> T id(String field, String text, Function<String, T> parse) {
        return text.isEmpty() ? null : renamed(field, () -> parse.apply(text));
    }

    /** An id the request may carry; empty string = absent. */
    public static <T> Optional<T> optionalId(String field, String text, Function<String, T> parse) {
        return Optional.ofNullable(id(field, text, parse));
    }

    /** The client's request id (AIP-155); empty string = none. */
    public static Optional<RequestId> requestId(String text) {
        return optionalId("request_id", text, RequestId::new);
    }

    public static Optional<AccountId> account(String text) {
        return optionalId("account_id", text, AccountId::of);
    }

    public static Optional<ReportId> report(String text) {
        return optionalId("report_id", text, ReportId::of);
    }

    public static Optional<ProjectId> project(String text) {
        return optionalId("project_id", text, ProjectId::of);
    }

    /** Repeated task ids; an empty entry is refused here, where its index is known. */
    public static List<TaskId> taskIds(String field, List<String> texts) {
        List<TaskId> ids = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String at = field + "[" + i + "]";
            if (texts.get(i).isEmpty()) {
                throw ValidationException.of(at, "must not be empty");
            }
            ids.add(id(at, texts.get(i), TaskId::of));
        }
        return ids;
    }

    /** The report a request names; null when the message is absent (the command says it is required). */
    public static ReportRef reportRef(boolean present, com.grepsr.scheduler.adapters.grpc.v1.ReportRef r) {
        if (!present) {
            return null;
        }
        ReportId report = required("report.report_id", r.getReportId(), ReportId::of);
        ProjectId project = required("report.project_id", r.getProjectId(), ProjectId::of);
        AccountId account = required("report.account_id", r.getAccountId(), AccountId::of);
        ServiceCode code = required("report.service_code", r.getServiceCode(), ServiceCode::of);
        return new ReportRef(report, project, account, code);
    }

    public static com.grepsr.scheduler.adapters.grpc.v1.ReportRef reportRef(ReportRef r) {
        return com.grepsr.scheduler.adapters.grpc.v1.ReportRef.newBuilder()
                .setReportId(r.reportId().value())
                .setProjectId(r.projectId().value())
                .setAccountId(r.accountId().value())
                .setServiceCode(r.serviceCode().value())
                .build();
    }

    /** Crawler parameters; the domain's violations already name {@code parameters.<key>}. */
    public static Parameters parameters(Map<String, String> values) {
        return values.isEmpty() ? Parameters.NONE : Parameters.of(values);
    }

    public static PageRequest page(int size, String token) {
        return new PageRequest(size, token);
    }

    private static <T> T required(String field, String text, Function<String, T> parse) {
        if (text.isEmpty()) {
            throw ValidationException.of(field, "is required");
        }
        return renamed(field, () -> parse.apply(text));
    }

    private static <T> T renamed(String field, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ValidationException e) {
            throw new ValidationException(e.violations().stream()
                    .map(v -> new ValidationException.FieldViolation(field, v.description())).toList());
        }
    }
}
