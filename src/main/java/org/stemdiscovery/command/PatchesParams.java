package org.stemdiscovery.command;

import java.util.List;

/**
 * Extract Atom Patches / {@code stem-discovery patches}: the parameters, declared once in {@link #SPEC}. Where
 * the atoms come from is each door's own input (a results table or CSV file in Fiji, {@code --atoms} on the
 * command line), like the image.
 */
public record PatchesParams(int size) {

	public static final Spec SPEC = new Spec("patches", "Extract Atom Patches",
		"atom-centred patches of an image (writes patches.tif, patches.csv)",
		"Cuts a square patch centred on each atom (nearest pixel; the atom sits at index size/2). Atoms whose patch " +
			"would cross the border are skipped and counted. The stack's Info gives every slice's atom " +
			"(stemdiscovery.patch.N = atom-index x y class probability) and the source image's size, so rVAE latents " +
			"computed from the stack can be drawn around the atoms.",
		List.of(Param.integer("size", 32).range(4, 4096).unit("px").label("Size of patches (px)").help("patch side")));

	public static PatchesParams from(Values v) {
		return new PatchesParams(v.integer("size"));
	}
}
