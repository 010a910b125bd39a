package io.mspcs.roadmap.service;

import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.OutboxWriter;
import io.mspcs.rest.ProblemException;
import io.mspcs.roadmap.domain.AssessmentScore;
import io.mspcs.roadmap.domain.HealthLink;
import io.mspcs.roadmap.domain.Origin;
import io.mspcs.roadmap.domain.OriginRefs;
import io.mspcs.roadmap.domain.Priority;
import io.mspcs.roadmap.messaging.RoadmapEvents;
import io.mspcs.roadmap.repository.AssessmentEntity;
import io.mspcs.roadmap.repository.AssessmentRepositories;
import io.mspcs.roadmap.repository.AssessmentTemplateEntity;
import io.mspcs.roadmap.repository.CategoriesColumn;
import io.mspcs.roadmap.repository.FindingEntity;
import io.mspcs.roadmap.repository.InitiativeEntity;
import io.mspcs.roadmap.repository.InitiativeRepository;
import io.mspcs.roadmap.repository.ResponsesColumn;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Assessments and findings (roadmap.md §3.1): templates, responses, completion with score and draft initiatives. */
@ApplicationScoped
public class AssessmentService {

    private static final Set<String> TYPES = Set.of("PORTFOLIO_SCOPING", "SINGLE_PROJECT_SCOPING", "RISK_TARGETED");
    private static final Set<String> PRIORITIES = Set.of("HIGH", "MEDIUM", "LOW");
    private static final Set<String> ANSWERS = Set.of("ALIGNED", "MARGINAL", "VULNERABLE", "NOT_APPLICABLE");
    private static final Set<String> KINDS = Set.of("GAP", "RISK", "OPPORTUNITY");
    private static final Set<String> SEVERITIES = Set.of("LOW", "MEDIUM", "HIGH", "CRITICAL");

    private final AssessmentRepositories.Templates templates;
    private final AssessmentRepositories.Assessments assessments;
    private final AssessmentRepositories.Findings findings;
    private final InitiativeRepository initiatives;
    private final ClientStates states;
    private final OutboxWriter outbox;
    private final Clock clock;

