package org.stemdiscovery.vae;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stemdiscovery.image.Progress;

class RvaeRotationTest {

	@Test
	void encodedAnglesFollowKnownRotationsAndContentSeparatesMotifs() {
		// Angles over a half turn: an encoder is a continuous function, so over a full turn it must jump somewhere.
		Motifs m = Motifs.make(300, 16, -Math.PI / 2, Math.PI / 2, 1);
		RvaeArchitecture arch = RvaeArchitecture.defaults(16, 16, 2).withTranslation(false).withHidden(128, 64);
		RvaeTraining t = RvaeTraining.defaults().withEpochs(40).withBatchSize(50).withLearningRate(3e-3).withSeed(0)
			.withAnglePrior(1.5, true).withNoise(0.1);
		try (Rvae model = Rvae.create(arch, 0)) {
			new RvaeTrainer(t).train(model, m.stack, Progress.NONE, null);
			Latents lat = model.encode(m.stack);
			double[] phi = lat.column("angle");
			for (int k = 0; k < 2; k++) {
				double r = Math.abs(Motifs.circularCorrelation(Motifs.select(phi, m.motif, k),
					Motifs.select(m.angle, m.motif, k)));
				assertTrue(r >= 0.95, "motif " + k + ": circular correlation of encoded and true angles " + r);
			}
			double bestAccuracy = 0, bestSeparation = 0;
			for (String z : new String[] { "z1", "z2" }) {
				double[] v = lat.column(z);
				bestAccuracy = Math.max(bestAccuracy, thresholdAccuracy(v, m.motif));
				double[] a = Motifs.select(v, m.motif, 0), b = Motifs.select(v, m.motif, 1);
				double pooled = Math.sqrt((sd(a) * sd(a) + sd(b) * sd(b)) / 2);
				bestSeparation = Math.max(bestSeparation, Math.abs(mean(a) - mean(b)) / pooled);
			}
			assertTrue(bestAccuracy >= 0.95, "a threshold on z1 or z2 classifies the motifs with accuracy " + bestAccuracy);
			// Within a motif the content latents barely move although the angle spans 180°.
			assertTrue(bestSeparation >= 3, "motif means differ by only " + bestSeparation + " within-motif sd");
		}
	}

	/** Best accuracy of a one-threshold classifier (either direction) of {@code label} 0/1 by {@code v}. */
	static double thresholdAccuracy(double[] v, int[] label) {
		double best = 0;
		for (double cut : v) {
			int right = 0;
			for (int i = 0; i < v.length; i++)
				right += (v[i] > cut) == (label[i] == 1) ? 1 : 0;
			best = Math.max(best, Math.max(right, v.length - right) / (double) v.length);
		}
		return best;
	}

	static double mean(double[] v) {
		double s = 0;
		for (double x : v)
			s += x;
		return s / v.length;
	}

	static double sd(double[] v) {
		double m = mean(v), s = 0;
		for (double x : v)
			s += (x - m) * (x - m);
		return Math.sqrt(s / (v.length - 1));
	}
}
