package org.stemdiscovery.experiment;

/** What a live view hears while an experiment runs; both calls come from the experiment's thread. */
public interface ExperimentListener {

	/** The survey is in and the model fitted on it; {@code session} answers what it knows (survey, map, candidates). */
	default void surveyed(ExperimentSession session) {}

	/** A batch came back and the GP was updated. */
	default void stepped(ExperimentSession session, ExperimentStep step) {}
}
