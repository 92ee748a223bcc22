package org.stemdiscovery.atoms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class MatchingTest {

	@Test
	void matchesOneToOneShortestFirstWithinTheRadius() {
		List<double[]> ref = List.of(new double[] { 10, 10 }, new double[] { 20, 10 }, new double[] { 30, 10 });
		// Two found atoms compete for the first reference; the closer wins, the other is a false positive.
		List<FoundAtom> found = List.of(new FoundAtom(10.5, 10, 0, 1), new FoundAtom(10.2, 10, 0, 1), new FoundAtom(20, 11,
			0, 1), new FoundAtom(50, 50, 0, 1));
		Matching m = Matching.of(found, ref, 2.5);
		assertEquals(2, m.truePositives());
		assertEquals(2, m.falsePositives());
		assertEquals(1, m.falseNegatives());
		assertEquals((0.2 + 1.0) / 2, m.meanError(), 1e-12);
		assertEquals(0.5, m.precision(), 1e-12);
		assertEquals(2 / 3.0, m.recall(), 1e-12);
		assertEquals(2 * 0.5 * (2 / 3.0) / (0.5 + 2 / 3.0), m.f1(), 1e-12);
	}

	@Test
	void radiusIsAQuarterOfTheMedianNearestNeighbourDistance() {
		List<double[]> ref = List.of(new double[] { 0, 0 }, new double[] { 8, 0 }, new double[] { 16, 0 },
			new double[] { 16, 12 });
		// Nearest neighbours: 8, 8, 8, 12 -> median 8.
		assertEquals(2.0, Matching.radiusFor(ref), 1e-12);
	}

	@Test
	void nearestNeighboursAgreeWithBruteForce() {
		java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
		List<FoundAtom> pts = new java.util.ArrayList<>();
		for (int i = 0; i < 400; i++)
			pts.add(new FoundAtom(rnd.nextDouble(300), rnd.nextDouble(120), 0, 1));
		double[] d = NearestNeighbours.distances(pts);
		for (int i = 0; i < pts.size(); i++) {
			double best = Double.POSITIVE_INFINITY;
			for (int j = 0; j < pts.size(); j++)
				if (j != i) best = Math.min(best, Math.hypot(pts.get(i).x() - pts.get(j).x(), pts.get(i).y() - pts.get(j).y()));
			assertEquals(best, d[i], 1e-12);
		}
	}
}
