package org.stemdiscovery.fiji;

import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.LUT;

import org.stemdiscovery.decompose.GridRaster;
import org.stemdiscovery.image.Grid;

/**
 * A map on a window grid laid over its source image: interpolated from the window centres to every pixel,
 * coloured with ImageJ's Fire LUT, 45 % opaque, replacing only the overlay element of the same name.
 */
final class MapOverlay {

	private MapOverlay() {}

	static Overlay over(Overlay existing, Grid grid, double[] values, String name) {
		float[] map = GridRaster.toPixels(values, grid);
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (float v : map) {
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		byte[] scaled = new byte[map.length];
		for (int i = 0; i < map.length; i++)
			scaled[i] = (byte) (hi > lo ? Math.round(255 * (map[i] - lo) / (hi - lo)) : 0);
		ByteProcessor bp = new ByteProcessor(grid.sourceWidth(), grid.sourceHeight(), scaled);
		bp.setLut(fire());
		ColorProcessor colour = (ColorProcessor) bp.convertToRGB();
		ImageRoi roi = new ImageRoi(0, 0, colour);
		roi.setOpacity(0.45);
		roi.setName(name);
		Overlay o = existing != null ? existing : new Overlay();
		for (int i = o.size() - 1; i >= 0; i--)
			if (name.equals(o.get(i).getName())) o.remove(i);
		o.add(roi);
		return o;
	}

	/** ImageJ's Fire look-up table (black, blue, red, yellow, white), built without the LutLoader. */
	static LUT fire() {
		int[] r = { 0, 0, 1, 25, 49, 73, 98, 122, 146, 162, 173, 184, 195, 207, 217, 229, 240, 252, 255, 255, 255, 255,
			255, 255, 255, 255, 255, 255, 255, 255, 255, 255 };
		int[] g = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 14, 35, 57, 79, 101, 117, 133, 147, 161, 175, 190, 205, 219,
			234, 248, 255, 255, 255, 255 };
		int[] b = { 0, 61, 96, 130, 165, 192, 220, 227, 210, 181, 151, 122, 93, 64, 35, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
			0, 35, 98, 160, 223, 255 };
		byte[] rr = new byte[256], gg = new byte[256], bb = new byte[256];
		for (int i = 0; i < 256; i++) {
			double x = i * (r.length - 1) / 255.0;
			int a = (int) Math.floor(x), c = Math.min(a + 1, r.length - 1);
			double f = x - a;
			rr[i] = (byte) Math.round(r[a] * (1 - f) + r[c] * f);
			gg[i] = (byte) Math.round(g[a] * (1 - f) + g[c] * f);
			bb[i] = (byte) Math.round(b[a] * (1 - f) + b[c] * f);
		}
		return new LUT(rr, gg, bb);
	}
}
