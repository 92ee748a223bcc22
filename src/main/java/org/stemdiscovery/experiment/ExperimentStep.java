package org.stemdiscovery.experiment;

import org.stemdiscovery.gp.Hyperparameters;

/**
 * One batch of an experiment, after its measurements came back. Positions are patch centres in image pixels.
 *
 * @param measurements   measurements so far, this batch included
 * @param ids            the batch's point ids in beam order
 * @param values         the model's value of each patch (the target)
 * @param mean           GP mean over the candidates after the batch (prior included), or null when not kept
 * @param std            GP standard deviation over the candidates, or null when not kept
 * @param meanStd        mean of the standard deviation over the candidates
 * @param electrons      electrons delivered so far, survey included
 * @param instrumentSeconds instrument clock when the batch's last patch was finished
 * @param decisionSeconds refit, batch selection and path ordering of this batch
 * @param encodeSeconds  turning the batch's patches into values (and learning from them, when the model learns)
 * @param pathPx         beam path of this batch in px, from where the beam was
 */
public record ExperimentStep(int step, int measurements, int[] ids, double[] x, double[] y, double[] values,
	float[] mean, float[] std, double meanStd, double electrons, double instrumentSeconds, double decisionSeconds,
	double encodeSeconds, double pathPx, Hyperparameters hyperparameters) {}
