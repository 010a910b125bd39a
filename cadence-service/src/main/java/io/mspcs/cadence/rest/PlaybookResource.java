package io.mspcs.cadence.rest;

import io.mspcs.cadence.domain.TemplateDocument;
import io.mspcs.cadence.domain.PlaybookTemplate;
import io.mspcs.cadence.repository.PlaybookRunEntity;
import io.mspcs.cadence.repository.PlaybookTaskEntity;
import io.mspcs.cadence.service.PlaybookService;
import io.mspcs.cadence.service.PlaybookTemplateService;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
@Tag(name = "Playbooks", description = "Versioned playbook templates and runs with their tasks")
public class PlaybookResource {

    public record TaskSpecView(String taskKey, String title, Map<String, String> owners, String offset,
                               List<String> dependsOn, boolean required, List<String> segments, boolean firstAction,
                               String meetingType) {
    }

    /** A template version; {@code draft} (on GET /playbooks/{key}) is the unpublished next version, if any. */
    public record TemplateView(String key, String name, int version, String status, String description,
                               String expectedOutput, List<TaskSpecView> tasks, TemplateView draft) {
        static TemplateView of(PlaybookTemplateService.Versioned versioned) {
            return of(versioned.template(), versioned.status(), null);
        }

        static TemplateView of(PlaybookTemplateService.Current current) {
            if (current.published() == null) {
                return of(current.draft());
            }
            return of(current.published().template(), current.published().status(),
                    current.draft() == null ? null : of(current.draft()));
        }

        static TemplateView of(PlaybookTemplate t, String status, TemplateView draft) {
            return new TemplateView(t.key(), t.name(), t.version(), status, t.description(), t.expectedOutput(),
                    t.tasks().stream().map(task -> new TaskSpecView(task.taskKey(), task.title(),
                            task.owners().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                                    e -> e.getKey().name(), e -> e.getValue().name(), (a, b) -> a,
                                    java.util.TreeMap::new)),
                            task.offset() == null ? null : task.offset().toString(), task.dependsOn(), task.required(),
                            task.segments().stream().map(Enum::name).sorted().toList(), task.firstAction(),
                            task.meetingType())).toList(), draft);
        }
    }

    /** POST /playbooks: a new template's key with its first draft. */
    public record NewTemplate(@NotBlank String key, @NotBlank String name, String description, String expectedOutput,
                              @NotNull List<TemplateDocument.TaskDocument> tasks) {
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
    private final PlaybookTemplateService templates;
    private final CallerContext caller;

    public PlaybookResource(PlaybookService playbooks, PlaybookTemplateService templates, CallerContext caller) {
        this.playbooks = playbooks;
        this.templates = templates;
        this.caller = caller;
    }

    @GET
    @Path("/playbooks")
    @Operation(summary = "The tenant's templates: latest published (or retired) version, with the draft if any")
    public Uni<List<TemplateView>> templates() {
        return templates.all(caller.tenantId()).map(all -> all.stream().map(TemplateView::of).toList());
    }

    @POST
    @Path("/playbooks")
    @RolesAllowed({Roles.CS_LEADER})
    @Operation(summary = "A new template, saved as draft version 1 (400 dependency-cycle, 409 if the key exists)")
    public Uni<Response> create(@Valid @NotNull NewTemplate body) {
        return templates.create(caller.tenantId(), body.key(), new TemplateDocument(body.name(), body.description(),
                        body.expectedOutput(), body.tasks()))
                .map(created -> Response.status(201).entity(TemplateView.of(created)).build());
    }

    @GET
    @Path("/playbooks/{key}")
    @Operation(summary = "One template: latest published version and its draft")
    public Uni<TemplateView> template(@PathParam("key") String key) {
        return templates.get(caller.tenantId(), key).map(TemplateView::of);
    }

    @GET
    @Path("/playbooks/{key}/versions/{version}")
    @Operation(summary = "One version of a template")
    public Uni<TemplateView> templateVersion(@PathParam("key") String key, @PathParam("version") int version) {
        return templates.version(caller.tenantId(), key, version).map(TemplateView::of);
    }

    @PUT
    @Path("/playbooks/{key}/draft")
    @RolesAllowed({Roles.CS_LEADER})
    @Operation(summary = "Save the draft of the next version (published versions never change)")
    public Uni<TemplateView> saveDraft(@PathParam("key") String key, @Valid @NotNull TemplateDocument body) {
        return templates.saveDraft(caller.tenantId(), key, body).map(TemplateView::of);
    }

    @DELETE
    @Path("/playbooks/{key}/draft")
    @RolesAllowed({Roles.CS_LEADER})
    @Operation(summary = "Discard the draft")
    public Uni<Response> discardDraft(@PathParam("key") String key) {
        return templates.discardDraft(caller.tenantId(), key).replaceWith(Response.noContent().build());
    }

    @DELETE
    @Path("/playbooks/{key}")
    @RolesAllowed({Roles.CS_LEADER})
    @Operation(summary = "Delete a template never published (409 template-published: retire it instead)")
    public Uni<Response> delete(@PathParam("key") String key) {
        return templates.delete(caller.tenantId(), key).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/playbooks/{key}/publish")
    @RolesAllowed({Roles.CS_LEADER})
    @Operation(summary = "Publish the draft as version N+1; running runs keep their version")
    public Uni<TemplateView> publish(@PathParam("key") String key) {
        return templates.publish(caller.tenantId(), key).map(TemplateView::of);
    }

    @POST
    @Path("/playbooks/{key}/retire")
    @RolesAllowed({Roles.CS_LEADER})
    @Operation(summary = "Retire the template: no new runs, running runs go on")
    public Uni<TemplateView> retire(@PathParam("key") String key) {
        return templates.retire(caller.tenantId(), key).map(TemplateView::of);
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
