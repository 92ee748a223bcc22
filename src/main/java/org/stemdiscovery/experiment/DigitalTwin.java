package org.stemdiscovery.experiment;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.stemdiscovery.image.GaussianBlur;
import org.stemdiscovery.image.InputException;

/**
 * A microscope made of an image: the specimen is a full-resolution frame (synthetic with ground truth, or any
 * real frame) taken as the expected signal, and every scan resamples it at the dose it asks for. Expected counts
 * at a pixel are {@code dose × yield × (s − min) / (max − min)} of the (probe-blurred) specimen; each scan draws
 * Poisson counts from that (plus Gaussian read noise), with the specimen drifting slowly under the beam if asked.
 * The specimen stays inside: a caller gets only frames and patches, each paid for in dose and time, which the
 * twin keeps in its own {@link DoseMap} so tests can check the engine's accounting against it.
 */
public final class DigitalTwin implements Microscope {

	private static final double POISSON_EPSILON = 1e-12;
	private static final int POISSON_ITERATIONS = 10_000_000;

	private final float[] yield; // counts per electron
	private final int width, height;
	private final double pixelSizeNm;
	private final TwinSettings settings;
	private final RandomGenerator random;
	private final DoseMap dose;
	private double clock, beamX, beamY;

	/**
	 * @param specimen    row-major {@code width × height} expected signal in any units (only its contrast counts)
	 * @param pixelSizeNm pixel size in nm, NaN when uncalibrated
	 */
	public DigitalTwin(float[] specimen, int width, int height, double pixelSizeNm, TwinSettings settings, long seed) {
		if (width < 2 || height < 2 || specimen.length != width * height) throw new InputException("the specimen must " +
			"be one 2-D image of at least 2 × 2 px; got " + specimen.length + " values for " + width + " × " + height);
		float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
		for (float v : specimen) {
			if (!Float.isFinite(v)) throw new InputException("the specimen has NaN or infinite pixels; replace them first");
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		if (!(hi > lo)) throw new InputException("the specimen is constant (every pixel is " + lo + "); give an image " +
			"with contrast");
		float[] s = GaussianBlur.blur(specimen, width, height, settings.probeSigmaPx());
		float sLo = Float.POSITIVE_INFINITY, sHi = Float.NEGATIVE_INFINITY;
		for (float v : s) {
			sLo = Math.min(sLo, v);
			sHi = Math.max(sHi, v);
		}
		this.yield = new float[s.length];
		for (int i = 0; i < s.length; i++)
			yield[i] = (float) (settings.detectorYield() * (s[i] - sLo) / (sHi - sLo));
		this.width = width;
		this.height = height;
		this.pixelSizeNm = pixelSizeNm;
		this.settings = settings;
		this.random = new Well19937c(seed);
		this.dose = new DoseMap(width, height);
		this.beamX = (width - 1) / 2.0;
		this.beamY = (height - 1) / 2.0;
	}

	@Override
	public int width() {
		return width;
	}

	@Override
	public int height() {
		return height;
	}

	@Override
	public double pixelSizeNm() {
		return pixelSizeNm;
	}

	@Override
	public double electronsPerMicrosecond() {
		return settings.electronsPerMicrosecond();
	}

	@Override
	public Frame survey(double dwellUs, int binning) {
		checkDwell(dwellUs);
		if (binning < 1 || binning > Math.min(width, height)) throw new InputException("survey binning " + binning +
			" must be between 1 and " + Math.min(width, height));
		double perPixel = settings.electronsPerMicrosecond() * dwellUs;
		int w = Frame.scanSide(width, binning), h = Frame.scanSide(height, binning);
		float[] out = new float[w * h];
		double shift = settings.driftPxPerS() * clock;
		for (int j = 0; j < h; j++)
			for (int i = 0; i < w; i++) {
				int x = Frame.position(i, binning, width), y = Frame.position(j, binning, height);
				out[j * w + i] = (float) sample(perPixel * expectedYield(x + shift, y + shift));
				dose.add(x, y, perPixel);
			}
		clock += settings.timing().rasterSeconds(w, h, dwellUs);
		beamX = width - 1;
		beamY = height - 1;
		return new Frame(out, w, h, pixelSizeNm, perPixel, clock, binning);
	}

	@Override
	public List<Measurement> acquire(List<PatchRequest> requests) {
		List<Measurement> out = new ArrayList<>(requests.size());
		for (PatchRequest r : requests) {
			checkDwell(r.dwellUs());
			if (!r.fits(width, height)) throw new InputException("patch " + r.id() + " of " + r.size() + " px at (" + r.x() +
				", " + r.y() + ") does not fit the " + width + " × " + height + " px field");
			double perPixel = settings.electronsPerMicrosecond() * r.dwellUs();
			double distance = Math.hypot(r.left() - beamX, r.top() - beamY);
			clock += settings.timing().patchSeconds(distance, r.size(), r.dwellUs());
			float[] pixels = scan(r.left(), r.top(), r.size(), r.size(), perPixel);
			beamX = r.left() + r.size() - 1;
			beamY = r.top() + r.size() - 1;
			out.add(new Measurement(r.id(), r.left(), r.top(), r.size(), pixels, perPixel, clock));
		}
		return out;
	}

	@Override
	public double elapsedSeconds() {
		return clock;
	}

	/** Every electron this twin has delivered, per pixel of the field. */
	public DoseMap delivered() {
		return dose.copy();
	}

	private static void checkDwell(double dwellUs) {
		if (!(dwellUs > 0) || Double.isInfinite(dwellUs)) throw new InputException("dwell " + dwellUs +
			" µs must be positive");
	}

	private float[] scan(int left, int top, int w, int h, double perPixel) {
		float[] out = new float[w * h];
		double shift = settings.driftPxPerS() * clock;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double lambda = perPixel * expectedYield(left + x + shift, top + y + shift);
				out[y * w + x] = (float) sample(lambda);
				dose.add(left + x, top + y, perPixel);
			}
		return out;
	}

	private double sample(double lambda) {
		double counts = settings.noiseFree() ? lambda : lambda > 0 ? new PoissonDistribution(random, lambda,
			POISSON_EPSILON, POISSON_ITERATIONS).sample() : 0;
		return settings.readNoise() > 0 && !settings.noiseFree() ? counts + settings.readNoise() * random.nextGaussian()
			: counts;
	}

	/** Bilinear yield at a drifted position; the specimen's edge extends beyond the frame. */
	private double expectedYield(double x, double y) {
		if (x == Math.rint(x) && y == Math.rint(y)) return yield[clamp((int) y, height) * width + clamp((int) x, width)];
		int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
		double fx = x - x0, fy = y - y0;
		double a = yield[clamp(y0, height) * width + clamp(x0, width)], b = yield[clamp(y0, height) * width + clamp(x0 + 1,
			width)], c = yield[clamp(y0 + 1, height) * width + clamp(x0, width)], d = yield[clamp(y0 + 1, height) * width +
				clamp(x0 + 1, width)];
		return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
	}

	private static int clamp(int i, int n) {
		return i < 0 ? 0 : i >= n ? n - 1 : i;
	}
}
