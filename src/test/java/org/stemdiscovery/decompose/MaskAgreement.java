package org.stemdiscovery.decompose;

import org.stemdiscovery.image.Grid;

/** Test helper: how well a thresholded abundance map agrees with a ground-truth mask. */
final class MaskAgreement {

	private MaskAgreement() {}

	/**
	 * IoU of {@code map > Otsu threshold} with {@code mask} over the pixels inside the rectangle of window
	 * centres (outside it the upsampled map only repeats the border windows).
	 */
	static double iou(float[] map, byte[] mask, Grid grid) {
		int w = grid.sourceWidth(), h = grid.sourceHeight();
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				if (GridRaster.insideCentres(grid, x, y)) {
					lo = Math.min(lo, map[y * w + x]);
					hi = Math.max(hi, map[y * w + x]);
				}
		double threshold = otsu(map, grid, lo, hi);
		int inter = 0, union = 0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				if (!GridRaster.insideCentres(grid, x, y)) continue;
				boolean a = map[y * w + x] > threshold, b = mask[y * w + x] != 0;
				if (a && b) inter++;
				if (a || b) union++;
			}
		return union == 0 ? 0 : (double) inter / union;
	}

	/** Otsu's threshold over 256 bins between lo and hi. */
	static double otsu(float[] map, Grid grid, double lo, double hi) {
		int bins = 256, w = grid.sourceWidth(), h = grid.sourceHeight();
		long[] hist = new long[bins];
		long total = 0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				if (GridRaster.insideCentres(grid, x, y)) {
					int b = (int) Math.min(bins - 1, (map[y * w + x] - lo) / (hi - lo) * bins);
					hist[b]++;
					total++;
				}
		double sumAll = 0;
		for (int b = 0; b < bins; b++)
			sumAll += b * (double) hist[b];
		double bestVar = -1, sumB = 0;
		long wB = 0;
		int best = 0;
		for (int b = 0; b < bins; b++) {
			wB += hist[b];
			if (wB == 0) continue;
			long wF = total - wB;
			if (wF == 0) break;
			sumB += b * (double) hist[b];
			double mB = sumB / wB, mF = (sumAll - sumB) / wF;
			double between = (double) wB * wF * (mB - mF) * (mB - mF);
			if (between > bestVar) {
				bestVar = between;
				best = b;
			}
		}
		return lo + (best + 1) * (hi - lo) / bins;
	}

	/** The best IoU over the components (and, for signed maps, their negatives). */
	static double bestIou(Decomposition dec, byte[] mask) {
		double best = 0;
		for (int t = 0; t < dec.k(); t++) {
			best = Math.max(best, iou(GridRaster.toPixels(dec.abundances()[t], dec.grid()), mask, dec.grid()));
			if (dec.method().equals("svd")) {
				double[] neg = dec.abundances()[t].clone();
				for (int i = 0; i < neg.length; i++)
					neg[i] = -neg[i];
				best = Math.max(best, iou(GridRaster.toPixels(neg, dec.grid()), mask, dec.grid()));
			}
		}
		return best;
	}
}
