package org.stemdiscovery.atoms;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Per-pixel cross entropy against a class-weighted one-hot target: label {@code (N, C, H, W)} holding the
 * class weight at the true class and 0 elsewhere, prediction {@code (N, C, H, W)} logits. The weights
 * let the few bright-column pixels count although background covers most of every image.
 */
final class PixelCrossEntropy extends Loss {

	PixelCrossEntropy() {
		super("PixelCrossEntropy");
	}

	@Override
	public NDArray evaluate(NDList labels, NDList predictions) {
		NDArray logp = predictions.singletonOrThrow().logSoftmax(1);
		return labels.singletonOrThrow().mul(logp).sum(new int[] { 1 }).mean().neg();
	}
}
