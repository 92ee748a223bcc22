package org.stemdiscovery.bo;

import java.util.Arrays;
import java.util.function.IntConsumer;

import org.stemdiscovery.gp.CandidatePosterior;

/**
 * Picks the next q points from a posterior (the optimiser of the BoTorch split): scores every unmeasured
 * candidate with the acquisition, minus {@code λ·distance} from the previous point of the path when a travel
 * cost is set, and takes the best one q times, by kriging believer or local penalisation. The chosen points
 * are appended to the posterior without values (rows {@code size() − q … size() − 1}, in pick order); the caller
 * fills in the measured values with {@link CandidatePosterior#setValue}.
 */
public final class BatchSelector {

	/** Relative variance change below which a fantasy does not trigger rescoring (saves the CDF/exp calls). */
	private static final double RESCORE = 1e-12;
	/** Relative score difference treated as a tie by the lazy believer. */
	private static final double TIE = 1e-12;

	private final Acquisition acquisition;
	private final BatchMode mode;
	private final double exclusionRadius;
	private final double travelCost;

	public BatchSelector(Acquisition acquisition, BatchMode mode, double exclusionRadius, double travelCost) {
		if (!(exclusionRadius >= 0)) throw new IllegalArgumentException("exclusion radius must be ≥ 0");
		if (!(travelCost >= 0)) throw new IllegalArgumentException("travel cost must be ≥ 0");
		this.acquisition = acquisition;
		this.mode = mode;
		this.exclusionRadius = exclusionRadius;
		this.travelCost = travelCost;
	}

	/**
	 * @param measured true for candidates measured already (never chosen again); chosen ones are set true
	 * @param best     best measured value (highest when maximising, lowest when minimising)
	 * @return candidate indices in pick order
	 */
	public int[] select(CandidatePosterior p, boolean[] measured, int q, double best, double beamX, double beamY) {
		return select(p, null, measured, q, best, beamX, beamY);
	}

	/**
	 * As {@link #select(CandidatePosterior, boolean[], int, double, double, double)} for a GP of residuals about a
	 * known prior mean (the survey's map at a microscope): the acquisition scores {@code prior + mean}.
	 *
	 * @param prior per candidate, added to the posterior mean; null for none
	 */
	public int[] select(CandidatePosterior p, double[] prior, boolean[] measured, int q, double best, double beamX,
		double beamY) {
		return select(p, prior, measured, q, best, beamX, beamY, null);
	}

	/**
	 * As above, telling {@code onPick} of each pick before the next is chosen; it may mark further candidates in
	 * {@code measured} (those a pick's patch covers), which are then not chosen in this batch. The batch is
	 * shorter than {@code q} when that leaves no candidate.
	 */
	public int[] select(CandidatePosterior p, double[] prior, boolean[] measured, int q, double best, double beamX,
		double beamY, IntConsumer onPick) {
		int m = p.candidates();
		double[] mean = p.mean();
		if (prior != null) for (int c = 0; c < m; c++)
			mean[c] += prior[c];
		double scale = p.scale();
		double[] acq = new double[m];
		p.parallel((from, to) -> {
			for (int c = from; c < to; c++)
				acq[c] = acquisition.score(mean[c], scale * Math.sqrt(Math.max(0, p.normalisedVariance(c))), best);
		});
		if (mode == BatchMode.KRIGING_BELIEVER && travelCost == 0 && acquisition.nonDecreasingInStd())
			return lazyBeliever(p, acq, mean, scale, measured, q, best, onPick);
		int[] picks = new int[q];
		double px = beamX, py = beamY;
		double r2 = exclusionRadius * exclusionRadius;
		double threshold = RESCORE * p.priorVariance();
		for (int k = 0; k < q; k++) {
			int pick = argmax(p, acq, measured, px, py, k, picks, mode == BatchMode.LOCAL_PENALISATION ? r2 : 0);
			if (pick < 0) pick = argmax(p, acq, measured, px, py, k, picks, 0); // exclusion left nothing: relax it
			if (pick < 0 && k > 0) { // the picks' listener closed the rest: a shorter batch
				picks = Arrays.copyOf(picks, k);
				break;
			}
			if (pick < 0) throw new IllegalStateException("no unmeasured candidate left for point " + (k + 1) + " of " + q);
			picks[k] = pick;
			measured[pick] = true;
			if (onPick != null) onPick.accept(pick);
			px = p.candidateX(pick);
			py = p.candidateY(pick);
			if (mode == BatchMode.KRIGING_BELIEVER) {
				boolean last = k == q - 1;
				p.add(px, py, last ? null : (from, to, v) -> {
					for (int c = from; c < to; c++)
						if (v[c] * v[c] > threshold)
							acq[c] = acquisition.score(mean[c], scale * Math.sqrt(Math.max(0, p.normalisedVariance(c))), best);
				});
			}
		}
		if (mode == BatchMode.LOCAL_PENALISATION) {
			double[] xs = new double[picks.length], ys = new double[picks.length];
			for (int k = 0; k < picks.length; k++) {
				xs[k] = p.candidateX(picks[k]);
				ys[k] = p.candidateY(picks[k]);
			}
			p.addAll(xs, ys, null);
		}
		return picks;
	}

