package org.stemdiscovery.workflow;

import org.stemdiscovery.fft.SlidingFftSettings;

/**
 * Everything the descriptor stages of the workflows need; each {@link Workflow} takes its part.
 *
 * @param method     unmixing method of workflow 1 (nmf, svd, nfindr)
 * @param iterations NMF iterations or N-FINDR passes
 * @param atomFinder atom finder of workflow 3, a name in {@link org.stemdiscovery.atoms.AtomFinders#REGISTRY}
 * @param patch      side of the atom-centred patches in px
 * @param cell       raster cell of workflow 3 in px
 * @param threads    worker threads for the FFT and the unmixing (at least 1)
 */
public record DescriptorSettings(SlidingFftSettings fft, String method, int components, int iterations, long seed,
	RvaeEncoding rvae, String atomFinder, int patch, int cell, int threads) {}
