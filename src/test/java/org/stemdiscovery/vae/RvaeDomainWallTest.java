package org.stemdiscovery.vae;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.sim.Atom;
import org.stemdiscovery.sim.DomainWallScene;
import org.stemdiscovery.sim.SyntheticImage;

class RvaeDomainWallTest {

	@Test
	void oneLatentMapSeparatesThePolarisationDomains() {
		SyntheticImage img = DomainWallScene.defaults().generate(256, 256, 0);
		// B columns carry the polarisation: class 1 = displaced up (left of the wall), 2 = down.
		List<Atom> b = img.atoms().stream().filter(a -> a.cls() == 1 || a.cls() == 2).toList();
		double[] x = b.stream().mapToDouble(Atom::x).toArray(), y = b.stream().mapToDouble(Atom::y).toArray();
		AtomPatches cut = AtomPatches.cut(img.noisy(), img.width(), img.height(), x, y, 16);
		int[] side = new int[cut.patches().count()];
		for (int k = 0; k < side.length; k++)
			side[k] = b.get(cut.atomIndex()[k]).cls() == 1 ? 0 : 1;
		RvaeArchitecture arch = RvaeArchitecture.defaults(16, 16, 2).withHidden(128, 64);
		RvaeTraining t = RvaeTraining.defaults().withEpochs(Integer.getInteger("wallEpochs", 30)).withBatchSize(50)
			.withLearningRate(3e-3).withSeed(0);
		try (Rvae model = Rvae.create(arch, 0)) {
			new RvaeTrainer(t).train(model, cut.patches(), Progress.NONE, null);
			Latents lat = model.encode(cut.patches());
			float[] maps = LatentMaps.aroundAtoms(lat, cut.x(), cut.y(), img.width(), img.height());
			int n = img.width() * img.height();
			double best = 0;
			String bestName = "";
			for (int j = 0; j < lat.names().size(); j++) {
				// read each atom's value back from the rasterised map, at its own pixel
				double[] v = new double[side.length];
				for (int k = 0; k < side.length; k++) {
					int px = (int) Math.round(cut.x()[k]), py = (int) Math.round(cut.y()[k]);
					v[k] = maps[j * n + py * img.width() + px];
				}
				double acc = RvaeRotationTest.thresholdAccuracy(v, side);
				
				if (acc > best) {
					best = acc;
					bestName = lat.names().get(j);
				}
			}
			assertTrue(best >= 0.90, "best latent map " + bestName + " agrees with the side of the wall for " + best);
		}
	}
}
