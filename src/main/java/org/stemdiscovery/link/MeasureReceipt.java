package org.stemdiscovery.link;

import java.util.List;

/**
 * The answer to {@code measurements}: the ids taken, the ids ignored (measured before, or twice in the request),
 * the finished step when the request completed the batch (else null) and the session's status.
 */
record MeasureReceipt(List<Integer> accepted, List<Integer> ignored, StepSummary step, SessionStatus status) {}
