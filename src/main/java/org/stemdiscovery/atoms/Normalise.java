package org.stemdiscovery.atoms;

/** Input scaling shared by training and inference: zero mean, unit standard deviation over the whole image. */
public final class Normalise {

	private Normalise() {}

	/** A standardised copy; a flat image becomes all zeros. */
	public static float[] standardise(float[] in) {
		double sum = 0, sq = 0;
		for (float v : in)
			sum += v;
		double mean = sum / in.length;
		for (float v : in)
			sq += (v - mean) * (v - mean);
		double sd = Math.sqrt(sq / in.length);
		float[] out = new float[in.length];
		if (!(sd > 0)) return out;
		for (int i = 0; i < in.length; i++)
			out[i] = (float) ((in[i] - mean) / sd);
		return out;
	}
}
