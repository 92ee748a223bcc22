package org.stemdiscovery.fiji;

import java.awt.Color;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.gui.Roi;

import org.stemdiscovery.image.Grid;

/**
 * Draws a window grid on the source image: a dot at every window centre, the first window's outline and
 * the region the windows cover. Overlapping windows would be unreadable as outlines. Replaces only the
 * elements this class drew before, so the user's own overlay stays.
 */
final class GridOverlay {

	static final String NAME = "stem-discovery grid";

	private GridOverlay() {}

	static void draw(ImagePlus imp, Grid grid) {
		Overlay overlay = imp.getOverlay() != null ? imp.getOverlay() : new Overlay();
		for (int i = overlay.size() - 1; i >= 0; i--)
			if (NAME.equals(overlay.get(i).getName())) overlay.remove(i);
		float[] xs = new float[grid.size()], ys = new float[grid.size()];
		for (int i = 0; i < grid.size(); i++) {
			xs[i] = (float) (grid.centreX(grid.col(i)) + 0.5); // ImageJ overlays count from the pixel's corner
			ys[i] = (float) (grid.centreY(grid.row(i)) + 0.5);
		}
		PointRoi centres = new PointRoi(xs, ys, grid.size());
		centres.setPointType(PointRoi.DOT);
		centres.setSize(1);
		centres.setStrokeColor(Color.YELLOW);
		Roi first = new Roi(grid.left(0), grid.top(0), grid.window(), grid.window());
		first.setStrokeColor(Color.CYAN);
		int w = grid.left(grid.cols() - 1) + grid.window() - grid.left(0);
		int h = grid.top(grid.rows() - 1) + grid.window() - grid.top(0);
		Roi covered = new Roi(grid.left(0), grid.top(0), w, h);
		covered.setStrokeColor(Color.MAGENTA);
		for (Roi r : new Roi[] { centres, first, covered }) {
			r.setName(NAME);
			overlay.add(r);
		}
		imp.setOverlay(overlay);
	}
}
