package org.stemdiscovery.workflow;

import org.stemdiscovery.bo.Run;

/**
 * Everything a workflow run produced, in the order it was made.
 *
 * @param chosen          index of the map that became the target
 * @param autoChosen      true when {@link MapSelector} chose it, false when the user did
 * @param target          the target map (the chosen candidate), on {@code maps.grid()}
 * @param truthDiscovered per step, the share of a ground-truth mask (image pixels) discovered; null without one
 */
public record WorkflowResult(String workflow, CandidateMaps maps, MapSelector.Selection selection, int chosen,
	boolean autoChosen, float[] target, Run run, double[] truthDiscovered, double truthRadius) {

	/** Points measured until {@code share} of the ground-truth mask was discovered, or -1 if never. */
	public int pointsToTruth(double share) {
		if (truthDiscovered == null) return -1;
		for (int s = 0; s < truthDiscovered.length; s++)
			if (truthDiscovered[s] >= share) return run.steps().get(s).points();
		return -1;
	}
}
