package io.mspcs.cadence.domain;

import java.util.Map;

/** Why a CTA exists or ended: code, text, the rule and version that decided, and the inputs it used. */
public record CtaReason(String code, String text, String ruleId, Integer ruleVersion, Map<String, Object> inputs) {
}