    public AssessmentService(AssessmentRepositories.Templates templates,
                             AssessmentRepositories.Assessments assessments, AssessmentRepositories.Findings findings,
                             InitiativeRepository initiatives, ClientStates states, OutboxWriter outbox, Clock clock) {
        this.templates = templates;
        this.assessments = assessments;
        this.findings = findings;
        this.initiatives = initiatives;
        this.states = states;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record NewTemplate(String name, String type, List<CategoriesColumn.Category> categories) {
    }

    public record NewAssessment(UUID templateId, LocalDate conductedOn, String assessorMemberId) {
    }

    public record NewFinding(String itemCode, String title, String kind, String severity, String dimension,
                             String insightCode, String businessRisk, String recommendation) {
    }

    public record AssessmentView(AssessmentEntity assessment, List<FindingEntity> findings) {
    }

    @WithTransaction
    public Uni<AssessmentTemplateEntity> publish(UUID tenantId, NewTemplate input) {
        String name = InitiativeService.text(input.name(), "name", 140, true);
        if (input.type() == null || !TYPES.contains(input.type())) {
            throw ProblemException.invalid("type", input.type() == null ? "required" : "enum",
                    "type must be one of " + TYPES);
        }
        List<CategoriesColumn.Category> categories = input.categories() == null ? List.of() : input.categories();
        if (categories.isEmpty() || categories.size() > 10) {
            throw ProblemException.invalid("categories", "size", "a template has 1 to 10 categories");
        }
        Set<String> codes = new HashSet<>();
        for (int c = 0; c < categories.size(); c++) {
            List<CategoriesColumn.Item> items = categories.get(c).items() == null ? List.of()
                    : categories.get(c).items();
            for (int i = 0; i < items.size(); i++) {
                CategoriesColumn.Item item = items.get(i);
                String field = "categories[" + c + "].items[" + i + "]";
                if (item.code() == null || !codes.add(item.code())) {
                    throw ProblemException.invalid(field + ".code", item.code() == null ? "required" : "duplicate",
                            "item codes are required and unique");
                }
                if (item.priority() == null || !PRIORITIES.contains(item.priority())) {
                    throw ProblemException.invalid(field + ".priority", "enum", "priority is HIGH, MEDIUM or LOW");
                }
            }
        }
        Instant now = now();
        return templates.list("tenantId = ?1 and name = ?2", tenantId, name).chain(earlier -> {
            AssessmentTemplateEntity template = new AssessmentTemplateEntity();
            template.id = UUID.randomUUID();
            template.tenantId = tenantId;
            template.name = name;
            template.type = input.type();
            template.templateVersion = earlier.stream().mapToInt(t -> t.templateVersion).max().orElse(0) + 1;
            template.categories = new CategoriesColumn(categories);
            template.createdAt = now;
            template.updatedAt = now;
            return templates.persist(template);
        });
    }

    @WithTransaction
    public Uni<List<AssessmentTemplateEntity>> templates(UUID tenantId) {
        return templates.ofTenant(tenantId);
    }

    @WithTransaction
    public Uni<AssessmentEntity> start(UUID tenantId, UUID clientId, NewAssessment input) {
        if (input.templateId() == null) {
            throw ProblemException.invalid("templateId", "required", "templateId is required");
        }
        if (input.conductedOn() == null) {
            throw ProblemException.invalid("conductedOn", "required", "conductedOn is required");
        }
        Instant now = now();
        return states.known(tenantId, clientId, now).chain(state -> templates.findInTenant(tenantId, input.templateId())
                .onItem().ifNull().failWith(() -> new ProblemException(404, "template-not-found",
                        "Template not found", "Template " + input.templateId() + " does not exist", List.of()))
                .chain(template -> {
                    AssessmentEntity assessment = new AssessmentEntity();
                    assessment.id = UUID.randomUUID();
                    assessment.tenantId = tenantId;
                    assessment.clientId = clientId;
                    assessment.templateId = template.id;
                    assessment.templateVersion = template.templateVersion;
                    assessment.type = template.type;
                    assessment.status = AssessmentEntity.IN_PROGRESS;
                    assessment.assessorMemberId = input.assessorMemberId();
                    assessment.conductedOn = input.conductedOn();
                    assessment.responses = new ResponsesColumn(List.of());
                    assessment.createdAt = now;
                    assessment.updatedAt = now;
                    return assessments.persist(assessment);
                }));
    }

    /** Records responses; a later answer to the same item replaces the earlier one. */
    @WithTransaction
    public Uni<AssessmentView> respond(UUID tenantId, UUID assessmentId, List<ResponsesColumn.Response> responses) {
        return inProgress(tenantId, assessmentId).chain(pair -> {
            AssessmentEntity assessment = pair.assessment();
            List<ResponsesColumn.Response> merged = new ArrayList<>(assessment.responses.items());
            List<ResponsesColumn.Response> given = responses == null ? List.of() : responses;
            for (int i = 0; i < given.size(); i++) {
                ResponsesColumn.Response response = given.get(i);
                if (response.itemCode() == null || pair.template().item(response.itemCode()).isEmpty()) {
                    throw ProblemException.invalid("responses[" + i + "].itemCode", "unknown",
                            "itemCode is not an item of the template");
                }
                if (response.answer() == null || !ANSWERS.contains(response.answer())) {
                    throw ProblemException.invalid("responses[" + i + "].answer", "enum",
                            "answer must be one of " + ANSWERS);
                }
                merged.removeIf(existing -> existing.itemCode().equals(response.itemCode()));
                merged.add(response);
            }
            assessment.responses = new ResponsesColumn(merged);
            assessment.updatedAt = now();
            return findings.ofAssessment(tenantId, assessmentId).map(list -> new AssessmentView(assessment, list));
        });
    }

    @WithTransaction
    public Uni<FindingEntity> addFinding(UUID tenantId, UUID assessmentId, NewFinding input) {
        String title = InitiativeService.text(input.title(), "title", 200, true);
        check(input.kind(), KINDS, "kind");
        check(input.severity(), SEVERITIES, "severity");
        return inProgress(tenantId, assessmentId).chain(pair -> {
            FindingEntity finding = finding(pair.assessment(), input.itemCode(), title, input.kind(),
                    input.severity(), input.dimension(), input.insightCode(), false);
            finding.businessRisk = InitiativeService.text(input.businessRisk(), "businessRisk", 2000, false);
            finding.recommendation = InitiativeService.text(input.recommendation(), "recommendation", 2000, false);
            return findings.persist(finding);
        });
    }

    /** PATCH of a finding while its assessment is in progress: absent fields stay (roadmap.md §9). */
    @WithTransaction
    public Uni<FindingEntity> editFinding(UUID tenantId, UUID assessmentId, UUID findingId, NewFinding input) {
        String title = input.title() == null ? null : InitiativeService.text(input.title(), "title", 200, true);
        if (input.kind() != null) {
            check(input.kind(), KINDS, "kind");
        }
        if (input.severity() != null) {
            check(input.severity(), SEVERITIES, "severity");
        }
        InitiativeService.text(input.businessRisk(), "businessRisk", 2000, false);
        InitiativeService.text(input.recommendation(), "recommendation", 2000, false);
        return inProgress(tenantId, assessmentId).chain(pair -> foundFinding(tenantId, assessmentId, findingId))
                .invoke(finding -> {
                    if (title != null) {
                        finding.title = title;
                    }
                    finding.kind = input.kind() != null ? input.kind() : finding.kind;
                    finding.severity = input.severity() != null ? input.severity() : finding.severity;
                    finding.itemCode = input.itemCode() != null ? input.itemCode() : finding.itemCode;
                    finding.dimension = input.dimension() != null ? input.dimension() : finding.dimension;
                    finding.insightCode = input.insightCode() != null ? input.insightCode() : finding.insightCode;
                    finding.businessRisk = input.businessRisk() != null ? input.businessRisk() : finding.businessRisk;
                    finding.recommendation = input.recommendation() != null ? input.recommendation()
                            : finding.recommendation;
                    finding.updatedAt = now();
                }).call(findings::flush);
    }

    /**
     * A DRAFT initiative from one finding (roadmap.md §3.1, §9), whatever its severity: as completion makes them;
     * {@code InitiativeCreated}. A finding that already has an initiative is 409 {@code finding-has-initiative}.
     */
    @WithTransaction
    public Uni<InitiativeEntity> initiativeFrom(UUID tenantId, String correlationId, UUID assessmentId,
                                                UUID findingId) {
        Instant now = now();
        return found(tenantId, assessmentId).chain(assessment -> foundFinding(tenantId, assessmentId, findingId)
                .chain(finding -> states.known(tenantId, assessment.clientId, now).chain(state -> {
                    InitiativeService.requireActive(state.client());
                    if (finding.initiativeId != null) {
                        throw new DetailedProblem(409, "finding-has-initiative", "Finding already has an initiative",
                                "Finding " + findingId + " is linked to initiative " + finding.initiativeId,
                                Map.of("initiativeId", finding.initiativeId));
                    }
                    InitiativeEntity draft = draftFor(state, finding, now);
                    draft.originRefs = draft.originRefs.withFinding(finding.id);
                    finding.initiativeId = draft.id;
                    finding.updatedAt = now;
                    state.initiatives().add(draft);
                    return initiatives.persist(draft).call(() -> outbox.append(RoadmapEvents.initiativeCreated(draft),
                            EventContext.ofRequest(tenantId, correlationId))).replaceWith(draft);
                })));
    }

    private Uni<FindingEntity> foundFinding(UUID tenantId, UUID assessmentId, UUID findingId) {
        return findings.findInAssessment(tenantId, assessmentId, findingId).onItem().ifNull().failWith(() ->
                new ProblemException(404, "finding-not-found", "Finding not found",
                        "Finding " + findingId + " does not exist", List.of()));
    }

    /**
     * Completion: VULNERABLE responses without a finding get one, the score is computed, and HIGH/CRITICAL
     * findings without an initiative get a DRAFT one (or link to the open remediation covering their insight).
     */
    @WithTransaction
    public Uni<AssessmentView> complete(UUID tenantId, String correlationId, UUID assessmentId,
                                        boolean createDraftInitiatives) {
        Instant now = now();
        return inProgress(tenantId, assessmentId).chain(pair -> findings.ofAssessment(tenantId, assessmentId)
                .chain(existing -> states.known(tenantId, pair.assessment().clientId, now).chain(state -> {
                    AssessmentEntity assessment = pair.assessment();
                    AssessmentTemplateEntity template = pair.template();
                    if (assessment.responses.items().isEmpty() && existing.isEmpty()) {
                        throw DetailedProblem.unprocessable("assessment-empty", "Assessment is empty",
                                "Completing needs at least one response or finding", Map.of());
                    }
                    List<FindingEntity> all = new ArrayList<>(existing);
                    List<AssessmentScore.Response> scored = new ArrayList<>();
                    for (ResponsesColumn.Response response : assessment.responses.items()) {
                        CategoriesColumn.Item item = template.item(response.itemCode()).orElseThrow();
                        scored.add(new AssessmentScore.Response(AssessmentScore.ItemPriority.valueOf(item.priority()),
                                AssessmentScore.Answer.valueOf(response.answer())));
                        boolean covered = all.stream().anyMatch(f -> response.itemCode().equals(f.itemCode));
                        if ("VULNERABLE".equals(response.answer()) && !covered) {
                            all.add(finding(assessment, item.code(), item.text(), "GAP", item.priority(),
                                    item.dimension(), item.insightCode(), true));
                        }
                    }
                    assessment.score = AssessmentScore.of(scored);
                    assessment.status = AssessmentEntity.COMPLETED;
                    assessment.completedAt = now;
                    assessment.updatedAt = now;
                    List<FindingEntity> created = all.subList(existing.size(), all.size());
                    List<InitiativeEntity> drafts = new ArrayList<>();
                    if (createDraftInitiatives) {
                        for (FindingEntity finding : all) {
                            if (finding.highRisk() && finding.initiativeId == null) {
                                Optional<InitiativeEntity> covering = state.initiatives().stream()
                                        .filter(i -> i.remediation && i.isOpen() && finding.insightCode != null
                                                && i.insightCodes().contains(finding.insightCode)).findFirst();
                                InitiativeEntity target = covering.orElseGet(() -> {
                                    InitiativeEntity draft = draftFor(state, finding, now);
                                    drafts.add(draft);
                                    state.initiatives().add(draft);
                                    return draft;
                                });
                                target.originRefs = target.originRefs.withFinding(finding.id);
                                finding.initiativeId = target.id;
                            }
                        }
                    }
                    EventContext context = EventContext.ofRequest(tenantId, correlationId);
                    // persisting an empty list fails in Hibernate Reactive (an empty Uni set), hence the guards
                    Uni<Void> chain = (created.isEmpty() ? Uni.createFrom().voidItem() : findings.persist(created))
                            .chain(() -> drafts.isEmpty() ? Uni.createFrom().voidItem() : initiatives.persist(drafts));
                    chain = chain.call(() -> outbox.append(RoadmapEvents.assessmentCompleted(assessment, all),
                            context));
                    for (InitiativeEntity draft : drafts) {
                        chain = chain.call(() -> outbox.append(RoadmapEvents.initiativeCreated(draft), context));
                    }
                    return chain.map(ignored -> new AssessmentView(assessment, List.copyOf(all)));
                })));
    }

    @WithTransaction
    public Uni<AssessmentView> get(UUID tenantId, UUID assessmentId) {
        return found(tenantId, assessmentId).chain(assessment -> findings.ofAssessment(tenantId, assessmentId)
                .map(list -> new AssessmentView(assessment, list)));
    }

    @WithTransaction
    public Uni<List<AssessmentEntity>> ofClient(UUID tenantId, UUID clientId) {
        return states.forRead(tenantId, clientId, clock.instant())
                .chain(() -> assessments.ofClient(tenantId, clientId));
    }

    /** A DRAFT from a finding: STABILITY, EFFICIENCY for an opportunity; in the backlog until planned. */
    private static InitiativeEntity draftFor(ClientState state, FindingEntity finding, Instant now) {
        String lane = "OPPORTUNITY".equals(finding.kind) ? "EFFICIENCY" : "STABILITY";
        List<HealthLink> links = finding.dimension == null ? List.of()
                : List.of(new HealthLink(finding.dimension, finding.insightCode, null));
        String summary = finding.recommendation != null ? finding.recommendation : finding.businessRisk;
        InitiativeEntity draft = InitiativeEntity.draft(state.tenantId(), state.clientId(),
                finding.title.length() <= 140 ? finding.title : finding.title.substring(0, 140), summary, lane,
                Origin.ASSESSMENT_FINDING, false, "CRITICAL".equals(finding.severity) ? Priority.CRITICAL
                        : Priority.HIGH, null, links, OriginRefs.none(), state.client().currency, now);
        draft.position = state.endOf(null);
        return draft;
    }

    private static FindingEntity finding(AssessmentEntity assessment, String itemCode, String title, String kind,
                                         String severity, String dimension, String insightCode, boolean auto) {
        FindingEntity finding = new FindingEntity();
        finding.id = UUID.randomUUID();
        finding.tenantId = assessment.tenantId;
        finding.assessmentId = assessment.id;
        finding.itemCode = itemCode;
        finding.title = title;
        finding.kind = kind;
        finding.severity = severity;
        finding.dimension = dimension;
        finding.insightCode = insightCode;
        finding.autoCreated = auto;
        finding.createdAt = assessment.updatedAt;
        finding.updatedAt = assessment.updatedAt;
        return finding;
    }

    private record WithTemplate(AssessmentEntity assessment, AssessmentTemplateEntity template) {
    }

    private Uni<WithTemplate> inProgress(UUID tenantId, UUID assessmentId) {
        return found(tenantId, assessmentId).chain(assessment -> {
            if (!AssessmentEntity.IN_PROGRESS.equals(assessment.status)) {
                throw DetailedProblem.conflict("assessment-not-in-progress", "Assessment is not in progress",
                        "Assessment " + assessmentId + " is " + assessment.status);
            }
            return templates.findInTenant(tenantId, assessment.templateId)
                    .map(template -> new WithTemplate(assessment, template));
        });
    }

    private Uni<AssessmentEntity> found(UUID tenantId, UUID assessmentId) {
        return assessments.findInTenant(tenantId, assessmentId).onItem().ifNull().failWith(() ->
                new ProblemException(404, "assessment-not-found", "Assessment not found",
                        "Assessment " + assessmentId + " does not exist", List.of()));
    }

    private static void check(String value, Set<String> allowed, String field) {
        if (value == null || !allowed.contains(value)) {
            throw ProblemException.invalid(field, value == null ? "required" : "enum",
                    field + " must be one of " + allowed);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
