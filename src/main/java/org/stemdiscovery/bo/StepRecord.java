package org.stemdiscovery.bo;

import org.stemdiscovery.gp.Hyperparameters;

/**
 * One step of an experiment (step 0 = the seed points): the points measured in it in beam order and the state
 * after measuring them.
 *
 * @param points           points measured so far, this step included
 * @param mean             GP posterior mean over the grid (null when maps are not kept)
 * @param std              GP posterior standard deviation over the grid (null when maps are not kept)
 * @param ssim             SSIM(mean, target), data range of the target
 * @param meanStd          mean of the standard deviation map
 * @param discovered       share of the feature pixels within the discovery radius of a measured point
 * @param pathLength       beam path of this step in px, from the beam's previous position
 * @param computeSeconds   fit or update, mean and standard deviation over all candidates, batch selection
 * @param instrumentSeconds microscope time so far (moves, settling, dwell)
 */
public record StepRecord(int step, int points, int[] x, int[] y, double[] values, float[] mean, float[] std,
	double ssim, double meanStd, double discovered, double pathLength, double computeSeconds, double instrumentSeconds,
	Hyperparameters hyperparameters) {}
