package io.mspcs.cadence.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Request bodies of the CTA work endpoints (cadence.md §8.3). */
public final class CtaRequests {

    private CtaRequests() {
    }

    public record Manual(@NotBlank String kind, @NotBlank @Size(max = 140) String title, @NotBlank String priority,
                         @NotBlank String ownerRole, @NotNull Instant dueAt, String playbookKey) {
    }

    public record Patch(String status, String priority, Instant dueAt, @Size(max = 140) String title) {
    }

    public record Activity(@NotBlank String type, @NotBlank @Size(max = 2000) String text) {
    }

    public record Snooze(@NotNull LocalDate until, @NotBlank String reasonCode, @Size(max = 500) String text,
                         Instant dueAt) {
    }

    public record Assign(@NotNull UUID ownerMemberId) {
    }

    public record Close(@NotBlank String closeStatus, String reasonCode, @NotBlank @Size(max = 500) String text,
                        Integer suppressDays) {
    }

    public record Escalate(String toRole, @Size(max = 500) String note) {
    }
}
