package org.stemdiscovery.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.stemdiscovery.image.GaussianBlur;
import org.stemdiscovery.image.InputException;

/** A kind of synthetic specimen: lays out ideal columns and ground truth, then images them. */
public interface Scene {

	/** Short name used in file names: pillars, wall, graphene. */
	String name();

	/** The image of this scene, fully determined by size and seed. */
	SyntheticImage generate(int width, int height, long seed);

	/** Refuses sizes too small for a scene to show its feature. */
	static void checkSize(int width, int height, int min) {
		if (width < min || height < min) throw new InputException("a " + width + " x " + height +
			" px synthetic image is too small; choose at least " + min + " x " + min + " px");
	}

	/**
	 * The common second half of every scene: distort the ideal columns, render, add noise, and pack the
	 * ground truth. {@code targetSigma > 0} makes the target a blur of the clean image; otherwise
	 * {@code target} is used as given.
	 */
	static SyntheticImage image(String name, int width, int height, List<Atom> ideal, byte[] mask, float[] target,
		double targetSigma, Imaging imaging, SplittableRandom rnd, List<String> classes, Map<String, Object> params) {
		List<Atom> atoms = imaging.distort(ideal, height, rnd.split());
		double[] jitter = imaging.rowJitter(height, rnd.split());
		float[] clean = Imaging.render(atoms, width, height, jitter);
		float[] noisy = imaging.noisy(clean, rnd.split());
		float[] t = targetSigma > 0 ? GaussianBlur.blur(clean, width, height, targetSigma) : target;
		Map<String, Object> p = new LinkedHashMap<>(params);
		p.put("scene", name);
		p.put("width", width);
		p.put("height", height);
		p.put("imaging", new java.util.TreeMap<>(Map.of("dose", imaging.dose(), "background", imaging.background(),
			"readNoise", imaging.readNoise(), "driftAmplitude", imaging.driftAmplitude(), "driftPeriod", imaging.driftPeriod(),
			"shear", imaging.shear(), "stretch", imaging.stretch(), "lineJitter", imaging.lineJitter())));
		return new SyntheticImage(name, width, height, noisy, clean, mask, t, atoms, classes, p);
	}
}
