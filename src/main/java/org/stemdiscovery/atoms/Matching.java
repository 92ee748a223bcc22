package org.stemdiscovery.atoms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One-to-one matching of found atoms to reference atoms: pairs closer than {@code radius} are taken
 * shortest first, each atom at most once. Precision, recall, F1 and the mean distance of the matched pairs.
 */
public record Matching(int truePositives, int falsePositives, int falseNegatives, double meanError,
	List<int[]> pairs) {

	/** Reference atoms as (x, y) pairs. */
	public static Matching of(List<FoundAtom> found, List<double[]> reference, double radius) {
		List<double[]> cand = new ArrayList<>(); // i, j, d
		double r2 = radius * radius;
		for (int i = 0; i < found.size(); i++) {
			FoundAtom a = found.get(i);
			for (int j = 0; j < reference.size(); j++) {
				double dx = a.x() - reference.get(j)[0], dy = a.y() - reference.get(j)[1];
				double d2 = dx * dx + dy * dy;
				if (d2 <= r2) cand.add(new double[] { i, j, Math.sqrt(d2) });
			}
		}
		cand.sort(Comparator.comparingDouble(c -> c[2]));
		boolean[] usedF = new boolean[found.size()], usedR = new boolean[reference.size()];
		List<int[]> pairs = new ArrayList<>();
		double err = 0;
		for (double[] c : cand) {
			int i = (int) c[0], j = (int) c[1];
			if (usedF[i] || usedR[j]) continue;
			usedF[i] = usedR[j] = true;
			pairs.add(new int[] { i, j });
			err += c[2];
		}
		int tp = pairs.size();
		return new Matching(tp, found.size() - tp, reference.size() - tp, tp > 0 ? err / tp : Double.NaN, List.copyOf(
			pairs));
	}

	/** The matching radius of the benchmark: 0.25 × the median nearest-neighbour distance of the reference. */
	public static double radiusFor(List<double[]> reference) {
		List<FoundAtom> pts = new ArrayList<>();
		for (double[] r : reference)
			pts.add(new FoundAtom(r[0], r[1], 0, 1));
		return 0.25 * NearestNeighbours.median(NearestNeighbours.distances(pts));
	}

	public double precision() {
		int n = truePositives + falsePositives;
		return n == 0 ? 0 : (double) truePositives / n;
	}

	public double recall() {
		int n = truePositives + falseNegatives;
		return n == 0 ? 0 : (double) truePositives / n;
	}

	public double f1() {
		double p = precision(), r = recall();
		return p + r == 0 ? 0 : 2 * p * r / (p + r);
	}

	@Override
	public String toString() {
		return String.format("P %.3f R %.3f F1 %.3f err %.3f px (tp %d fp %d fn %d)", precision(), recall(), f1(), meanError,
			truePositives, falsePositives, falseNegatives);
	}
}
