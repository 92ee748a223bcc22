package org.stemdiscovery.experiment;

import java.util.ArrayList;
import java.util.List;

import org.stemdiscovery.fft.SlidingFftSettings;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.sim.DomainWallScene;
import org.stemdiscovery.sim.SyntheticImage;
import org.stemdiscovery.vae.RvaeTraining;
import org.stemdiscovery.workflow.DescriptorSettings;
import org.stemdiscovery.workflow.RvaeEncoding;

/** Small scenes, twins and settings shared by the experiment's model tests: fast on two cores. */
final class Twins {

	static final int SIDE = 128, PATCH = 32, SPACING = 8;

	private Twins() {}

	static SyntheticImage wall(long seed) {
		return DomainWallScene.defaults().generate(SIDE, SIDE, seed);
	}

	static DigitalTwin noiseFree(SyntheticImage img) {
		return new DigitalTwin(img.clean(), img.width(), img.height(), Double.NaN, TwinSettings.defaults().withNoiseFree(
			true), 1);
	}

	static Grid candidates() {
		return Grid.ofWindows(SIDE, SIDE, PATCH, SPACING);
	}

	/** A small, quick rVAE: 2 content latents, 32 hidden units. */
	static RvaeEncoding rvae(int epochs, long seed) {
		return new RvaeEncoding(2, 32, RvaeTraining.defaults().withEpochs(epochs).withBatchSize(32).withLearningRate(3e-3)
			.withSeed(seed));
	}

	static DescriptorSettings descriptors(RvaeEncoding rvae) {
		return new DescriptorSettings(SlidingFftSettings.of(PATCH, SPACING), "nmf", 3, 200, 7, rvae, "dcnn", 16, 4, 1);
	}

	/** A frame in signal per electron. */
	static float[] perElectron(Frame f) {
		float[] out = new float[f.pixels().length];
		for (int i = 0; i < out.length; i++)
			out[i] = (float) (f.pixels()[i] / f.dosePerPixel());
		return out;
	}

	static float[] perElectron(Measurement m) {
		float[] out = new float[m.pixels().length];
		for (int i = 0; i < out.length; i++)
			out[i] = (float) (m.pixels()[i] / m.dosePerPixel());
		return out;
	}

	/** The {@code size}-px window of {@code image} at (left, top). */
	static float[] window(float[] image, int width, int left, int top, int size) {
		float[] out = new float[size * size];
		for (int y = 0; y < size; y++)
			System.arraycopy(image, (top + y) * width + left, out, y * size, size);
		return out;
	}

	/** Noise-free measurements at the given candidates, at ten times the survey's dwell. */
	static List<float[]> measure(DigitalTwin twin, Grid g, int... cands) {
		List<PatchRequest> rs = new ArrayList<>();
		for (int c : cands)
			rs.add(new PatchRequest(c + 1, g.centreX(g.col(c)), g.centreY(g.row(c)), g.window(), 10));
		List<float[]> out = new ArrayList<>();
		for (Measurement m : twin.acquire(rs))
			out.add(perElectron(m));
		return out;
	}
}
