package org.stemdiscovery.experiment;

import org.stemdiscovery.image.Grid;

/**
 * Which pixels of the field the issued patches cover, and which candidate patches would still bring enough new
 * pixels to be worth measuring. A feature counts once it lies in a patch, so a patch that mostly re-scans
 * covered pixels spends dose for little: a candidate is closed once more than {@link #MAX_COVERED} of its pixels
 * are covered. Judging by covered pixels, not by the nearest patch, keeps the gaps between patches open: a
 * candidate that overlaps two patches by a quarter each but fills the strip between them stays on offer.
 */
final class Coverage {

	/** Share of a candidate's pixels that may be covered already. */
	static final double MAX_COVERED = 0.75;

	private final Grid candidates;
	private final int width, height;
	private final boolean[] covered;
	private final boolean[] closed;
	/** Summed-area table of {@code covered}, (width + 1) × (height + 1): a candidate's covered count in O(1). */
	private final int[] sums;

	Coverage(Grid candidates) {
		this.candidates = candidates;
		this.width = candidates.sourceWidth();
		this.height = candidates.sourceHeight();
		this.covered = new boolean[width * height];
		this.closed = new boolean[candidates.size()];
		this.sums = new int[(width + 1) * (height + 1)];
	}

	/** Marks candidate {@code c}'s patch covered and closes every candidate now covered too much. */
	void add(int c) {
		int s = candidates.window(), left = candidates.left(candidates.col(c)), top = candidates.top(candidates.row(c));
		for (int y = top; y < top + s; y++)
			for (int x = left; x < left + s; x++)
				covered[y * width + x] = true;
		closed[c] = true;
		// Rows above the patch keep their sums; recompute the rest (one pass over part of the field).
		int w1 = width + 1;
		for (int y = top; y < height; y++) {
			int row = 0;
			for (int x = 0; x < width; x++) {
				row += covered[y * width + x] ? 1 : 0;
				sums[(y + 1) * w1 + x + 1] = sums[y * w1 + x + 1] + row;
			}
		}
		// Only candidates whose patch meets this one can change.
		int step = candidates.step();
		int col0 = Math.max(0, (left - s) / step), col1 = Math.min(candidates.cols() - 1, (left + s) / step + 1);
		int row0 = Math.max(0, (top - s) / step), row1 = Math.min(candidates.rows() - 1, (top + s) / step + 1);
		for (int row = row0; row <= row1; row++)
			for (int col = col0; col <= col1; col++) {
				int d = candidates.index(row, col);
				if (!closed[d] && coveredShare(d) > MAX_COVERED) closed[d] = true;
			}
	}

	private double coveredShare(int d) {
		int s = candidates.window(), left = candidates.left(candidates.col(d)), top = candidates.top(candidates.row(d));
		int w1 = width + 1;
		int n = sums[(top + s) * w1 + left + s] - sums[top * w1 + left + s] - sums[(top + s) * w1 + left] + sums[top * w1 +
			left];
		return n / (double) (s * s);
	}

	/** A copy of the closed flags (a selector marks its picks in it). */
	boolean[] closed() {
		return closed.clone();
	}

	boolean isClosed(int c) {
		return closed[c];
	}

	int open() {
		int n = 0;
		for (boolean b : closed)
			if (!b) n++;
		return n;
	}
}
