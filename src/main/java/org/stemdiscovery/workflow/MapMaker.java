package org.stemdiscovery.workflow;

import java.util.Map;

import org.stemdiscovery.image.Progress;

/** The descriptor stage of a workflow: an image in, candidate target maps out. */
public interface MapMaker {

	/** Which workflow this is, for the report ("1: sliding FFT → NMF"). */
	String name();

	/** @param image row-major pixels of a {@code width × height} image */
	CandidateMaps make(float[] image, int width, int height, Progress progress);

	/** The stage's parameters, for the run record. */
	Map<String, Object> parameters();
}
