package org.stemdiscovery.bo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.stemdiscovery.io.Json;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;

class MetricsTest {

	private static final Path REF = Path.of("../shared/reference");

	/** Paths in the JSON are the peers' output folder: data/X is synthetic/X here, bo/X is ssim/X. */
	private static Path resolve(String p) {
		if (p.startsWith("data/")) return REF.resolve("synthetic").resolve(p.substring(5));
		if (p.startsWith("bo/")) return REF.resolve("ssim").resolve(p.substring(3));
		return REF.resolve(p);
	}

	@Test
	void ssimMatchesScikitImageOnTheGoldenPairs() throws IOException {
		Path json = REF.resolve("ssim/ssim_pairs.json");
		Assumptions.assumeTrue(Files.isRegularFile(json), "no golden SSIM pairs");
		List<?> results = (List<?>) Json.parseObject(Files.readString(json)).get("results");
		int checked = 0;
		for (Object o : results) {
			Map<?, ?> r = (Map<?, ?>) o;
			Path a = resolve((String) r.get("a")), b = resolve((String) r.get("b"));
			if (!Files.isRegularFile(a) || !Files.isRegularFile(b)) continue;
			TiffImage ia = Tiff.read(a), ib = Tiff.read(b);
			double expected = ((Number) ((Map<?, ?>) r.get("gaussian")).get("ssim")).doubleValue();
			double range = ((Number) r.get("data_range")).doubleValue();
			assertEquals(expected, Ssim.of(ia.pixels(), ib.pixels(), ia.width(), ia.height(), range), 1e-4, r.get("b") + "");
			// the default data range is the reference's range
			assertEquals(expected, Ssim.of(ia.pixels(), ib.pixels(), ia.width(), ia.height()), 1e-4);
			checked++;
		}
		// the 512² clean images are not in the reference folder; every 256² pair and the BO maps are
		assertTrue(checked >= 14, "checked " + checked + " pairs");
	}

	@Test
	void identicalImagesHaveSsimOne() {
		float[] a = new float[32 * 32];
		for (int i = 0; i < a.length; i++)
			a[i] = (float) Math.sin(i * 0.37);
		assertEquals(1, Ssim.of(a, a, 32, 32), 1e-12);
	}

	@Test
	void otsuMatchesScikitImage() {
		Object[][] cases = { { "pillars_256_target.tif", 0.1776861995458603 }, { "wall_256_target.tif", 0.31429898738861084 },
			{ "graphene_256_target.tif", 0.16374599933624268 } };
		for (Object[] c : cases) {
			Path p = REF.resolve("synthetic").resolve((String) c[0]);
			Assumptions.assumeTrue(Files.isRegularFile(p));
			float[] t = Tiff.read(p).pixels();
			assertEquals((Double) c[1], Otsu.threshold(t), 1e-6 * (Double) c[1], (String) c[0]);
		}
	}

	@Test
	void discoveryCountsFeaturePixelsWithinTheRadius() {
		// 10 × 10 image, feature = column 5 (10 pixels); one point at (2, 5), radius 3: only (5, 5) is within 3 px.
		boolean[] f = new boolean[100];
		for (int y = 0; y < 10; y++)
			f[y * 10 + 5] = true;
		Discovery d = new Discovery(f, 10, 10, 3);
		d.add(2, 5);
		assertEquals(0.1, d.share(), 1e-15);
		// (4, 5) adds rows 3..7 of the column (distance √(1 + 4) ≤ 3 for |dy| ≤ 2, and |dy| = 2√2 … no: dy ≤ 2)
		d.add(4, 5);
		assertEquals(0.5, d.share(), 1e-15); // rows 3, 4, 5, 6, 7: 1 + dy² ≤ 9 ⇔ |dy| ≤ 2
		d.add(4, 5); // measuring the same place again adds nothing
		assertEquals(0.5, d.share(), 1e-15);
		d.add(5, 0);
		assertEquals(0.8, d.share(), 1e-15); // rows 0..3 (|dy| ≤ 3), row 3 already found
	}

	@Test
	void featureIsStrictlyAboveTheThreshold() {
		boolean[] f = Discovery.feature(new float[] { 0, 1, 2, 3 }, 1);
		assertEquals(List.of(false, false, true, true), List.of(f[0], f[1], f[2], f[3]));
	}
}
