package org.stemdiscovery.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stemdiscovery.image.InputException;

class SceneTest {

	static Stream<Scene> scenes() {
		return Stream.of(PillarScene.defaults(), DomainWallScene.defaults(), GrapheneScene.defaults());
	}

	@ParameterizedTest
	@MethodSource("scenes")
	void sameSeedGivesTheSameImageAndAnotherSeedDoesNot(Scene scene) {
		SyntheticImage a = scene.generate(128, 128, 42), b = scene.generate(128, 128, 42), c = scene.generate(128, 128, 43);
		assertArrayEquals(a.noisy(), b.noisy());
		assertArrayEquals(a.mask(), b.mask());
		assertEquals(a.atoms(), b.atoms());
		assertFalse(Arrays.equals(a.noisy(), c.noisy()));
	}

	static Stream<Scene> scenesWithoutLineJitter() {
		Imaging steady = Imaging.typical().withLineJitter(0);
		return Stream.of(PillarScene.defaults().withImaging(steady), DomainWallScene.defaults().withImaging(steady),
			GrapheneScene.defaults().withImaging(steady));
	}

	/**
	 * Ground truth lands on the image: the intensity centroid of the clean image around each atom (away
	 * from the border) is within 0.3 px of its coordinates. Per-line jitter, which the coordinates
	 * deliberately leave out as noise, is switched off here.
	 */
	@ParameterizedTest
	@MethodSource("scenesWithoutLineJitter")
	void coordinatesLandOnIntensityMaxima(Scene scene) {
		SyntheticImage img = scene.generate(192, 192, 5);
		int w = img.width(), checked = 0;
		float[] c = img.clean();
		for (Atom a : img.atomsInside()) {
			if (a.x() < 8 || a.y() < 8 || a.x() > w - 9 || a.y() > img.height() - 9) continue;
			int cx = (int) Math.round(a.x()), cy = (int) Math.round(a.y()), r = 2;
			// the brightest pixel near the atom is its own (rounded) pixel or a neighbour
			float centre = c[cy * w + cx];
			double sx = 0, sy = 0, s = 0;
			for (int y = cy - r; y <= cy + r; y++)
				for (int x = cx - r; x <= cx + r; x++) {
					double v = Math.max(0, c[y * w + x] - 0.5 * centre); // top half of the peak only
					sx += v * x;
					sy += v * y;
					s += v;
				}
			assertTrue(Math.hypot(sx / s - a.x(), sy / s - a.y()) <= 0.3, scene.name() + ": atom at " + a +
				" but centroid at " + sx / s + "," + sy / s);
			checked++;
		}
		assertTrue(checked > 100, "only " + checked + " atoms checked");
	}

	@Test
	void pillarsAreBrightDenseDiscsMarkedByTheMask() {
		SyntheticImage img = PillarScene.defaults().generate(256, 256, 0);
		double fraction = img.maskFraction();
		// three discs of radius 0.11 N cover 3π·0.11² ≈ 11% of the image
		assertEquals(3 * Math.PI * 0.11 * 0.11, fraction, 0.01);
		for (Atom a : img.atomsInside()) {
			int x = (int) Math.round(a.x()), y = (int) Math.round(a.y());
			if (x < 0 || y < 0 || x >= 256 || y >= 256) continue;
			if (a.cls() == 2) assertEquals(1, img.mask()[y * 256 + x], "pillar atom outside the mask at " + a);
		}
	}

	@Test
	void wallSplitsTheBSublatticeUpAndDownOnEitherSide() {
		SyntheticImage img = DomainWallScene.defaults().generate(256, 256, 0);
		List<Atom> left = img.atomsInside().stream().filter(a -> a.cls() != 0 && a.x() < 80).toList();
		List<Atom> right = img.atomsInside().stream().filter(a -> a.cls() != 0 && a.x() > 176).toList();
		assertTrue(left.stream().allMatch(a -> a.cls() == 1), "B atoms far left of the wall point up");
		assertTrue(right.stream().allMatch(a -> a.cls() == 2), "B atoms far right of the wall point down");
		assertTrue(img.target()[128 * 256 + 128] > 0.9f, "the target peaks on the wall");
		assertTrue(img.target()[128 * 256 + 5] < 0.1f, "and vanishes far from it");
	}

	@Test
	void grapheneHasDopantsVacanciesAndAStoneWalesDefect() {
		SyntheticImage img = GrapheneScene.defaults().generate(256, 256, 0);
		assertEquals(1, img.atoms().stream().filter(a -> a.cls() == 1).count());
		List<?> defects = (List<?>) img.parameters().get("defects");
		assertEquals(3 + 1 + 1, defects.size());
		// honeycomb nearest-neighbour distance is the bond length
		Atom a = img.atomsInside().get(img.atomsInside().size() / 2);
		double nn = img.atoms().stream().filter(b -> b != a).mapToDouble(b -> Math.hypot(b.x() - a.x(), b.y() - a.y()))
			.min().orElseThrow();
		assertEquals(7.0, nn, 0.5);
	}

	@Test
	void tinyImagesAreRefused() {
		assertTrue(assertThrows(InputException.class, () -> PillarScene.defaults().generate(32, 32, 0)).getMessage()
			.contains("at least 64 x 64"));
	}
}
