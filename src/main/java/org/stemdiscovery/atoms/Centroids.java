package org.stemdiscovery.atoms;

import java.util.ArrayList;
import java.util.List;

/**
 * Atoms from per-pixel probabilities: pixels whose atom probability reaches the threshold, grouped into
 * 8-connected regions; each region large enough is one atom at its probability-weighted centre of mass,
 * with the class that holds most of its probability and its peak probability as confidence.
 */
public final class Centroids {

	private Centroids() {}

	/**
	 * @param atom   probability of "any atom column" per pixel
	 * @param bright probability of "bright column" per pixel (part of {@code atom}); null if none
	 */
	public static List<FoundAtom> extract(float[] atom, float[] bright, int w, int h, FinderSettings s) {
		List<FoundAtom> out = new ArrayList<>();
		boolean[] seen = new boolean[w * h];
		int[] queue = new int[w * h];
		for (int start = 0; start < w * h; start++) {
			if (seen[start] || atom[start] < s.threshold()) continue;
			int head = 0, tail = 0;
			queue[tail++] = start;
			seen[start] = true;
			double sw = 0, sx = 0, sy = 0, sb = 0, peak = 0;
			while (head < tail) {
				int i = queue[head++];
				int x = i % w, y = i / w;
				double p = atom[i];
				sw += p;
				sx += p * x;
				sy += p * y;
				if (bright != null) sb += bright[i];
				peak = Math.max(peak, p);
				for (int dy = -1; dy <= 1; dy++)
					for (int dx = -1; dx <= 1; dx++) {
						int nx = x + dx, ny = y + dy;
						if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
						int j = ny * w + nx;
						if (!seen[j] && atom[j] >= s.threshold()) {
							seen[j] = true;
							queue[tail++] = j;
						}
					}
			}
			if (tail < s.minArea()) continue;
			double cx = sx / sw, cy = sy / sw;
			if (cx < s.edge() || cy < s.edge() || cx > w - 1 - s.edge() || cy > h - 1 - s.edge()) continue;
			out.add(new FoundAtom(cx, cy, sb > sw / 2 ? FoundAtom.BRIGHT : FoundAtom.ATOM, Math.min(1, peak)));
		}
		return out;
	}
}
