package org.stemdiscovery.workflow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.stemdiscovery.atoms.AtomModel;
import org.stemdiscovery.atoms.DcnnAtomFinder;
import org.stemdiscovery.atoms.FinderSettings;
import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;
import org.stemdiscovery.vae.RvaeTraining;

class AtomWorkflowTest {

	/** Issue 7: workflow 3 on the synthetic domain-wall image discovers ≥ 80 % of the wall region within 300 points. */
	@Test
	void workflowThreeDiscoversTheDomainWall() {
		System.setProperty("ai.djl.pytorch.num_threads", "1");
		TiffImage img = Tiff.read(Path.of("test-images/wall_256.tif"));
		TiffImage mask = Tiff.read(Path.of("test-images/wall_256_mask.tif"));
		byte[] m = new byte[mask.pixels().length];
		for (int i = 0; i < m.length; i++)
			m[i] = (byte) (mask.pixels()[i] > 0 ? 1 : 0);
		try (AtomModel model = AtomModel.bundled()) {
			RvaeEncoding rvae = new RvaeEncoding(2, 128, RvaeTraining.defaults().withEpochs(Integer.getInteger("wf3Epochs",
				30)).withBatchSize(50).withLearningRate(3e-3));
			MapMaker maker = new AtomRvaeMaps(() -> new DcnnAtomFinder(model, FinderSettings.defaults()), "dcnn", 16, 4, rvae);
			// 3 cells of 4 px: about one lattice spacing, the scale of a wall; the discovery radius follows it.
			BoSettings bo = BoSettings.defaults().withKernel("matern52", 3, false).withBatch(10, 29, 1).withThreads(2);
			WorkflowResult r = new AeWorkflow(maker, 0, bo).run(img.pixels(), img.width(), img.height(), m, Progress.NONE);
			int byBo = r.pointsToTruth(0.8), random = AeWorkflowTest.randomPointsTo(0.8, m, img.width(), img.height(), r);
			assertTrue(byBo > 0 && byBo <= 300, "80 % of the wall after " + byBo + " points");
			assertTrue(byBo < 0.8 * random, "BO needs " + byBo + " points, random sampling " + random);
		}
	}
}
