package org.stemdiscovery.decompose;

import org.stemdiscovery.image.Grid;

/**
 * A factorisation X ≈ Aᵀ·C of {@code n} samples: {@code k} components (rows of {@code components}, each
 * {@code d} features, e.g. a frequency frame) and their abundances (rows of {@code abundances}, one value per
 * sample, e.g. a map over the window grid).
 *
 * @param method         "svd", "nmf" or "nfindr"
 * @param grid           the samples' window grid, or {@code null} for samples without geometry
 * @param relativeError  ‖X − AᵀC‖F / ‖X‖F
 * @param share          per component: for SVD the share of ‖X‖F² it explains (σᵢ² / ‖X‖F²); for NMF its share of
 *                       the reconstructed intensity (Σ of its part of AᵀC over Σ of AᵀC); for N-FINDR its mean
 *                       abundance (abundances sum to one per sample)
 * @param singularValues SVD only (else {@code null}): the k largest singular values, descending
 * @param endmembers     N-FINDR only (else {@code null}): the sample index of each endmember
 * @param iterations     NMF: outer iterations; N-FINDR: replacement passes; SVD: subspace iterations
 * @param converged      whether the method met its stopping rule before its iteration cap
 */
public record Decomposition(String method, double[][] components, double[][] abundances, Grid grid,
	double relativeError, double[] share, double[] singularValues, int[] endmembers, int iterations,
	boolean converged) {

	public Decomposition {
		if (components.length != abundances.length) throw new IllegalArgumentException(components.length +
			" components but " + abundances.length + " abundance rows");
		if (share.length != components.length) throw new IllegalArgumentException("one share per component");
	}

	public int k() {
		return components.length;
	}

	/** Number of samples. */
	public int n() {
		return abundances[0].length;
	}

	/** Features per component. */
	public int d() {
		return components[0].length;
	}

	/** What {@link #share} measures, for table headers. */
	public String shareName() {
		return switch (method) {
			case "svd" -> "Variance share";
			case "nfindr" -> "Mean abundance";
			default -> "Intensity share";
		};
	}

	/** Components back to back as floats (component t at {@code t · d}), e.g. for a TIFF stack. */
	public float[] componentsAsFloats() {
		return flatten(components);
	}

	/** Abundances back to back as floats (component t's map at {@code t · n}, in grid order). */
	public float[] abundancesAsFloats() {
		return flatten(abundances);
	}

	private static float[] flatten(double[][] rows) {
		int m = rows[0].length;
		float[] out = new float[rows.length * m];
		for (int t = 0; t < rows.length; t++)
			for (int i = 0; i < m; i++)
				out[t * m + i] = (float) rows[t][i];
		return out;
	}

	/** {min, mean, max} of component t's abundances. */
	public double[] abundanceStats(int t) {
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY, sum = 0;
		for (double v : abundances[t]) {
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
			sum += v;
		}
		return new double[] { lo, sum / abundances[t].length, hi };
	}
}
