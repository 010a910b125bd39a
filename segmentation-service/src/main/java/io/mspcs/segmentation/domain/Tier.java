package io.mspcs.segmentation.domain;

/** Investment tier: the share of MRR spent on customer success (segmentation.md §2.4). */
public enum Tier {
    BOUTIQUE, PREMIUM, STANDARD, VALUE, COST_DRIVER
}
