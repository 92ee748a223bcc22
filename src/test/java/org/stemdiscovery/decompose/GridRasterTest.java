package org.stemdiscovery.decompose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.stemdiscovery.image.Grid;

/** Per-window values put back on image pixels. */
class GridRasterTest {

	/** A plane through the window centres is reproduced exactly between them and held constant beyond them. */
	@Test
	void aLinearMapIsInterpolatedExactlyBetweenCentresAndHeldOutside() {
		Grid grid = new Grid(3, 5, 8, 16, 6, 4, 70, 50); // centres x = 10.5 + 8c, y = 12.5 + 8r
		double[] v = new double[grid.size()];
		for (int i = 0; i < v.length; i++)
			v[i] = 2 * grid.centreX(grid.col(i)) - 0.5 * grid.centreY(grid.row(i)) + 1;
		float[] px = GridRaster.toPixels(v, grid);
		for (int y = 0; y < 50; y++)
			for (int x = 0; x < 70; x++) {
				double cx = Math.min(Math.max(x, grid.centreX(0)), grid.centreX(grid.cols() - 1));
				double cy = Math.min(Math.max(y, grid.centreY(0)), grid.centreY(grid.rows() - 1));
				assertEquals(2 * cx - 0.5 * cy + 1, px[y * 70 + x], 1e-4, "pixel " + x + "," + y);
			}
	}

	@Test
	void aSingleWindowFillsTheImage() {
		Grid grid = new Grid(0, 0, 4, 8, 1, 1, 8, 8);
		float[] px = GridRaster.toPixels(new double[] { 0.25 }, grid);
		for (float p : px)
			assertEquals(0.25f, p);
	}
}
