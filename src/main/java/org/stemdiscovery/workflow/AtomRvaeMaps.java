package org.stemdiscovery.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.stemdiscovery.atoms.AtomFinder;
import org.stemdiscovery.atoms.FoundAtom;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.vae.AtomPatches;
import org.stemdiscovery.vae.LatentMaps;

/**
 * Workflow 3's descriptor stage: find the atoms, cut atom-centred patches, encode them with an rVAE; each
 * atom's latents cover its neighbourhood (nearest atom) and are sampled on a raster of {@code cell} px, so
 * the experiment chooses among image positions at that spacing.
 */
public final class AtomRvaeMaps implements MapMaker {

	private final Supplier<AtomFinder> finder;
	private final String finderName;
	private final int patch, cell;
	private final RvaeEncoding rvae;

	/**
	 * @param finder opens the atom finder when the map is made; it is closed right after the atoms are found (a
	 *               network in native memory is freed before the rVAE trains)
	 */
	public AtomRvaeMaps(Supplier<AtomFinder> finder, String finderName, int patch, int cell, RvaeEncoding rvae) {
		if (cell < 1) throw new InputException("raster cell " + cell + " px must be at least 1 px");
		this.finder = finder;
		this.finderName = finderName;
		this.patch = patch;
		this.cell = cell;
		this.rvae = rvae;
	}

	@Override
	public String name() {
		return "3: atoms → rVAE latent";
	}

	@Override
	public CandidateMaps make(float[] image, int width, int height, Progress progress) {
		progress.report(0, "finding atoms");
		// The workflow's progress goes down to the finder, so a cancel stops it between tiles.
		List<FoundAtom> atoms;
		try (AtomFinder f = finder.get()) {
			atoms = f.detect(image, width, height, progress).atoms();
		}
		progress.checkCancelled();
		if (atoms.size() < 10) throw new InputException("only " + atoms.size() + " atoms were found; workflow 3 needs " +
			"an atomically resolved image (or try the other atom-finding method)");
		double[] x = atoms.stream().mapToDouble(FoundAtom::x).toArray(), y = atoms.stream().mapToDouble(FoundAtom::y)
			.toArray();
		AtomPatches cut = AtomPatches.cut(image, width, height, x, y, patch);
		progress.report(0.1, "training the rVAE on " + cut.patches().count() + " atom patches");
		RvaeEncoding.Result r = rvae.encode(cut.patches(), progress);
		float[] full = LatentMaps.aroundAtoms(r.latents(), cut.x(), cut.y(), width, height);
		Grid grid = new Grid(0, 0, cell, cell, width / cell, height / cell, width, height);
		int l = r.latents().names().size(), n = grid.size(), wh = width * height;
		float[] sampled = new float[l * n];
		for (int j = 0; j < l; j++)
			for (int i = 0; i < n; i++) {
				int px = (int) Math.round(grid.centreX(grid.col(i))), py = (int) Math.round(grid.centreY(grid.row(i)));
				sampled[j * n + i] = full[j * wh + py * width + px];
			}
		List<String> names = new ArrayList<>();
		float[] maps = LatentCandidates.withEdges(sampled, grid.cols(), grid.rows(), r.latents(), names);
		// No patch fits within half a patch of the border: the latents there only repeat the nearest inner
		// atom, so a "boundary" there is an artefact of the border, not a wall. Blank the boundary maps there.
		int margin = patch / 2 + 2 * cell;
		for (int j = l; j < names.size(); j++)
			for (int i = 0; i < n; i++) {
				double cx = grid.centreX(grid.col(i)), cy = grid.centreY(grid.row(i));
				if (cx < margin || cy < margin || cx > width - 1 - margin || cy > height - 1 - margin) maps[j * n + i] = 0;
			}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("atomsFound", atoms.size());
		details.put("patches", cut.patches().count());
		details.put("finalLoss", r.history().finalLoss());
		return new CandidateMaps(name(), maps, names.size(), grid, names, details);
	}

	@Override
	public Map<String, Object> parameters() {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("atomFinder", finderName);
		p.put("patchSize", patch);
		p.put("rasterCell", cell);
		p.put("rvae", rvae.parameters());
		return p;
	}
}
