package org.stemdiscovery.experiment;

/**
 * A full-field scan (the survey): {@code width × height} detector values over the whole field of view, taken at
 * every {@code binning}-th pixel of the field in x and y (1 = every pixel; 4 = a pixel size four times coarser,
 * one probe position per 4 × 4 block, at the block's {@link #position}).
 *
 * @param pixelSizeNm  the field's pixel size in nm (not the coarser scan's), NaN when the instrument does not say
 * @param dosePerPixel electrons delivered at each scanned position
 * @param seconds      instrument clock when the frame was finished, in seconds since the session began
 */
public record Frame(float[] pixels, int width, int height, double pixelSizeNm, double dosePerPixel, double seconds,
	int binning) {

	public Frame {
		if (width < 1 || height < 1 || pixels.length != width * height)
			throw new IllegalArgumentException("a " + width + " × " + height + " frame needs " + width * height +
				" values, not " + pixels.length);
		if (binning < 1) throw new IllegalArgumentException("binning " + binning + " must be at least 1");
	}

	/** A frame of every pixel. */
	public Frame(float[] pixels, int width, int height, double pixelSizeNm, double dosePerPixel, double seconds) {
		this(pixels, width, height, pixelSizeNm, dosePerPixel, seconds, 1);
	}

	/** Scan size of a field of {@code fieldSide} px at {@code binning}: one position per started block. */
	public static int scanSide(int fieldSide, int binning) {
		return (fieldSide + binning - 1) / binning;
	}

	/** Field pixel of scan index {@code i} along a side of {@code fieldSide} px: the block's centre pixel. */
	public static int position(int i, int binning, int fieldSide) {
		return Math.min(fieldSide - 1, i * binning + (binning - 1) / 2);
	}

	/**
	 * The frame on the field's pixel grid ({@code fieldWidth × fieldHeight}): itself at binning 1, else bilinear
	 * between the scanned positions (constant beyond the outermost ones), so a model fitted on it reads windows of
	 * the same size in field pixels as the patches it will encode.
	 */
	public float[] onField(int fieldWidth, int fieldHeight) {
		if (binning == 1) return pixels.clone();
		int[] x0 = new int[fieldWidth];
		double[] fx = new double[fieldWidth];
		interpolation(fieldWidth, width, x0, fx);
		int[] y0 = new int[fieldHeight];
		double[] fy = new double[fieldHeight];
		interpolation(fieldHeight, height, y0, fy);
		float[] out = new float[fieldWidth * fieldHeight];
		for (int y = 0; y < fieldHeight; y++) {
			int r0 = y0[y] * width, r1 = Math.min(y0[y] + 1, height - 1) * width;
			for (int x = 0; x < fieldWidth; x++) {
				int c0 = x0[x], c1 = Math.min(c0 + 1, width - 1);
				double top = pixels[r0 + c0] * (1 - fx[x]) + pixels[r0 + c1] * fx[x];
				double bottom = pixels[r1 + c0] * (1 - fx[x]) + pixels[r1 + c1] * fx[x];
				out[y * fieldWidth + x] = (float) (top * (1 - fy[y]) + bottom * fy[y]);
			}
		}
		return out;
	}

	/** For each field pixel: the scan index at or before it and the weight of the next one. */
	private void interpolation(int fieldSide, int scanSide, int[] index, double[] weight) {
		for (int p = 0; p < fieldSide; p++) {
			int i = 0;
			while (i + 1 < scanSide && position(i + 1, binning, fieldSide) <= p)
				i++;
			int a = position(i, binning, fieldSide), b = i + 1 < scanSide ? position(i + 1, binning, fieldSide) : a;
			index[p] = i;
			weight[p] = b > a && p > a ? Math.min(1, (p - a) / (double) (b - a)) : 0;
		}
	}

	/** Electrons delivered to the whole frame. */
	public double electrons() {
		return dosePerPixel * width * height;
	}
}
