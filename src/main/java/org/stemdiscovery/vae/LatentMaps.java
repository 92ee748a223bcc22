package org.stemdiscovery.vae;

import org.stemdiscovery.image.Grid;

/**
 * Latent means laid out as images, one plane per latent (in {@link Latents#names()} order), ready to be a
 * target map: on the window grid for sliding-window stacks, or over the source image for atom patches.
 */
public final class LatentMaps {

	private LatentMaps() {}

	/** {@code cols × rows} planes: window {@code n} of the grid gives pixel {@code n} of every plane. */
	public static float[] onGrid(Latents latents, Grid grid) {
		if (latents.size() != grid.size()) throw new org.stemdiscovery.image.InputException("the stack has " +
			latents.size() + " items but its window grid has " + grid.size() + " windows; use the stack as Sliding FFT made it");
		int l = latents.names().size(), n = grid.size();
		float[] maps = new float[l * n];
		for (int j = 0; j < l; j++)
			for (int i = 0; i < n; i++)
				maps[j * n + i] = (float) latents.mean()[i][j];
		return maps;
	}

	/**
	 * {@code width × height} planes in which every pixel takes the latents of its nearest atom (a Voronoi
	 * fill), so that each atom's value covers its own neighbourhood and the map is defined everywhere.
	 */
	public static float[] aroundAtoms(Latents latents, double[] x, double[] y, int width, int height) {
		int[] nearest = nearestAtom(x, y, width, height);
		int l = latents.names().size(), n = width * height;
		float[] maps = new float[l * n];
		for (int j = 0; j < l; j++)
			for (int p = 0; p < n; p++)
				maps[j * n + p] = (float) latents.mean()[nearest[p]][j];
		return maps;
	}

	/** Index of the nearest atom for every pixel, searched in growing rings of buckets. */
	static int[] nearestAtom(double[] x, double[] y, int width, int height) {
		int n = x.length;
		double cell = Math.max(2, Math.sqrt((double) width * height / Math.max(1, n)));
		int bw = (int) Math.ceil(width / cell) + 1, bh = (int) Math.ceil(height / cell) + 1;
		int[] count = new int[bw * bh + 1];
		int[] bucketOf = new int[n];
		for (int i = 0; i < n; i++) {
			int bx = Math.min(bw - 1, Math.max(0, (int) (x[i] / cell))), by = Math.min(bh - 1, Math.max(0, (int) (y[i] / cell)));
			bucketOf[i] = by * bw + bx;
			count[bucketOf[i] + 1]++;
		}
		for (int b = 0; b < bw * bh; b++)
			count[b + 1] += count[b];
		int[] members = new int[n], fill = count.clone();
		for (int i = 0; i < n; i++)
			members[fill[bucketOf[i]]++] = i;
		int[] out = new int[width * height];
		for (int py = 0; py < height; py++)
			for (int px = 0; px < width; px++) {
				int cx = Math.min(bw - 1, (int) (px / cell)), cy = Math.min(bh - 1, (int) (py / cell));
				double best = Double.POSITIVE_INFINITY;
				int bi = 0;
				for (int ring = 0; ring < Math.max(bw, bh); ring++) {
					// every atom in ring r+1 or beyond is at least r·cell away: stop once the best beats that
					if (best <= (double) (ring - 1) * cell * (ring - 1) * cell && ring > 1) break;
					for (int by = cy - ring; by <= cy + ring; by++)
						for (int bx = cx - ring; bx <= cx + ring; bx++) {
							if (Math.max(Math.abs(bx - cx), Math.abs(by - cy)) != ring) continue;
							if (bx < 0 || by < 0 || bx >= bw || by >= bh) continue;
							int b = by * bw + bx;
							for (int k = count[b]; k < count[b + 1]; k++) {
								int i = members[k];
								double d = (x[i] - px) * (x[i] - px) + (y[i] - py) * (y[i] - py);
								if (d < best) {
									best = d;
									bi = i;
								}
							}
						}
				}
				out[py * width + px] = bi;
			}
		return out;
	}
}
