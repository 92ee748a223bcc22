package org.stemdiscovery.vae;

/**
 * What training did, per epoch: the loss (−ELBO per patch, as AtomAI prints it), its reconstruction part,
 * and the wall time of the epoch.
 */
public record TrainingHistory(double[] loss, double[] reconstruction, double[] seconds) {

	public int epochs() {
		return loss.length;
	}

	public double finalLoss() {
		return loss[loss.length - 1];
	}

	public double finalReconstruction() {
		return reconstruction[reconstruction.length - 1];
	}
}