	/**
	 * Kriging believer with lazy rescoring: a fantasy only lowers the variance, so with an acquisition that
	 * does not grow as the standard deviation falls, the old scores bound the new ones. Candidates come off a
	 * heap of bounds and are rescored exactly (at n·k cost each) until the best exact score beats every bound;
	 * that is the same argmax as rescoring all candidates, found after a few hundred candidates instead of M.
	 * The q variance rows are then appended in one pass.
	 */
	private int[] lazyBeliever(CandidatePosterior p, double[] acq, double[] mean, double scale, boolean[] measured,
		int q, double best, IntConsumer onPick) {
		CandidatePosterior.Batch batch = p.beginBatch(q);
		ScoreHeap heap = new ScoreHeap(acq, measured);
		int[] fresh = new int[acq.length]; // fantasies already applied to acq[c]
		int[] picks = new int[q];
		for (int k = 0; k < q; k++) {
			while (true) {
				if (heap.isEmpty()) {
					if (k == 0) throw new IllegalStateException("no unmeasured candidate left");
					batch.commit(); // the picks' listener closed the rest: a shorter batch
					return Arrays.copyOf(picks, k);
				}
				int c = heap.top();
				if (measured[c]) { // closed by an earlier pick's listener
					heap.pop();
					continue;
				}
				if (fresh[c] == k) {
					picks[k] = heap.pop();
					break;
				}
				double bound = acq[c];
				acq[c] = acquisition.score(mean[c], scale * Math.sqrt(Math.max(0, batch.variance(c))), best);
				fresh[c] = k;
				// Unchanged within rounding: c still beats every other bound by more than 1e-12 relative. Without
				// this, a plateau of equal scores that a far fantasy lowers in the last bit would be rescored
				// candidate by candidate.
				if (acq[c] >= bound - TIE * Math.abs(bound)) {
					picks[k] = heap.pop();
					break;
				}
				heap.topChanged();
			}
			measured[picks[k]] = true;
			if (onPick != null) onPick.accept(picks[k]);
			batch.add(p.candidateX(picks[k]), p.candidateY(picks[k]));
		}
		batch.commit();
		return picks;
	}

	private int argmax(CandidatePosterior p, double[] acq, boolean[] measured, double px, double py, int taken,
		int[] picks, double exclusion2) {
		int best = -1;
		double bestScore = Double.NEGATIVE_INFINITY;
		for (int c = 0; c < acq.length; c++) {
			if (measured[c]) continue;
			double s = acq[c];
			double x = p.candidateX(c), y = p.candidateY(c);
			if (travelCost > 0) s -= travelCost * Math.hypot(x - px, y - py);
			if (!(s > bestScore)) continue;
			if (exclusion2 > 0 && near(p, x, y, picks, taken, exclusion2)) continue;
			best = c;
			bestScore = s;
		}
		return best;
	}

	private static boolean near(CandidatePosterior p, double x, double y, int[] picks, int taken, double r2) {
		for (int k = 0; k < taken; k++) {
			double dx = p.candidateX(picks[k]) - x, dy = p.candidateY(picks[k]) - y;
			if (dx * dx + dy * dy < r2) return true;
		}
		return false;
	}
}
