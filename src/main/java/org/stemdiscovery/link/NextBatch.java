package org.stemdiscovery.link;

import java.util.List;

/**
 * The answer to {@code next}: the batch in beam order, what scanning it will take (from its first point, at the
 * session's timing) and the electrons it will deliver; empty and {@code done} when the budget is spent.
 */
record NextBatch(List<Point> points, double estimatedSeconds, double estimatedElectrons, boolean done) {}
