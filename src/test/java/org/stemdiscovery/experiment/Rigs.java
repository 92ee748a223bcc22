package org.stemdiscovery.experiment;

import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.fft.SlidingFftSettings;
import org.stemdiscovery.sim.PillarScene;
import org.stemdiscovery.sim.SyntheticImage;

/** Small experiments shared by the tests: a pillar scene, a twin of it and workflow 1's model. */
final class Rigs {

	/** Electrons per pA·µs, written out independently of the core: 10⁻¹⁸ C / e. */
	static final double E_PER_PA_US = 6.241509074460763;

	private Rigs() {}

	static SyntheticImage pillars(int size, long seed) {
		return PillarScene.defaults().generate(size, size, seed);
	}

	static Features maskOf(SyntheticImage im) {
		boolean[] m = new boolean[im.mask().length];
		for (int i = 0; i < m.length; i++)
			m[i] = im.mask()[i] != 0;
		return Features.mask(m, im.width(), im.height());
	}

	/** 16 px patches every 8 px at 10 µs, 5 % survey, survey prior, fitted Matérn length, 1 thread. */
	static ExperimentSettings small(int budget, int batch, long boSeed) {
		return new ExperimentSettings(16, 8, 10, 0.05, budget, 0, true, BoSettings.defaults().withKernel("matern52", 16,
			true).withBatch(batch, 30, 1).withSeed(boSeed).withThreads(1), ScanTiming.defaults());
	}

	static ModelFitter nmf(int window) {
		return FftUnmixModel.fitter(SlidingFftSettings.of(window, 8), "nmf", 3, 0, 100, 1);
	}

	static ExperimentRun run(SyntheticImage im, ExperimentSettings s, Microscope scope) {
		return new MeasuredExperiment(s, true).run(scope, nmf(s.patch()), maskOf(im), org.stemdiscovery.image.Progress.NONE,
			null);
	}

	static DigitalTwin twin(SyntheticImage im, long seed) {
		return new DigitalTwin(im.clean().clone(), im.width(), im.height(), 0.1, TwinSettings.defaults(), seed);
	}
}
