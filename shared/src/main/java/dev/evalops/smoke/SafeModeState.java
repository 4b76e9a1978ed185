package dev.evalops.smoke;

/**
 * The safe-mode flag as read before an attempt: what the router should be honouring while we ask it.
 *
 * @param source e.g. {@code /evalops/prod/safe-mode v7}, or {@code /evalops/prod/safe-mode (absent)}
 */
record SafeModeState(boolean enabled, String source) {
}
