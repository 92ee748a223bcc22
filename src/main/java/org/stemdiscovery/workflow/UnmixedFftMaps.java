package org.stemdiscovery.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stemdiscovery.decompose.Decomposition;
import org.stemdiscovery.decompose.Samples;
import org.stemdiscovery.decompose.Unmixer;
import org.stemdiscovery.fft.FftStack;
import org.stemdiscovery.fft.SlidingFft;
import org.stemdiscovery.fft.SlidingFftSettings;
import org.stemdiscovery.image.Images;
import org.stemdiscovery.image.Progress;

/** Workflow 1's descriptor stage: sliding FFT, then NMF, SVD or N-FINDR; the abundance maps are the candidates. */
public final class UnmixedFftMaps implements MapMaker {

	private final SlidingFftSettings fft;
	private final String method;
	private final int k, maxIter, threads;
	private final long seed;

	public UnmixedFftMaps(SlidingFftSettings fft, String method, int k, long seed, int maxIter, int threads) {
		this.fft = fft;
		this.method = method;
		this.k = k;
		this.seed = seed;
		this.maxIter = maxIter;
		this.threads = threads;
		Unmixer.of(method, k, seed, maxIter, threads); // checks the method name now, not after the FFT
	}

	@Override
	public String name() {
		return "1: sliding FFT → " + method.toUpperCase(java.util.Locale.ROOT) + " abundance";
	}

	@Override
	public CandidateMaps make(float[] image, int width, int height, Progress progress) {
		progress.report(0, "sliding FFT");
		FftStack stack = new SlidingFft(fft, threads).compute(Images.wrap(image.clone(), width, height), progress);
		progress.report(0.3, method + " with k = " + k);
		Decomposition d = Unmixer.of(method, k, seed, maxIter, threads).unmix(Samples.of(stack), progress);
		List<String> names = new ArrayList<>();
		for (int t = 1; t <= d.k(); t++)
			names.add(method.toUpperCase(java.util.Locale.ROOT) + " component " + t);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("relativeError", d.relativeError());
		details.put("iterations", d.iterations());
		return new CandidateMaps(name(), d.abundancesAsFloats(), d.k(), stack.grid(), names, details);
	}

	@Override
	public Map<String, Object> parameters() {
		Map<String, Object> p = new LinkedHashMap<>(fft.toProperties());
		p.put("method", method);
		p.put("k", k);
		p.put("seed", seed);
		p.put("maxIter", maxIter);
		return p;
	}
}
