package io.mspcs.roadmap.rest;

import io.mspcs.roadmap.repository.FindingEntity;
import io.mspcs.roadmap.repository.ResponsesColumn;
import io.mspcs.roadmap.service.AssessmentService;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An assessment as the API shows it (roadmap.md §3.1). */
public record AssessmentResponse(UUID id, UUID clientId, UUID templateId, int templateVersion, String type,
                                 String status, String assessorMemberId, LocalDate conductedOn,
                                 List<ResponsesColumn.Response> responses, BigDecimal score, Instant completedAt,
                                 List<Finding> findings, int version) {

    public record Finding(UUID id, String itemCode, String title, String kind, String severity, String dimension,
                          String insightCode, String businessRisk, String recommendation, UUID initiativeId,
                          boolean autoCreated) {

        static Finding of(FindingEntity f) {
            return new Finding(f.id, f.itemCode, f.title, f.kind, f.severity, f.dimension, f.insightCode,
                    f.businessRisk, f.recommendation, f.initiativeId, f.autoCreated);
        }
    }

    static AssessmentResponse of(AssessmentService.AssessmentView view) {
        var a = view.assessment();
        return new AssessmentResponse(a.id, a.clientId, a.templateId, a.templateVersion, a.type, a.status,
                a.assessorMemberId, a.conductedOn, a.responses.items(), a.score, a.completedAt,
                AssessmentResource.findings(view.findings()), a.version);
    }
}
