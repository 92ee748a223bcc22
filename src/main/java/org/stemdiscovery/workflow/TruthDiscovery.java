package org.stemdiscovery.workflow;

import java.util.List;

import org.stemdiscovery.bo.StepRecord;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.InputException;

/**
 * Judges an experiment against a ground-truth mask in image pixels (synthetic images): after each step, the
 * share of mask pixels within {@code radius} image pixels of a measured point, a point on the target grid
 * standing for its cell's centre in the image.
 */
public final class TruthDiscovery {

	private TruthDiscovery() {}

	public static double[] perStep(byte[] mask, int width, int height, Grid grid, List<StepRecord> steps,
		double radius) {
		if (mask.length != width * height) throw new InputException("the mask has " + mask.length + " pixels, the image " +
			width + " x " + height);
		int total = 0;
		for (byte b : mask)
			total += b != 0 ? 1 : 0;
		if (total == 0) throw new InputException("the ground-truth mask is empty; nothing can be discovered");
		boolean[] seen = new boolean[mask.length];
		int found = 0, r = (int) Math.ceil(radius);
		double r2 = radius * radius;
		double[] out = new double[steps.size()];
		for (int s = 0; s < steps.size(); s++) {
			StepRecord step = steps.get(s);
			for (int i = 0; i < step.x().length; i++) {
				double cx = grid.centreX(step.x()[i]), cy = grid.centreY(step.y()[i]);
				for (int y = Math.max(0, (int) Math.floor(cy - r)); y <= Math.min(height - 1, (int) Math.ceil(cy + r)); y++)
					for (int x = Math.max(0, (int) Math.floor(cx - r)); x <= Math.min(width - 1, (int) Math.ceil(cx + r)); x++) {
						int p = y * width + x;
						if (!seen[p] && (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r2) {
							seen[p] = true;
							if (mask[p] != 0) found++;
						}
					}
			}
			out[s] = (double) found / total;
		}
		return out;
	}
}
