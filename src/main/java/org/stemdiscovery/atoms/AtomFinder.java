package org.stemdiscovery.atoms;

import java.util.List;

import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;

/** Finds atomic columns in one grey-level image. */
public interface AtomFinder {

	/** Smallest image side any finder accepts. */
	int MIN_SIDE = 32;

	/** The atoms and the map they came from; {@code pixels} is row-major {@code width × height}. */
	Detection detect(float[] pixels, int width, int height, Progress progress);

	default List<FoundAtom> find(float[] pixels, int width, int height) {
		return detect(pixels, width, height, Progress.NONE).atoms();
	}

	/** Refuses images that are too small, inconsistent or not finite, with what to do instead. */
	static void check(float[] pixels, int width, int height) {
		if (width < MIN_SIDE || height < MIN_SIDE) throw new InputException("the image is " + width + " x " + height +
			" px; atom finding needs at least " + MIN_SIDE + " x " + MIN_SIDE + " px (several lattice spacings)");
		if (pixels.length != (long) width * height) throw new IllegalArgumentException(pixels.length + " pixels for " +
			width + " x " + height);
		for (float v : pixels)
			if (!Float.isFinite(v)) throw new InputException("the image contains NaN or infinite pixels; replace them " +
				"(Process › Math › Remove NaNs) first");
	}
}
