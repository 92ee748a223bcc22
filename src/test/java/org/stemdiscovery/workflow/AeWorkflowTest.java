package org.stemdiscovery.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.fft.SlidingFftSettings;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;

class AeWorkflowTest {

	/** Issue 7: workflow 1 on the synthetic pillars image finds ≥ 95 % of the pillar mask within 300 points. */
	@Test
	void workflowOneDiscoversThePillarsWithin300Points() {
		TiffImage img = Tiff.read(Path.of("test-images/pillars_512.tif"));
		TiffImage mask = Tiff.read(Path.of("test-images/pillars_512_mask.tif"));
		byte[] m = new byte[mask.pixels().length];
		for (int i = 0; i < m.length; i++)
			m[i] = (byte) (mask.pixels()[i] > 0 ? 1 : 0);
		MapMaker maker = new UnmixedFftMaps(SlidingFftSettings.of(32, 8), "nmf", 2, 0, 500, 2);
		BoSettings bo = BoSettings.defaults().withBatch(10, 29, 1).withThreads(2);
		WorkflowResult r = new AeWorkflow(maker, 0, bo).run(img.pixels(), img.width(), img.height(), m, Progress.NONE);
		assertEquals(61, r.maps().width());
		int points = r.run().last().points();
		assertTrue(points <= 300, points + " points");
		int byBo = r.pointsToTruth(0.95), random = randomPointsTo(0.95, m, img.width(), img.height(), r);
		assertTrue(byBo > 0 && byBo <= 300, "95 % of the pillars after " + byBo + " points");
		assertTrue(byBo < 0.8 * random, "BO needs " + byBo + " points, random sampling " + random);
	}

	/** Points random sampling of the same grid needs to reach {@code share} of the mask (median of 5 seeds). */
	static int randomPointsTo(double share, byte[] mask, int w, int h, WorkflowResult r) {
		int[] need = new int[5];
		for (int s = 0; s < need.length; s++) {
			double[] d = TruthDiscovery.randomSampling(mask, w, h, r.maps().grid(), r.maps().grid().size(), r.truthRadius(), s);
			need[s] = d.length + 1;
			for (int i = 0; i < d.length; i++)
				if (d[i] >= share) {
					need[s] = i + 1;
					break;
				}
		}
		java.util.Arrays.sort(need);
		return need[need.length / 2];
	}

}
