package org.stemdiscovery.bo;

/** Max-heap of candidate indices keyed by a score array that the caller may lower for the top entry. */
final class ScoreHeap {

	private final double[] score;
	private final int[] heap;
	private int size;

	/** Heap of every candidate not excluded (measured ones are). */
	ScoreHeap(double[] score, boolean[] exclude) {
		this.score = score;
		this.heap = new int[score.length];
		for (int c = 0; c < score.length; c++)
			if (!exclude[c]) heap[size++] = c;
		for (int i = size / 2 - 1; i >= 0; i--)
			siftDown(i);
	}

	boolean isEmpty() {
		return size == 0;
	}

	int top() {
		return heap[0];
	}

	int pop() {
		int t = heap[0];
		heap[0] = heap[--size];
		siftDown(0);
		return t;
	}

	/** Restores order after the top's score was lowered. */
	void topChanged() {
		siftDown(0);
	}

	/** Higher score first; ties: lower index first (as a scan in index order). */
	private boolean before(int a, int b) {
		double sa = score[a], sb = score[b];
		return sa > sb || (sa == sb && a < b) || (Double.isNaN(sb) && !Double.isNaN(sa));
	}

	private void siftDown(int i) {
		int c = heap[i];
		while (true) {
			int l = 2 * i + 1;
			if (l >= size) break;
			int r = l + 1, best = r < size && before(heap[r], heap[l]) ? r : l;
			if (!before(heap[best], c)) break;
			heap[i] = heap[best];
			i = best;
		}
		heap[i] = c;
	}
}
