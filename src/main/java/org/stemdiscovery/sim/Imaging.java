package org.stemdiscovery.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.stemdiscovery.image.GaussianBlur;
import org.stemdiscovery.image.InputException;

/**
 * How the synthetic microscope images the columns: slow scan distortion (moves the ground-truth
 * coordinates too), fast per-line jitter (does not: it is noise), shot noise at {@code dose} counts per
 * unit intensity on top of a {@code background}, and Gaussian read noise.
 *
 * <p>Distortion: {@code x' = x + driftAmplitude·sin(2πy/driftPeriod + phase) + shear·(y − H/2)},
 * {@code y' = y·(1 + stretch)}; the phase is drawn from the seed.
 */
public record Imaging(double dose, double background, double readNoise, double driftAmplitude, double driftPeriod,
	double shear, double stretch, double lineJitter) {

	public Imaging {
		if (dose <= 0) throw new InputException("dose " + dose + " must be positive (counts per unit intensity)");
		if (readNoise < 0 || background < 0 || lineJitter < 0)
			throw new InputException("noise levels and background must not be negative");
	}

	/** A moderate HAADF-like imaging: visible shot noise, a little drift and line jitter. */
	public static Imaging typical() {
		return new Imaging(60, 0.05, 0.02, 0.8, 0, 0.01, 0.01, 0.2);
	}

	/** No distortion and no noise (the clean image equals the noisy one). */
	public static Imaging ideal() {
		return new Imaging(Double.POSITIVE_INFINITY, 0, 0, 0, 0, 0, 0, 0);
	}

	public Imaging withLineJitter(double j) {
		return new Imaging(dose, background, readNoise, driftAmplitude, driftPeriod, shear, stretch, j);
	}

	/** The scan distortion applied to ideal positions in an image of the given height. */
	public List<Atom> distort(List<Atom> atoms, int height, SplittableRandom rnd) {
		double phase = rnd.nextDouble(2 * Math.PI);
		double period = driftPeriod > 0 ? driftPeriod : 0.8 * height;
		List<Atom> out = new ArrayList<>(atoms.size());
		for (Atom a : atoms) {
			double x = a.x() + driftAmplitude * Math.sin(2 * Math.PI * a.y() / period + phase) + shear * (a.y() - height / 2.0);
			out.add(a.moved(x, a.y() * (1 + stretch)));
		}
		return out;
	}

	/** Per-row x offsets of the fast scan: white noise smoothed over a few lines, RMS {@code lineJitter}. */
	public double[] rowJitter(int height, SplittableRandom rnd) {
		double[] j = new double[height];
		if (lineJitter == 0) return j;
		float[] white = new float[height];
		for (int y = 0; y < height; y++)
			white[y] = (float) gaussian(rnd);
		float[] smooth = GaussianBlur.blur(white, 1, height, 1.5);
		double ss = 0;
		for (float v : smooth)
			ss += v * v;
		double scale = ss > 0 ? lineJitter / Math.sqrt(ss / height) : 0;
		for (int y = 0; y < height; y++)
			j[y] = smooth[y] * scale;
		return j;
	}

	/** Shot and read noise on a clean image; infinite dose and zero read noise return a copy. */
	public float[] noisy(float[] clean, SplittableRandom rnd) {
		float[] out = new float[clean.length];
		for (int i = 0; i < clean.length; i++) {
			double v = clean[i] + background;
			if (Double.isFinite(dose)) v = poisson(v * dose, rnd) / dose;
			out[i] = (float) (v + readNoise * gaussian(rnd));
		}
		return out;
	}

	static double gaussian(SplittableRandom rnd) {
		// Box-Muller; SplittableRandom has no nextGaussian on Java 17.
		double u = 1 - rnd.nextDouble(), v = rnd.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	static double poisson(double lambda, SplittableRandom rnd) {
		if (lambda <= 0) return 0;
		if (lambda > 40) return Math.max(0, Math.rint(lambda + Math.sqrt(lambda) * gaussian(rnd)));
		double l = Math.exp(-lambda), p = 1;
		int k = 0;
		do {
			k++;
			p *= rnd.nextDouble();
		}
		while (p > l);
		return k - 1;
	}

	/** Renders atoms as isotropic Gaussians, each row shifted by its jitter; the sum of all columns. */
	public static float[] render(List<Atom> atoms, int width, int height, double[] rowJitter) {
		float[] img = new float[width * height];
		for (Atom a : atoms) {
			double s = a.sigma(), inv = 1 / (2 * s * s);
			int r = (int) Math.ceil(4 * s);
			int y0 = Math.max(0, (int) Math.floor(a.y()) - r), y1 = Math.min(height - 1, (int) Math.ceil(a.y()) + r);
			for (int y = y0; y <= y1; y++) {
				double dy = y - a.y();
				double cx = a.x() - rowJitter[y];
				int x0 = Math.max(0, (int) Math.floor(cx) - r), x1 = Math.min(width - 1, (int) Math.ceil(cx) + r);
				for (int x = x0; x <= x1; x++) {
					double dx = x - cx;
					img[y * width + x] += (float) (a.intensity() * Math.exp(-(dx * dx + dy * dy) * inv));
				}
			}
		}
		return img;
	}
}
