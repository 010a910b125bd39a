package io.mspcs.cadence.rest;

import io.mspcs.cadence.domain.PlaybookCatalogue;
import io.mspcs.cadence.domain.PlaybookTemplate;
import io.mspcs.cadence.repository.PlaybookRunEntity;
import io.mspcs.cadence.repository.PlaybookTaskEntity;
import io.mspcs.cadence.service.PlaybookService;
import io.mspcs.outbox.EventContext;
import io.mspcs.rest.CallerContext;
import io.mspcs.rest.ProblemException;
import io.mspcs.rest.Roles;
import io.mspcs.rest.Scopes;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1")
@Tag(name = "Playbooks", description = "Playbook templates (seeded version 1) and runs with their tasks")
public class PlaybookResource {

    public record TaskSpecView(String taskKey, String title, Map<String, String> owners, String offset,
                               List<String> dependsOn, boolean required, List<String> segments, boolean firstAction,
                               String meetingType) {
    }

    public record TemplateView(String key, String name, int version, String status, String description,
                               String expectedOutput, List<TaskSpecView> tasks) {
        static TemplateView of(PlaybookTemplate t) {
            return new TemplateView(t.key(), t.name(), t.version(), "PUBLISHED", t.description(), t.expectedOutput(),
                    t.tasks().stream().map(task -> new TaskSpecView(task.taskKey(), task.title(),
                            task.owners().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                                    e -> e.getKey().name(), e -> e.getValue().name(), (a, b) -> a,
                                    java.util.TreeMap::new)),
                            task.offset() == null ? null : task.offset().toString(), task.dependsOn(), task.required(),
                            task.segments().stream().map(Enum::name).sorted().toList(), task.firstAction(),
                            task.meetingType())).toList());
        }
    }

    public record TaskView(UUID taskId, String taskKey, String title, String ownerRole, UUID ownerMemberId,
                           Instant dueAt, boolean dueLocked, boolean required, String status, Instant completedAt) {
        static TaskView of(PlaybookTaskEntity t) {
            return new TaskView(t.id, t.taskKey, t.title, t.ownerRole, t.ownerMemberId, t.dueAt, t.dueLocked,
                    t.required, t.status, t.completedAt);
        }
    }

    public record RunView(UUID runId, UUID clientId, String templateKey, int templateVersion, String name,
                          String segment, UUID ctaId, String ownerRole, UUID ownerMemberId, String status,
                          Instant startedAt, Instant endedAt, List<TaskView> tasks, List<String> cascaded) {
        static RunView of(PlaybookRunEntity r, List<PlaybookTaskEntity> tasks, List<String> cascaded) {
            return new RunView(r.id, r.clientId, r.templateKey, r.templateVersion, r.name, r.segment, r.ctaId,
                    r.ownerRole, r.ownerMemberId, r.status, r.startedAt, r.endedAt,
                    tasks == null ? null : tasks.stream().map(TaskView::of).toList(), cascaded);
        }

        static RunView of(PlaybookService.RunWithTasks found) {
            return of(found.run(), found.tasks(), found.cascaded());
        }
    }

    public record StartRun(@NotBlank String templateKey, UUID ctaId) {
    }

    public record TaskPatch(Instant dueAt, UUID ownerMemberId) {
    }

    public record TaskDone(String note, String outputRef) {
    }

    public record Reasoned(String reason) {
    }

    private final PlaybookService playbooks;
    private final CallerContext caller;

    public PlaybookResource(PlaybookService playbooks, CallerContext caller) {
        this.playbooks = playbooks;
        this.caller = caller;
    }

    @GET
    @Path("/playbooks")
    @Operation(summary = "The playbook templates (the seeded catalogue, version 1)")
    public List<TemplateView> templates() {
        return PlaybookCatalogue.all().stream().map(TemplateView::of).toList();
    }

    @GET
    @Path("/playbooks/{key}")
    @Operation(summary = "One template, latest published version")
    public TemplateView template(@PathParam("key") String key) {
        return PlaybookCatalogue.seeded(key).map(TemplateView::of)
                .orElseThrow(() -> ProblemException.notFound("Playbook " + key));
    }

    @GET
    @Path("/playbooks/{key}/versions/{version}")
    @Operation(summary = "One version of a template")
    public TemplateView templateVersion(@PathParam("key") String key, @PathParam("version") int version) {
        return PlaybookCatalogue.seeded(key).filter(t -> t.version() == version).map(TemplateView::of)
                .orElseThrow(() -> ProblemException.notFound("Playbook " + key + " version " + version));
    }

    @POST
    @Path("/clients/{clientId}/playbook-runs")
    @RolesAllowed({Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Roles.AM, Scopes.CTAS_WRITE})
    @Operation(summary = "Start a run by hand (PlaybookStarted); optionally linked to a CTA")
    public Uni<Response> start(@PathParam("clientId") UUID clientId, @Valid @NotNull StartRun body) {
        return playbooks.startByHand(context(), clientId, body.templateKey(), body.ctaId())
                .chain(run -> playbooks.get(run.tenantId, run.id))
                .map(found -> Response.status(201).entity(RunView.of(found)).build());
    }

    @GET
    @Path("/clients/{clientId}/playbook-runs")
    @Operation(summary = "The runs of a client")
    public Uni<List<RunView>> ofClient(@PathParam("clientId") UUID clientId) {
        return playbooks.ofClient(caller.tenantId(), clientId)
                .map(list -> list.stream().map(r -> RunView.of(r, null, null)).toList());
    }

    @GET
    @Path("/playbook-runs/{runId}")
    @Operation(summary = "One run with its tasks")
    public Uni<RunView> get(@PathParam("runId") UUID runId) {
        return playbooks.get(caller.tenantId(), runId).map(RunView::of);
    }

    @POST
    @Path("/playbook-runs/{runId}/cancel")
    @RolesAllowed({Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Roles.AM, Scopes.CTAS_WRITE})
    @Operation(summary = "Cancel a run (PlaybookCompleted CANCELLED; its CTA stays open)")
    public Uni<RunView> cancel(@PathParam("runId") UUID runId, @NotNull Reasoned body) {
        return playbooks.cancel(context(), runId, body.reason()).map(RunView::of);
    }

    @PATCH
    @Path("/playbook-runs/{runId}/tasks/{taskId}")
    @RolesAllowed({Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Roles.AM, Scopes.CTAS_WRITE})
    @Operation(summary = "Set a task's due date (locks it and cascades to its dependents; returns cascaded) or owner")
    public Uni<RunView> patchTask(@PathParam("runId") UUID runId, @PathParam("taskId") UUID taskId,
                                  @NotNull TaskPatch body) {
        return playbooks.moveTask(context(), runId, taskId, body.dueAt(), body.ownerMemberId()).map(RunView::of);
    }

    @POST
    @Path("/playbook-runs/{runId}/tasks/{taskId}/complete")
    @RolesAllowed({Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Roles.AM, Scopes.CTAS_WRITE})
    @Operation(summary = "Complete a task; dependents move; the last required task completes the run")
    public Uni<RunView> complete(@PathParam("runId") UUID runId, @PathParam("taskId") UUID taskId, TaskDone body) {
        return playbooks.complete(context(), runId, taskId, body == null ? null : body.note()).map(RunView::of);
    }

    @POST
    @Path("/playbook-runs/{runId}/tasks/{taskId}/skip")
    @RolesAllowed({Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Roles.AM, Scopes.CTAS_WRITE})
    @Operation(summary = "Skip a task (a required one needs a reason)")
    public Uni<RunView> skip(@PathParam("runId") UUID runId, @PathParam("taskId") UUID taskId, Reasoned body) {
        return playbooks.skip(context(), runId, taskId, body == null ? null : body.reason()).map(RunView::of);
    }

    private EventContext context() {
        return EventContext.ofRequest(caller.tenantId(), caller.correlationId());
    }
}
