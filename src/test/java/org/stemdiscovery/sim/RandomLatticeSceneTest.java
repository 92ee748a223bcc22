package org.stemdiscovery.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.stemdiscovery.image.InputException;

class RandomLatticeSceneTest {

	@Test
	void sameSeedSameImageOtherSeedOtherImage() {
		RandomLatticeScene scene = RandomLatticeScene.training();
		SyntheticImage a = scene.generate(96, 80, 12), b = scene.generate(96, 80, 12), c = scene.generate(96, 80, 13);
		assertArrayEquals(a.noisy(), b.noisy());
		assertEquals(a.atoms(), b.atoms());
		assertTrue(!java.util.Arrays.equals(a.noisy(), c.noisy()));
	}

	@Test
	void drawsEveryLatticeKindWithinTheSpacingRange() {
		RandomLatticeScene scene = new RandomLatticeScene(7, 11, 50, 50, 0);
		Set<Object> kinds = new HashSet<>();
		for (int seed = 0; seed < 40; seed++) {
			SyntheticImage s = scene.generate(64, 64, seed);
			kinds.add(s.parameters().get("kind"));
			double nn = ((Number) s.parameters().get("nearestNeighbour")).doubleValue();
			assertTrue(nn >= 7 && nn <= 11, "nn " + nn);
			// The closest pair of columns is no closer than the drawn spacing shrunk by drift and jitter.
			double min = Double.POSITIVE_INFINITY;
			var atoms = s.atoms();
			for (int i = 0; i < atoms.size(); i++)
				for (int j = i + 1; j < atoms.size(); j++)
					min = Math.min(min, Math.hypot(atoms.get(i).x() - atoms.get(j).x(), atoms.get(i).y() - atoms.get(j).y()));
			assertTrue(min > 0.85 * nn, "closest pair " + min + " for spacing " + nn);
		}
		assertEquals(4, kinds.size(), kinds.toString());
	}

	@Test
	void dopantsAreBrighterThanEveryLatticeColumn() {
		RandomLatticeScene scene = RandomLatticeScene.training();
		int seen = 0;
		for (int seed = 0; seed < 30; seed++) {
			SyntheticImage s = scene.generate(96, 96, seed);
			double maxLattice = s.atoms().stream().filter(a -> a.cls() == 0).mapToDouble(Atom::intensity).max().orElse(0);
			for (Atom a : s.atoms())
				if (a.cls() == 1) {
					seen++;
					assertTrue(a.intensity() > maxLattice * 1.3, a + " vs lattice max " + maxLattice);
				}
		}
		assertTrue(seen > 0);
	}

	@Test
	void refusesEmptyRanges() {
		assertThrows(InputException.class, () -> new RandomLatticeScene(10, 5, 1, 2, 0));
		assertThrows(InputException.class, () -> new RandomLatticeScene(6, 25, 0, 2, 0));
	}
}
