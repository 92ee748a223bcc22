package org.stemdiscovery.fiji;

import ij.measure.Calibration;
import ij.measure.ResultsTable;

import org.stemdiscovery.image.Grid;

/** The window positions of a {@link Grid} as a ResultsTable, one row per window, stable column names. */
final class WindowTable {

	private WindowTable() {}

	static ResultsTable of(Grid grid, Calibration cal) {
		ResultsTable rt = new ResultsTable(grid.size());
		for (int i = 0; i < grid.size(); i++) {
			int r = grid.row(i), c = grid.col(i);
			rt.setValue("Window", i, i + 1);
			rt.setValue("Row", i, r);
			rt.setValue("Col", i, c);
			rt.setValue("X", i, grid.centreX(c));
			rt.setValue("Y", i, grid.centreY(r));
			rt.setValue("Left", i, grid.left(c));
			rt.setValue("Top", i, grid.top(r));
			if (cal.scaled()) {
				rt.setValue("X (" + cal.getUnit() + ")", i, cal.getX(grid.centreX(c)));
				rt.setValue("Y (" + cal.getUnit() + ")", i, cal.getY(grid.centreY(r)));
			}
		}
		rt.showRowNumbers(false);
		return rt;
	}
}
