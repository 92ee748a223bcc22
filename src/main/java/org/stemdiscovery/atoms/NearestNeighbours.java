package org.stemdiscovery.atoms;

import java.util.Arrays;
import java.util.List;

/** Nearest-neighbour distances of a point set (grid-bucketed, so thousands of atoms take milliseconds). */
public final class NearestNeighbours {

	private NearestNeighbours() {}

	/** Distance from each point to its nearest other point; infinity for a lone point. */
	public static double[] distances(List<FoundAtom> atoms) {
		int n = atoms.size();
		double[] d = new double[n];
		Arrays.fill(d, Double.POSITIVE_INFINITY);
		if (n < 2) return d;
		double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY, maxX = -minX, maxY = -minY;
		for (FoundAtom a : atoms) {
			minX = Math.min(minX, a.x());
			maxX = Math.max(maxX, a.x());
			minY = Math.min(minY, a.y());
			maxY = Math.max(maxY, a.y());
		}
		double cell = Math.max(1, Math.sqrt((maxX - minX + 1) * (maxY - minY + 1) / n) * 2);
		int cols = (int) ((maxX - minX) / cell) + 1, rows = (int) ((maxY - minY) / cell) + 1;
		int[] count = new int[cols * rows + 1];
		int[] cellOf = new int[n];
		for (int i = 0; i < n; i++) {
			FoundAtom a = atoms.get(i);
			cellOf[i] = (int) ((a.y() - minY) / cell) * cols + (int) ((a.x() - minX) / cell);
			count[cellOf[i] + 1]++;
		}
		for (int c = 0; c < cols * rows; c++)
			count[c + 1] += count[c];
		int[] order = new int[n], fill = count.clone();
		for (int i = 0; i < n; i++)
			order[fill[cellOf[i]]++] = i;
		for (int i = 0; i < n; i++) {
			FoundAtom a = atoms.get(i);
			int cx = (int) ((a.x() - minX) / cell), cy = (int) ((a.y() - minY) / cell);
			for (int ring = 1; ring <= Math.max(cols, rows); ring++) {
				for (int yy = cy - ring; yy <= cy + ring; yy++)
					for (int xx = cx - ring; xx <= cx + ring; xx++) {
						if (xx < 0 || yy < 0 || xx >= cols || yy >= rows) continue;
						if (Math.max(Math.abs(xx - cx), Math.abs(yy - cy)) != ring && ring > 1) continue;
						int c = yy * cols + xx;
						for (int k = count[c]; k < count[c + 1]; k++) {
							int j = order[k];
							if (j == i) continue;
							FoundAtom b = atoms.get(j);
							d[i] = Math.min(d[i], Math.hypot(a.x() - b.x(), a.y() - b.y()));
						}
					}
				// Anything beyond this ring is at least ring·cell away.
				if (d[i] <= ring * cell) break;
			}
		}
		return d;
	}

	/** Median of the finite distances; NaN if none. */
	public static double median(double[] d) {
		double[] f = Arrays.stream(d).filter(Double::isFinite).sorted().toArray();
		if (f.length == 0) return Double.NaN;
		return f.length % 2 == 1 ? f[f.length / 2] : (f[f.length / 2 - 1] + f[f.length / 2]) / 2;
	}
}
