package org.stemdiscovery.sim;

import java.util.List;
import java.util.Map;

/**
 * A synthetic STEM image with its ground truth.
 *
 * @param noisy      what the detector records (row-major, {@code width × height})
 * @param clean      the same without noise (still distorted and jittered)
 * @param mask       1 where the feature of interest is (pillars, wall region, defect neighbourhoods), else 0
 * @param target     a smooth map of the feature for Bayesian optimization (maximal on the feature)
 * @param atoms      ground-truth columns after scan distortion, with class labels
 * @param classes    names of the class labels, index = label
 * @param parameters every setting that made the image, for the JSON beside the files
 */
public record SyntheticImage(String name, int width, int height, float[] noisy, float[] clean, byte[] mask,
	float[] target, List<Atom> atoms, List<String> classes, Map<String, Object> parameters) {

	public SyntheticImage {
		int n = width * height;
		if (noisy.length != n || clean.length != n || mask.length != n || target.length != n)
			throw new IllegalArgumentException("arrays do not match " + width + " x " + height);
		atoms = List.copyOf(atoms);
		classes = List.copyOf(classes);
		parameters = Map.copyOf(parameters);
	}

	/** Atoms whose centre lies inside the image. */
	public List<Atom> atomsInside() {
		return atoms.stream().filter(a -> a.x() >= -0.5 && a.x() < width - 0.5 && a.y() >= -0.5 && a.y() < height - 0.5)
			.toList();
	}

	/** Share of pixels in the feature mask. */
	public double maskFraction() {
		int on = 0;
		for (byte b : mask)
			on += b != 0 ? 1 : 0;
		return (double) on / mask.length;
	}
}
