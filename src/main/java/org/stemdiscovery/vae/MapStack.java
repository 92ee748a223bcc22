package org.stemdiscovery.vae;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stemdiscovery.image.Grid;

/**
 * Latent maps of a stack as planes of one image, laid out by where the stack came from: the window grid
 * of a sliding-FFT stack, the source image around each atom of an atom-patch stack, or — for any other
 * stack — one pixel per item in a single row. {@code info} carries the geometry (grid or source size) so the
 * maps can be used as a target later.
 */
public record MapStack(float[] data, int width, int height, List<String> labels, Map<String, String> info) {

	/** Info key listing the latent of each plane. */
	public static final String LATENTS_KEY = "stemdiscovery.rvae.latents";
	/** Info key naming the layout: grid, atoms or items. */
	public static final String LAYOUT_KEY = "stemdiscovery.rvae.layout";

	public int planes() {
		return labels.size();
	}

	/** Maps for {@code latents} of {@code stack}, whose Info is {@code stackInfo} (may be empty). */
	public static MapStack of(Latents latents, PatchStack stack, Map<String, String> stackInfo) {
		Map<String, String> info = new LinkedHashMap<>();
		info.put(LATENTS_KEY, String.join(",", latents.names()));
		if (Grid.isIn(stackInfo)) {
			Grid g = Grid.fromProperties(stackInfo);
			info.put(LAYOUT_KEY, "grid");
			info.putAll(g.toProperties());
			return new MapStack(LatentMaps.onGrid(latents, g), g.cols(), g.rows(), latents.names(), info);
		}
		if (AtomPatches.isIn(stackInfo)) {
			AtomPatches a = AtomPatches.fromProperties(stackInfo, stack);
			info.put(LAYOUT_KEY, "atoms");
			info.put(AtomPatches.KEY_PREFIX + "sourceWidth", Integer.toString(a.sourceWidth()));
			info.put(AtomPatches.KEY_PREFIX + "sourceHeight", Integer.toString(a.sourceHeight()));
			return new MapStack(LatentMaps.aroundAtoms(latents, a.x(), a.y(), a.sourceWidth(), a.sourceHeight()),
				a.sourceWidth(), a.sourceHeight(), latents.names(), info);
		}
		info.put(LAYOUT_KEY, "items");
		int n = latents.size(), l = latents.names().size();
		float[] d = new float[n * l];
		for (int j = 0; j < l; j++)
			for (int i = 0; i < n; i++)
				d[j * n + i] = (float) latents.mean()[i][j];
		return new MapStack(d, n, 1, latents.names(), info);
	}
}
