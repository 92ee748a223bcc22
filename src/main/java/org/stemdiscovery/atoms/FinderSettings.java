package org.stemdiscovery.atoms;

import java.util.LinkedHashMap;
import java.util.Map;

import org.stemdiscovery.image.InputException;

/**
 * How probabilities become atoms.
 *
 * @param threshold probability of "atom or bright column" above which a pixel belongs to an atom
 * @param refine    move each atom to the centre of a 2-D Gaussian fitted to the image around it
 * @param maxShift  refinement moves longer than this (px) are rejected and the centroid kept
 * @param edge      atoms closer than this (px) to the border are dropped
 * @param minArea   connected regions smaller than this (px) are noise
 * @param tile      side of the tiles the network sees at once (px; larger images are tiled with overlap);
 *                  the default 1088 = 1024 + two 32 px margins takes a 1024² image in one pass
 * @param augment   average the network over the mirror images of each tile: {@link #AUGMENT_HELP}
 */
public record FinderSettings(double threshold, boolean refine, double maxShift, double edge, int minArea, int tile,
	boolean augment) {

	public static final int OVERLAP = 32;

	/** What augment does and costs, in the one wording every door shows. */
	public static final String AUGMENT_HELP = "average the network over the mirror images of each tile (the 8 " +
		"symmetries of a square tile, 4 of an oblong one): that many times slower, steadier on very noisy images";

	public FinderSettings {
		if (!(threshold > 0 && threshold < 1)) throw new InputException("threshold " + threshold +
			" must lie strictly between 0 and 1; 0.5 is the usual choice");
		if (!(maxShift > 0)) throw new InputException("maximum refinement shift " + maxShift + " px must be positive");
		if (!(edge >= 0)) throw new InputException("edge exclusion " + edge + " px must not be negative");
		if (minArea < 1) throw new InputException("minimum area " + minArea + " px must be at least 1");
		if (tile < 128) throw new InputException("tile " + tile + " px is too small; choose at least 128 (1088 is usual)");
	}

	public static FinderSettings defaults() {
		return new FinderSettings(0.5, false, 1.5, 1, 3, 1088, false);
	}

	public FinderSettings withRefine(boolean r) {
		return new FinderSettings(threshold, r, maxShift, edge, minArea, tile, augment);
	}

	public FinderSettings withTile(int t) {
		return new FinderSettings(threshold, refine, maxShift, edge, minArea, t, augment);
	}

	public FinderSettings withAugment(boolean a) {
		return new FinderSettings(threshold, refine, maxShift, edge, minArea, tile, a);
	}

	public Map<String, Object> toMap() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("threshold", threshold);
		m.put("refine", refine);
		m.put("maxShift", maxShift);
		m.put("edge", edge);
		m.put("minArea", minArea);
		m.put("tile", tile);
		m.put("augment", augment);
		return m;
	}
}
