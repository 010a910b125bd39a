package io.mspcs.segmentation.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * {@code POST /api/v1/clients/bulk}: items carry their own {@code source}; a top-level {@code source} is the default
 * for items without one (the first slice's shape, still used by integrations). Items are read one by one.
 */
public record ClientBulkRequest(String source, List<JsonNode> items) {
}
