package org.stemdiscovery.workflow;

import java.util.function.Function;

import org.stemdiscovery.atoms.AtomFinders;
import org.stemdiscovery.image.Registry;

/**
 * One automated-experiment workflow: what its descriptor stage is and the correlation length that suits
 * its grid. Both doors list the workflows from {@link #REGISTRY}; adding one is its {@link MapMaker} and one
 * line there.
 *
 * @param description what the descriptor stage does, for help texts
 * @param lengthCells the default kernel length scale in grid cells: 5 suits window grids; workflow 3's raster
 *                    cells are a few px, so 3 cells (about one lattice spacing) suits atomic-scale features
 * @param maker       builds the descriptor stage from the settings it needs
 */
public record Workflow(String description, double lengthCells, Function<DescriptorSettings, MapMaker> maker) {

	/** The workflows by number; the Fiji dialog's older "1 (FFT + unmixing)" spellings are accepted. */
	public static final Registry<Workflow> REGISTRY = Registry.<Workflow>of("workflow")
		.add("1", new Workflow("sliding FFT, unmixed by NMF, SVD or N-FINDR", 5, s -> new UnmixedFftMaps(s.fft(), s
			.method(), s.components(), s.seed(), s.iterations(), s.threads())), "1 (fft + unmixing)")
		.add("2", new Workflow("sliding FFT, then a rotationally invariant VAE", 5, s -> new RvaeFftMaps(s.fft(), s
			.rvae(), s.threads())), "2 (fft + rvae)")
		.add("3", new Workflow("atoms found, atom-centred patches encoded by the rVAE", 3, s -> new AtomRvaeMaps(
			() -> AtomFinders.open(s.atomFinder(), AtomFinders.Options.defaults()), s.atomFinder(), s.patch(), s.cell(),
			s.rvae())),
			"3 (atoms + rvae)");
}
