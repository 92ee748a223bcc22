package org.stemdiscovery.atoms;

import java.util.List;
import java.util.Map;

import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;

/**
 * Finds atomic columns in one grey-level image. A finder may hold a network in native memory: close it
 * when done (try-with-resources); finders that hold nothing close as a no-op.
 */
public interface AtomFinder extends AutoCloseable {

	/** Smallest image side any finder accepts. */
	int MIN_SIDE = 32;

	/** The atoms and the map they came from; {@code pixels} is row-major {@code width × height}. */
	Detection detect(float[] pixels, int width, int height, Progress progress);

	default List<FoundAtom> find(float[] pixels, int width, int height) {
		return detect(pixels, width, height, Progress.NONE).atoms();
	}

	/**
	 * What shaped the atoms, for the Info of what is made from them: {@code model} (a name) and the settings
	 * in force ({@link FinderSettings#toMap()}).
	 */
	default Map<String, Object> description() {
		return Map.of();
	}

	/** Frees what the finder owns (a network's native memory); nothing for a finder that owns nothing. */
	@Override
	default void close() {}

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
