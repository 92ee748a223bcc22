package org.stemdiscovery.experiment;

import java.util.ArrayList;
import java.util.List;

/** A microscope in front of another that keeps a copy of everything it hands out. */
final class RecordingMicroscope implements Microscope {

	final Microscope inner;
	final List<Frame> surveys = new ArrayList<>();
	final List<PatchRequest> requests = new ArrayList<>();
	final List<Measurement> measurements = new ArrayList<>();
	final List<Integer> batchSizes = new ArrayList<>();

	RecordingMicroscope(Microscope inner) {
		this.inner = inner;
	}

	@Override
	public int width() {
		return inner.width();
	}

	@Override
	public int height() {
		return inner.height();
	}

	@Override
	public double pixelSizeNm() {
		return inner.pixelSizeNm();
	}

	@Override
	public double electronsPerMicrosecond() {
		return inner.electronsPerMicrosecond();
	}

	@Override
	public Frame survey(double dwellUs, int binning) {
		Frame f = inner.survey(dwellUs, binning);
		surveys.add(new Frame(f.pixels().clone(), f.width(), f.height(), f.pixelSizeNm(), f.dosePerPixel(), f.seconds(), f
			.binning()));
		return f;
	}

	@Override
	public List<Measurement> acquire(List<PatchRequest> batch) {
		requests.addAll(batch);
		batchSizes.add(batch.size());
		List<Measurement> ms = inner.acquire(batch);
		for (Measurement m : ms)
			measurements.add(new Measurement(m.id(), m.left(), m.top(), m.size(), m.pixels().clone(), m.dosePerPixel(), m
				.seconds()));
		return ms;
	}

	@Override
	public double elapsedSeconds() {
		return inner.elapsedSeconds();
	}
}
