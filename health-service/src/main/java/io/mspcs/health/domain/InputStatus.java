package io.mspcs.health.domain;

/** How a scoring input counted (health.md §3.2): only OK inputs carry weight; missing is never read as 0 or 100. */
public enum InputStatus {
    OK, MISSING, EXPIRED, TOO_FEW
}
