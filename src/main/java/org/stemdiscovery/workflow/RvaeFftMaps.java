package org.stemdiscovery.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stemdiscovery.fft.FftStack;
import org.stemdiscovery.fft.SlidingFft;
import org.stemdiscovery.fft.SlidingFftSettings;
import org.stemdiscovery.image.Images;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.vae.LatentMaps;
import org.stemdiscovery.vae.PatchStack;

/** Workflow 2's descriptor stage: sliding FFT, then an rVAE; latent maps on the window grid are the candidates. */
public final class RvaeFftMaps implements MapMaker {

	private final SlidingFftSettings fft;
	private final RvaeEncoding rvae;
	private final int threads;

	public RvaeFftMaps(SlidingFftSettings fft, RvaeEncoding rvae, int threads) {
		this.fft = fft;
		this.rvae = rvae;
		this.threads = threads;
	}

	@Override
	public String name() {
		return "2: sliding FFT → rVAE latent";
	}

	@Override
	public CandidateMaps make(float[] image, int width, int height, Progress progress) {
		progress.report(0, "sliding FFT");
		FftStack stack = new SlidingFft(fft, threads).compute(Images.wrap(image.clone(), width, height), progress);
		progress.report(0.1, "training the rVAE on " + stack.size() + " local FFTs");
		PatchStack patches = new PatchStack(stack.data(), stack.frameSize(), stack.frameSize(), stack.size());
		RvaeEncoding.Result r = rvae.encode(patches, progress);
		List<String> names = new ArrayList<>();
		float[] maps = LatentCandidates.withEdges(LatentMaps.onGrid(r.latents(), stack.grid()), stack.grid().cols(), stack
			.grid().rows(), r.latents(), names);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("finalLoss", r.history().finalLoss());
		details.put("epochs", r.history().epochs());
		return new CandidateMaps(name(), maps, names.size(), stack.grid(), names, details);
	}

	@Override
	public Map<String, Object> parameters() {
		Map<String, Object> p = new LinkedHashMap<>(fft.toProperties());
		p.put("rvae", rvae.parameters());
		return p;
	}
}
