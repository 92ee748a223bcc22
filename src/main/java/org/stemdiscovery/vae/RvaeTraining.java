package org.stemdiscovery.vae;

import java.util.LinkedHashMap;
import java.util.Map;

import org.stemdiscovery.image.InputException;

/**
 * How an rVAE is trained.
 *
 * <p>The angle prior is N(0, σφ). With {@code penaliseAngleMean} (the default) this is the full KL divergence,
 * so σφ bounds the angles the model may use: the common default σφ = 0.1 rad (AtomAI's
 * {@code rotation_prior}) then costs {@code φ²/(2·0.01)} per patch and nearly switches rotation learning off;
 * use ~1–3 rad for patches that appear in any orientation. AtomAI's own KL term for the angle omits the
 * mean (only the spread is pulled towards σφ); {@code penaliseAngleMean = false} reproduces that, which the
 * parity benchmark uses.
 *
 * @param epochs        passes over the stack
 * @param batchSize     patches per Adam step
 * @param learningRate  Adam's step size (AtomAI's default is 1e-4; 1e-3 trains in fewer epochs)
 * @param seed          seeds initial weights, shuffling and the reparameterisation noise: same seed, same model
 * @param anglePrior    σφ in radians
 * @param noise         σ of the Gaussian reconstruction, in units of the stack's range (the stack is scaled to
 *                      [0, 1]): the squared error is weighted by 1/(2σ²). AtomAI uses 1, a weak likelihood for
 *                      [0, 1] data under which the content latents often collapse to the prior; 0.1 is our default
 */
public record RvaeTraining(int epochs, int batchSize, double learningRate, long seed, double anglePrior,
	boolean penaliseAngleMean, double noise) {

	public RvaeTraining {
		if (epochs < 1) throw new InputException("epochs " + epochs + " must be at least 1");
		if (batchSize < 1) throw new InputException("batch size " + batchSize + " must be at least 1");
		if (!(learningRate > 0) || learningRate > 1) throw new InputException("learning rate " + learningRate +
			" must be in (0, 1]; 1e-3 is usual");
		if (!(anglePrior > 0) || !Double.isFinite(anglePrior)) throw new InputException("angle prior " + anglePrior +
			" rad must be a positive number; use ~1-3 rad to learn rotations");
		if (!(noise > 0) || !Double.isFinite(noise)) throw new InputException("noise sigma " + noise +
			" must be a positive number; 0.1 is usual for data scaled to [0, 1]");
	}

	public static RvaeTraining defaults() {
		return new RvaeTraining(100, 100, 1e-3, 0, Math.PI / 2, true, 0.1);
	}

	public RvaeTraining withEpochs(int e) {
		return new RvaeTraining(e, batchSize, learningRate, seed, anglePrior, penaliseAngleMean, noise);
	}

	public RvaeTraining withBatchSize(int b) {
		return new RvaeTraining(epochs, b, learningRate, seed, anglePrior, penaliseAngleMean, noise);
	}

	public RvaeTraining withLearningRate(double lr) {
		return new RvaeTraining(epochs, batchSize, lr, seed, anglePrior, penaliseAngleMean, noise);
	}

	public RvaeTraining withSeed(long s) {
		return new RvaeTraining(epochs, batchSize, learningRate, s, anglePrior, penaliseAngleMean, noise);
	}

	public RvaeTraining withAnglePrior(double sigma, boolean penaliseMean) {
		return new RvaeTraining(epochs, batchSize, learningRate, seed, sigma, penaliseMean, noise);
	}

	public RvaeTraining withNoise(double sigma) {
		return new RvaeTraining(epochs, batchSize, learningRate, seed, anglePrior, penaliseAngleMean, sigma);
	}

	public Map<String, Object> toMap() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("epochs", epochs);
		m.put("batchSize", batchSize);
		m.put("learningRate", learningRate);
		m.put("seed", seed);
		m.put("anglePrior", anglePrior);
		m.put("penaliseAngleMean", penaliseAngleMean);
		m.put("noise", noise);
		return m;
	}
}
