package org.stemdiscovery.decompose;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.stemdiscovery.fft.SlidingFft;
import org.stemdiscovery.fft.SlidingFftSettings;
import org.stemdiscovery.image.Images;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;
import org.stemdiscovery.sim.PillarScene;
import org.stemdiscovery.sim.SyntheticImage;

/**
 * On the pillars image's FFT stack (window 32, step 8) one component's abundance map, upsampled from the window
 * centres to image pixels ({@link GridRaster}) and thresholded by Otsu, marks the pillars: IoU ≥ 0.8 with the
 * ground-truth mask, compared in pixels inside the rectangle of window centres.
 */
class PillarSeparationTest {

	@Test
	void abundanceMapsSeparatePillarsOnTheReferenceImage() {
		Samples x = ReferenceStacks.stack("pillars_256");
		byte[] mask = mask(Tiff.read(Path.of("../shared/reference/synthetic/pillars_256_mask.tif")));
		for (String method : new String[] { "nmf", "nfindr", "svd" }) {
			double iou = MaskAgreement.bestIou(Unmixer.of(method, 3, 0, 500, 2).unmix(x, Progress.NONE), mask);
			assertTrue(iou >= 0.8, method + ": IoU " + iou);
		}
	}

	/** Two phases, two components: with k = 2 every method finds the pillar phase (k = 3 splits it for NMF). */
	@Test
	void everyMethodSeparatesPillarsOfOurOwnSimulation() {
		SyntheticImage img = PillarScene.defaults().generate(256, 256, 11);
		SlidingFftSettings settings = SlidingFftSettings.of(32, 8);
		Samples x = Samples.of(new SlidingFft(settings, 2).compute(Images.wrap(img.noisy(), 256, 256), Progress.NONE));
		for (String method : new String[] { "nmf", "nfindr", "svd" }) {
			double iou = MaskAgreement.bestIou(Unmixer.of(method, 2, 0, 500, 2).unmix(x, Progress.NONE), img.mask());
			assertTrue(iou >= 0.8, method + ": IoU " + iou);
		}
	}

	static byte[] mask(TiffImage t) {
		byte[] m = new byte[t.pixels().length];
		for (int i = 0; i < m.length; i++)
			m[i] = (byte) (t.pixels()[i] > 0 ? 1 : 0);
		return m;
	}
}
