package org.stemdiscovery.fiji;

import java.util.List;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.stemdiscovery.command.FloatImage;
import org.stemdiscovery.command.Table;

/** The Fiji door's rendering of a task's neutral results: images as ImagePlus with their Info, tables as ResultsTables. */
final class Render {

	private Render() {}

	/** A 32-bit stack titled {@code <source>-<suffix>} with the image's Info. */
	static ImagePlus image(FloatImage img, String sourceShortTitle) {
		ImagePlus imp = ImagePlusImages.floatStack(sourceShortTitle + "-" + img.suffix(), img.data(), img.width(), img
			.height(), img.planes());
		ImagePlusImages.putInfo(imp, img.info());
		return imp;
	}

	/** A ResultsTable with the table's columns (empty cells stay empty), shown under the table's title by the bridge. */
	static ResultsTable table(Table t) {
		ResultsTable rt = new ResultsTable(t.size());
		for (int r = 0; r < t.size(); r++) {
			List<Object> row = t.rows().get(r);
			for (int c = 0; c < row.size(); c++) {
				Object v = row.get(c);
				if (v instanceof Number n) rt.setValue(t.columns().get(c), r, n.doubleValue());
				else if (v != null) rt.setValue(t.columns().get(c), r, v.toString());
			}
		}
		rt.showRowNumbers(false);
		return rt;
	}
}
