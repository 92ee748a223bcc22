package org.stemdiscovery.atoms;

import java.util.List;

/**
 * What a finder saw: the atoms, and a per-pixel map of how atom-like each pixel is ({@code width × height},
 * row-major; for the network the probability of "atom or bright column", for the classical finder its
 * normalised blob response), plus the bright-column probability where the finder has one (else null).
 */
public record Detection(List<FoundAtom> atoms, float[] probability, float[] bright, int width, int height) {

	public Detection {
		atoms = List.copyOf(atoms);
	}
}
