package org.stemdiscovery.bo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;

class PillarsDiscoveryTest {

	private static final Path TARGET = Path.of("../shared/reference/synthetic/pillars_256_target.tif");
	private static final Path MASK = Path.of("../shared/reference/synthetic/pillars_256_mask.tif");

	@Test
	void expectedImprovementWithMaternFindsPillarsFasterThanRandomSampling() {
		Assumptions.assumeTrue(Files.isRegularFile(TARGET) && Files.isRegularFile(MASK), "no synthetic pillars target");
		TiffImage t = Tiff.read(TARGET), mask = Tiff.read(MASK);
		int w = t.width(), h = t.height();
		boolean[] feature = new boolean[w * h];
		for (int i = 0; i < feature.length; i++)
			feature[i] = mask.pixels()[i] > 0;
		BoSettings s = BoSettings.defaults().withKernel("matern52", 8, false).withBatch(10, 29, 3).withThreads(2);
		long t0 = System.nanoTime();
		Run run = new Experiment(s).run(new SimulatedMicroscope(t.pixels(), w, h, 0, 0, TimeModel.defaults()), t.pixels(),
			false, Progress.NONE, null);
		double seconds = (System.nanoTime() - t0) * 1e-9;
		assertTrue(run.last().points() <= 301);
		// 3 × 3 seeds + 29 batches of 10 = 299 points. Discovery of the ground-truth pillar mask, radius = length scale, from the points the run measured.
		Discovery bo = new Discovery(feature, w, h, s.lengthScale());
		for (StepRecord r : run.steps())
			for (int i = 0; i < r.x().length; i++)
				bo.add(r.x()[i], r.y()[i]);
		Discovery random = new Discovery(feature, w, h, s.lengthScale());
		Random rnd = new Random(1);
		for (int i = 0; i < run.last().points(); i++)
			random.add(rnd.nextInt(w), rnd.nextInt(h));
		System.out.printf("pillars: BO %.3f (own Otsu feature %.3f) vs random %.3f, %d points, SSIM %.4f, %.1f s%n",
			bo.share(), run.last().discovered(), random.share(), run.last().points(), run.last().ssim(), seconds);
		assertTrue(bo.share() >= 0.9, "EI + Matern 5/2 found only " + bo.share() + " of the pillars");
		assertTrue(bo.share() > random.share() + 0.1, "BO " + bo.share() + " vs random " + random.share());
	}
}
