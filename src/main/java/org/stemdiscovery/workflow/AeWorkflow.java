package org.stemdiscovery.workflow;

import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.bo.Experiment;
import org.stemdiscovery.bo.Run;
import org.stemdiscovery.bo.SimulatedMicroscope;
import org.stemdiscovery.bo.TimeModel;
import org.stemdiscovery.image.Progress;

/**
 * An automated experiment from an image: the descriptor stage makes candidate maps, one becomes the target
 * (the user's choice, or the one with the most spatial contrast), and a simulated microscope that reveals
 * the target only where the beam goes is steered by Bayesian optimization over the map's grid.
 */
public final class AeWorkflow {

	private final MapMaker maker;
	private final int mapIndex;
	private final BoSettings bo;

	/**
	 * @param mapIndex the candidate map to use, 1-based; 0 chooses automatically
	 */
	public AeWorkflow(MapMaker maker, int mapIndex, BoSettings bo) {
		if (mapIndex < 0) throw new org.stemdiscovery.image.InputException("map " + mapIndex +
			" must be 0 (automatic) or a map number from 1");
		this.maker = maker;
		this.mapIndex = mapIndex;
		this.bo = bo;
	}

	/**
	 * @param truthMask ground-truth feature in image pixels to judge the run against; null without one
	 */
	public WorkflowResult run(float[] image, int width, int height, byte[] truthMask, Progress progress) {
		CandidateMaps maps = maker.make(image, width, height, progress);
		progress.checkCancelled();
		MapSelector.Selection selection = new MapSelector(1).select(maps.maps(), maps.width(), maps.height(), maps.count());
		int chosen = mapIndex == 0 ? selection.index() : mapIndex - 1;
		float[] target = maps.map(chosen);
		progress.report(0.5, "Bayesian optimization on " + maps.names().get(chosen));
		Run run = new Experiment(bo).run(new SimulatedMicroscope(target, maps.width(), maps.height(), bo
			.measurementNoise(), bo.seed(), TimeModel.defaults()), target, true, progress, null);
		double radius = bo.effectiveDiscoveryRadius() * maps.grid().step();
		double[] truth = truthMask == null ? null : TruthDiscovery.perStep(truthMask, width, height, maps.grid(), run
			.steps(), radius);
		return new WorkflowResult(maker.name(), maps, selection, chosen, mapIndex == 0, target, run, truth, radius);
	}
}
