package org.stemdiscovery.vae;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.stemdiscovery.image.Progress;

class RvaeTranslationTest {

	@Test
	void dxAndDyAreTheContentShiftInPixelsRightAndDown() {
		int size = 12, n = 240;
		SplittableRandom r = new SplittableRandom(3);
		float[] d = new float[n * size * size];
		double[] sx = new double[n], sy = new double[n];
		double c = (size - 1) / 2.0;
		for (int i = 0; i < n; i++) {
			sx[i] = r.nextDouble(-1.5, 1.5);
			sy[i] = r.nextDouble(-1.5, 1.5);
			for (int row = 0; row < size; row++)
				for (int col = 0; col < size; col++) {
					// an asymmetric pair of blobs moved by (sx, sy): x to the right, y down (rows)
					double x = col - c - sx[i], y = row - c - sy[i];
					d[i * size * size + row * size + col] = (float) (Math.exp(-(x * x + y * y) / 3) +
						0.5 * Math.exp(-((x - 3) * (x - 3) + y * y) / 2));
				}
		}
		PatchStack s = new PatchStack(d, size, size, n);
		RvaeArchitecture arch = RvaeArchitecture.defaults(size, size, 1).withRotation(false).withHidden(64, 32);
		RvaeTraining t = RvaeTraining.defaults().withEpochs(25).withBatchSize(40).withLearningRate(3e-3);
		try (Rvae model = Rvae.create(arch, 0)) {
			new RvaeTrainer(t).train(model, s, Progress.NONE, null);
			Latents lat = model.encode(s);
			double cx = correlation(lat.column("dx"), sx), cy = correlation(lat.column("dy"), sy);
			assertTrue(cx > 0.9 && cy > 0.9, "correlation with the true shift: dx " + cx + ", dy " + cy);
		}
	}

	static double correlation(double[] a, double[] b) {
		double ma = RvaeRotationTest.mean(a), mb = RvaeRotationTest.mean(b), sab = 0, saa = 0, sbb = 0;
		for (int i = 0; i < a.length; i++) {
			sab += (a[i] - ma) * (b[i] - mb);
			saa += (a[i] - ma) * (a[i] - ma);
			sbb += (b[i] - mb) * (b[i] - mb);
		}
		return sab / Math.sqrt(saa * sbb);
	}
}
