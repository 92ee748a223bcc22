package org.stemdiscovery.bo;

import java.util.Random;

import org.stemdiscovery.image.InputException;

/** A microscope that reveals a known target map where the beam goes, optionally with Gaussian noise. */
public final class SimulatedMicroscope implements Microscope {

	private final float[] target;
	private final int width, height;
	private final double noise;
	private final Random random;
	private final TimeModel time;
	private double beamX, beamY, elapsed;

	/** The beam starts at the centre of the field. */
	public SimulatedMicroscope(float[] target, int width, int height, double noiseSd, long seed, TimeModel time) {
		if (target.length != width * height) throw new InputException("target has " + target.length +
			" pixels, not " + width + " × " + height);
		if (!(noiseSd >= 0)) throw new InputException("measurement noise " + noiseSd + " must be ≥ 0");
		this.target = target;
		this.width = width;
		this.height = height;
		this.noise = noiseSd;
		this.random = new Random(seed);
		this.time = time;
		this.beamX = width / 2;
		this.beamY = height / 2;
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
	public double measure(int x, int y) {
		if (x < 0 || y < 0 || x >= width || y >= height)
			throw new IllegalArgumentException("pixel (" + x + ", " + y + ") is outside the " + width + " × " + height + " field");
		elapsed += time.seconds(Math.hypot(x - beamX, y - beamY));
		beamX = x;
		beamY = y;
		double v = target[y * width + x];
		return noise > 0 ? v + noise * random.nextGaussian() : v;
	}

	@Override
	public double elapsedSeconds() {
		return elapsed;
	}

	@Override
	public double beamX() {
		return beamX;
	}

	@Override
	public double beamY() {
		return beamY;
	}
}
