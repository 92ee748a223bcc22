package org.stemdiscovery.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.stemdiscovery.image.GaussianBlur;
import org.stemdiscovery.image.InputException;

/**
 * A crystal drawn at random for training and testing atom finders: every image picks its own lattice
 * (square, perovskite-like A+B, hexagonal, honeycomb with two sublattice intensities), nearest-neighbour
 * distance, rotation, column width, probe blur, vacancies, dopants (brighter and up to 1.6× wider), slow
 * contrast changes, contamination, background up to the column peak, drift, line jitter, shot and read noise,
 * and sometimes slightly correlated noise, all from the seed, within the ranges of this record. Classes: 0 atom column, 1 bright
 * column (a dopant or heavy substitution, brighter than any lattice column around it).
 *
 * <p>The parameters map carries {@code nearestNeighbour} (px) and the drawn settings, so labels can be
 * sized from it.
 *
 * @param minSpacing  smallest nearest-neighbour distance in px
 * @param maxSpacing  largest nearest-neighbour distance in px
 * @param minDose     lowest dose, counts per unit peak intensity (the noisiest images)
 * @param maxDose     highest dose
 * @param maxReadNoise largest Gaussian read noise, in units of the peak intensity
 */
public record RandomLatticeScene(double minSpacing, double maxSpacing, double minDose, double maxDose,
	double maxReadNoise) implements Scene {

	/** The lattice kinds the scene draws from. */
	public enum Kind {
		SQUARE, PEROVSKITE, HEXAGONAL, HONEYCOMB
	}

	public RandomLatticeScene {
		if (!(minSpacing >= 3 && maxSpacing >= minSpacing)) throw new InputException("spacing range " + minSpacing +
			".." + maxSpacing + " px is invalid; choose 3 ≤ min ≤ max");
		if (!(minDose > 0 && maxDose >= minDose)) throw new InputException("dose range " + minDose + ".." + maxDose +
			" is invalid; choose 0 < min ≤ max");
		if (maxReadNoise < 0) throw new InputException("read noise " + maxReadNoise + " must not be negative");
	}

	/**
	 * The training distribution of the atom finder: 6-30 px spacing (30 so that SrTiO3-like ADF images at
	 * about 0.01 nm/px stay inside it), dose 2-300, read noise up to 0.15.
	 */
	public static RandomLatticeScene training() {
		return new RandomLatticeScene(6, 30, 2, 300, 0.15);
	}

	/** The same lattices at one fixed dose and read noise (for noise sweeps). */
	public RandomLatticeScene atNoise(double dose, double readNoise) {
		return new RandomLatticeScene(minSpacing, maxSpacing, dose, dose, readNoise);
	}

	@Override
	public String name() {
		return "random-lattice";
	}

	@Override
	public SyntheticImage generate(int width, int height, long seed) {
		Scene.checkSize(width, height, 32);
		SplittableRandom rnd = new SplittableRandom(seed);
		Kind kind = Kind.values()[rnd.nextInt(Kind.values().length)];
		double nn = minSpacing + rnd.nextDouble() * (maxSpacing - minSpacing + 1e-9);
		double angle = rnd.nextDouble(Math.PI);
		double sigma0 = nn * (0.12 + 0.14 * rnd.nextDouble());
		double blur = rnd.nextDouble() < 0.5 ? 0 : rnd.nextDouble() * 0.12 * nn;
		double sigma = Math.hypot(sigma0, blur);
		double second = switch (kind) {
			case PEROVSKITE -> 0.25 + 0.55 * rnd.nextDouble();
			case HONEYCOMB -> 0.4 + 0.6 * rnd.nextDouble();
			default -> 1;
		};
		double vacancies = rnd.nextDouble() * 0.04, dopants = rnd.nextDouble() < 0.3 ? 0 : rnd.nextDouble() * 0.025;
		double dopantContrast = 1.8 + 2.2 * rnd.nextDouble(), dopantWidth = 1 + 0.6 * rnd.nextDouble();

		Lattice lattice = switch (kind) {
			case SQUARE -> Lattice.square(nn, angle, new double[] { 0, 0 });
			case PEROVSKITE -> Lattice.square(nn * Math.sqrt(2), angle, new double[] { 0, 0 }, new double[] { 0.5, 0.5 });
			case HEXAGONAL -> new Lattice(nn, angle, Math.PI / 3, new double[][] { { 0, 0 } });
			case HONEYCOMB -> Lattice.honeycomb(nn, angle);
		};
		double margin = 4 * sigma + 2;
		List<Atom> ideal = new ArrayList<>();
		for (Lattice.Site s : lattice.sites(rnd.nextDouble(nn * 2), rnd.nextDouble(nn * 2), width, height, margin)) {
			double u = rnd.nextDouble();
			if (u < vacancies) continue;
			double jitter = 1 + 0.08 * Imaging.gaussian(rnd);
			double base = s.sublattice() == 0 ? 1 : second;
			// Heavy dopants scatter to wider angles and often sit slightly off the column: wider as well as brighter.
			if (u < vacancies + dopants) ideal.add(new Atom(s.x(), s.y(), 1, dopantContrast * jitter, sigma * dopantWidth));
			else ideal.add(new Atom(s.x(), s.y(), 0, base * jitter, sigma));
		}

		double logDose = Math.log(minDose) + rnd.nextDouble() * (Math.log(maxDose) - Math.log(minDose));
		Imaging imaging = new Imaging(Math.exp(logDose), rnd.nextDouble() < 0.5 ? 0.2 * rnd.nextDouble() : rnd.nextDouble(), maxReadNoise * rnd.nextDouble(),
			rnd.nextDouble() * 1.0, 0, 0.02 * (2 * rnd.nextDouble() - 1), 0.02 * (2 * rnd.nextDouble() - 1),
			0.3 * rnd.nextDouble());
		List<Atom> atoms = imaging.distort(ideal, height, rnd.split());
		double[] jitter = imaging.rowJitter(height, rnd.split());
		float[] clean = Imaging.render(atoms, width, height, jitter);
		double contrast = 0.3 * rnd.nextDouble(), contamination = rnd.nextDouble() < 0.5 ? 0 : 0.4 * rnd.nextDouble();
		applyContrast(clean, width, height, contrast, contamination, 2 * nn, rnd.split());
		float[] noisy = imaging.noisy(clean, rnd.split());
		// Detector and scan electronics correlate the noise of neighbouring pixels a little.
		double noiseBlur = rnd.nextDouble() < 0.5 ? 0 : 0.8 * rnd.nextDouble();
		if (noiseBlur > 0.2) noisy = GaussianBlur.blur(noisy, width, height, noiseBlur);

		byte[] mask = new byte[width * height];
		for (Atom a : atoms)
			if (a.cls() == 1) {
				int x = (int) Math.round(a.x()), y = (int) Math.round(a.y());
				if (x >= 0 && y >= 0 && x < width && y < height) mask[y * width + x] = 1;
			}
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("scene", name());
		p.put("width", width);
		p.put("height", height);
		p.put("seed", seed);
		p.put("kind", kind.name().toLowerCase(Locale.ROOT));
		p.put("nearestNeighbour", nn);
		p.put("angleDeg", Math.toDegrees(angle));
		p.put("sigma", sigma);
		p.put("secondSublattice", second);
		p.put("vacancyFraction", vacancies);
		p.put("dopantFraction", dopants);
		p.put("dopantContrast", dopantContrast);
		p.put("contrastChange", contrast);
		p.put("contamination", contamination);
		p.put("dopantWidth", dopantWidth);
		p.put("noiseBlur", noiseBlur);
		p.put("imaging", Map.of("dose", imaging.dose(), "background", imaging.background(), "readNoise", imaging
			.readNoise(), "driftAmplitude", imaging.driftAmplitude(), "shear", imaging.shear(), "stretch", imaging.stretch(),
			"lineJitter", imaging.lineJitter()));
		return new SyntheticImage(name(), width, height, noisy, clean, mask, clean.clone(), atoms, List.of("atom",
			"bright"), p);
	}

	/**
	 * Slow multiplicative contrast change (a tilted plane times a long sine, as thickness or focus drift)
	 * and additive contamination (smooth blobs of about {@code blobSize} px), both in place.
	 */
	private static void applyContrast(float[] img, int w, int h, double contrast, double contamination, double blobSize,
		SplittableRandom rnd) {
		double gx = 2 * rnd.nextDouble() - 1, gy = 2 * rnd.nextDouble() - 1, period = (0.5 + rnd.nextDouble()) * Math.max(w,
			h), phase = rnd.nextDouble(2 * Math.PI);
		float[] blobs = null;
		if (contamination > 0) {
			float[] white = new float[w * h];
			for (int i = 0; i < white.length; i++)
				white[i] = (float) Imaging.gaussian(rnd);
			blobs = GaussianBlur.blur(white, w, h, blobSize);
			double max = 1e-12;
			for (float v : blobs)
				max = Math.max(max, Math.abs(v));
			for (int i = 0; i < blobs.length; i++)
				blobs[i] = (float) Math.max(0, blobs[i] / max);
		}
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double u = (x - w / 2.0) / w, v = (y - h / 2.0) / h;
				double f = 1 + contrast * (gx * u + gy * v + 0.5 * Math.sin(2 * Math.PI * (x + y) / period + phase));
				int i = y * w + x;
				img[i] = (float) (img[i] * Math.max(0.2, f) + (blobs == null ? 0 : contamination * blobs[i]));
			}
	}
}
