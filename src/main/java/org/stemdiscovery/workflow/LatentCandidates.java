package org.stemdiscovery.workflow;

import java.util.ArrayList;
import java.util.List;

import org.stemdiscovery.vae.Latents;

/** Latent maps and their boundary maps as the candidates of workflows 2 and 3. */
final class LatentCandidates {

	private LatentCandidates() {}

	/**
	 * @param maps one plane per latent ({@link Latents#names()} order) on a {@code w × h} grid
	 * @return the planes followed by the boundary of each content latent, with names, in {@code names}
	 */
	static float[] withEdges(float[] maps, int w, int h, Latents latents, List<String> names) {
		int n = w * h, l = latents.names().size();
		List<float[]> planes = new ArrayList<>();
		for (int j = 0; j < l; j++) {
			float[] p = new float[n];
			System.arraycopy(maps, j * n, p, 0, n);
			planes.add(p);
			names.add("latent " + latents.names().get(j));
		}
		for (int j = 0; j < l; j++)
			if (latents.names().get(j).startsWith("z")) {
				planes.add(Edges.of(planes.get(j), w, h, 1.5));
				names.add("boundary of latent " + latents.names().get(j));
			}
		float[] out = new float[planes.size() * n];
		for (int i = 0; i < planes.size(); i++)
			System.arraycopy(planes.get(i), 0, out, i * n, n);
		return out;
	}
}
