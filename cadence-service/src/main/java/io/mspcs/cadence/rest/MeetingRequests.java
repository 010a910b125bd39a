package io.mspcs.cadence.rest;

import io.mspcs.contracts.Money;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request bodies of the meeting endpoints (cadence.md §8.2). */
public final class MeetingRequests {

    private MeetingRequests() {
    }

    public record Schedule(@NotBlank @Size(max = 40) String meetingType, @Size(max = 200) String title,
                           @NotNull Instant scheduledFor, @Min(1) Integer durationMinutes, Boolean confirmed,
                           String format, String ownerRole, UUID ownerMemberId, String source,
                           @Size(max = 200) String externalId) {
    }

    public record Patch(Instant scheduledFor, Boolean confirmed, UUID ownerMemberId, List<String> attendeeRoles) {
    }

    public record Held(@NotNull Instant heldAt, List<String> attendeeRoles, @Min(0) Integer clientAttendeeCount,
                       Boolean decisionMakerPresent, Boolean execSponsorPresent) {
    }

    public record Recap(@NotBlank @Size(max = 2000) String decided, @Size(max = 2000) String whyNow,
                        @Size(max = 2000) String ownersAndDates, @Size(max = 2000) String risks,
                        @Size(max = 2000) String nextCadence) {
    }

    public record Decision(@NotBlank String outcome, @NotBlank String summary, UUID ownerMemberId,
                           UUID ownerContactId, LocalDate dueDate, Money budget) {
    }

    public record Cancel(@NotBlank String reason) {
    }

    /** {@code POST /meetings/bulk}: PSA or calendar items keyed by {@code (source, externalId)}. */
    public record Bulk(List<BulkItem> items) {
    }

    /**
     * One imported meeting; {@code status} SCHEDULED (default), HELD (with {@code heldAt} and the held fields) or
     * CANCELLED (with {@code cancelReason}).
     */
    public record BulkItem(String source, String externalId, UUID clientId, String meetingType, String title,
                           Instant scheduledFor, Integer durationMinutes, Boolean confirmed, String status,
                           Instant heldAt, List<String> attendeeRoles, Integer clientAttendeeCount,
                           Boolean decisionMakerPresent, Boolean execSponsorPresent, String cancelReason) {
    }

    public record HeldResult(String status, Instant recapDueAt, boolean counts) {
    }

    public record RecapResult(boolean onTime, boolean counts, LocalDate nextDueDate) {
    }

    public record DecisionResult(UUID decisionId, boolean creditGateMet) {
    }
}
