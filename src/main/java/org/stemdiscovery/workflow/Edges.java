package org.stemdiscovery.workflow;

import org.stemdiscovery.image.GaussianBlur;

/**
 * Boundary strength of a map: the gradient magnitude of the map smoothed by {@code sigma} cells. A latent
 * that tells two domains apart becomes a ridge along the wall between them, which is what an experiment
 * looking for walls should target.
 */
final class Edges {

	private Edges() {}

	static float[] of(float[] map, int w, int h, double sigma) {
		float[] s = GaussianBlur.blur(map, w, h, sigma);
		float[] out = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double gx = (s[y * w + Math.min(w - 1, x + 1)] - s[y * w + Math.max(0, x - 1)]) / 2.0;
				double gy = (s[Math.min(h - 1, y + 1) * w + x] - s[Math.max(0, y - 1) * w + x]) / 2.0;
				out[y * w + x] = (float) Math.hypot(gx, gy);
			}
		return out;
	}
}
