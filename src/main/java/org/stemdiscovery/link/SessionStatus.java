package org.stemdiscovery.link;

/**
 * A session as {@code GET /v1/sessions/{id}} answers it.
 *
 * @param state        open, done, aborted or broken (its journal could not be replayed faithfully; see reason)
 * @param measurements measurements the session holds
 * @param pending      points issued and not yet measured
 * @param reason       why a session is broken; null otherwise
 */
record SessionStatus(String id, String state, int measurements, int budget, int pending, int steps, double electrons,
	String target, String workflow, String reason) {}
