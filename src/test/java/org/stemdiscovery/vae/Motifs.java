package org.stemdiscovery.vae;

import java.util.SplittableRandom;

/**
 * Test patches drawn analytically (no interpolation): two motifs of Gaussian blobs, neither a rotation of the
 * other and neither with a rotational symmetry, rotated by known angles about the patch centre.
 */
final class Motifs {

	/** Blob centres (x right, y up, px from the centre), amplitudes and widths of motif 0 and motif 1. */
	private static final double[][][] BLOBS = {
		{ { 0, 0, 1.0, 1.6 }, { 5, 0, 0.8, 1.2 }, { 0, 3.5, 0.5, 1.0 } },
		{ { -4, -1.5, 1.0, 1.3 }, { 4, -1.5, 0.6, 1.3 }, { 0, 4, 0.9, 1.8 } } };

	final PatchStack stack;
	final int[] motif;
	final double[] angle;

	private Motifs(PatchStack stack, int[] motif, double[] angle) {
		this.stack = stack;
		this.motif = motif;
		this.angle = angle;
	}

	/** {@code n} patches of {@code size} px, motif alternating, angles uniform in [lo, hi), light noise. */
	static Motifs make(int n, int size, double lo, double hi, long seed) {
		SplittableRandom rnd = new SplittableRandom(seed);
		float[] data = new float[n * size * size];
		int[] motif = new int[n];
		double[] angle = new double[n];
		double c0 = (size - 1) / 2.0;
		for (int i = 0; i < n; i++) {
			motif[i] = i % 2;
			angle[i] = lo + (hi - lo) * rnd.nextDouble();
			double c = Math.cos(angle[i]), s = Math.sin(angle[i]);
			for (int r = 0; r < size; r++)
				for (int col = 0; col < size; col++) {
					double x = col - c0, y = c0 - r, v = 0;
					for (double[] b : BLOBS[motif[i]]) {
						double bx = b[0] * c - b[1] * s, by = b[0] * s + b[1] * c;
						double d2 = (x - bx) * (x - bx) + (y - by) * (y - by);
						v += b[2] * Math.exp(-d2 / (2 * b[3] * b[3]));
					}
					data[i * size * size + r * size + col] = (float) (v + 0.02 * rnd.nextGaussian());
				}
		}
		return new Motifs(new PatchStack(data, size, size, n), motif, angle);
	}

	/** Jammalamadaka–SenGupta circular correlation of two angle samples (invariant to offsets of either). */
	static double circularCorrelation(double[] a, double[] b) {
		double ma = circularMean(a), mb = circularMean(b), num = 0, da = 0, db = 0;
		for (int i = 0; i < a.length; i++) {
			double sa = Math.sin(a[i] - ma), sb = Math.sin(b[i] - mb);
			num += sa * sb;
			da += sa * sa;
			db += sb * sb;
		}
		return num / Math.sqrt(da * db);
	}

	static double circularMean(double[] a) {
		double s = 0, c = 0;
		for (double v : a) {
			s += Math.sin(v);
			c += Math.cos(v);
		}
		return Math.atan2(s, c);
	}

	static double[] select(double[] v, int[] label, int which) {
		return java.util.stream.IntStream.range(0, v.length).filter(i -> label[i] == which).mapToDouble(i -> v[i]).toArray();
	}
}
