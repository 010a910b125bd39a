package io.mspcs.health.service;

import io.mspcs.health.domain.HealthModel;

import java.util.UUID;

/** The model a score is computed with: its id and version (named by every score) and its content. */
public record ActiveModel(UUID id, int version, HealthModel content) {
}
