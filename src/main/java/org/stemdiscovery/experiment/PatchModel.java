package org.stemdiscovery.experiment;

import java.util.List;
import java.util.Map;

import org.stemdiscovery.image.Progress;

/**
 * The descriptor model fitted on the survey, applied to each measured patch: the paper's "the collection of
 * data within the BO process must be converted in a similar manner as the latent variable used". A patch
 * comes in as signal per electron (detector value / dose per pixel), so patches and the survey are on one
 * scale whatever their dose.
 */
public interface PatchModel extends AutoCloseable {

	/** One name per value {@link #encode} returns ("NMF component 2", "latent z1"). */
	List<String> names();

	/**
	 * The value to steer by (0-based) when the survey gives no opinion (NaN maps) and the experiment chooses
	 * automatically: the rVAE models name their first content latent, not the angle.
	 */
	default int defaultTarget() {
		return 0;
	}

	/** Side of the patches the model reads, in px. */
	int patch();

	/** The values of one {@code patch × patch} patch, row-major, in signal per electron. */
	float[] encode(float[] patch);

	/**
	 * Learns from every patch measured so far (the rVAE trained during discovery). Returns true when the
	 * values of earlier patches may have changed, so the engine re-encodes them and refits the GP.
	 */
	default boolean learn(List<float[]> patches, Progress progress) {
		return false;
	}

	/** What the model wants in the run record (method, error, epochs, …). */
	Map<String, Object> details();

	@Override
	default void close() {}
}
