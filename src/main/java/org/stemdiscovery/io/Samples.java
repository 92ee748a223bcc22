package org.stemdiscovery.io;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.nio.file.Path;
import java.util.List;

import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Memory;

/**
 * Turns the JDK reader's rasters into floats, row by row straight into the image's one buffer, with the sample
 * formats the JDK leaves as raw bits converted: 16-bit half floats (the JDK gives their bit patterns as
 * unsigned shorts), signed 8-bit (given as unsigned bytes), unsigned 32-bit (given as signed ints) and 64-bit
 * floats (refused where a value is beyond the 32-bit range).
 */
final class Samples {

	private Samples() {}

	static void copy(Raster r, int band, TiffDirectories.Plane p, float[] dest, int at, Path path) {
		int w = r.getWidth(), h = r.getHeight(), x0 = r.getMinX(), y0 = r.getMinY();
		int type = r.getDataBuffer().getDataType();
		if (p.format() == TiffDirectories.FLOAT && p.bits() == 16 && type != DataBuffer.TYPE_FLOAT && type != DataBuffer.TYPE_DOUBLE) {
			int[] row = new int[w];
			for (int y = 0; y < h; y++) {
				r.getSamples(x0, y0 + y, w, 1, band, row);
				for (int x = 0; x < w; x++)
					dest[at + y * w + x] = half(row[x] & 0xFFFF);
			}
		}
		else if (p.format() == TiffDirectories.INT && p.bits() == 8 || p.format() == TiffDirectories.UINT && p.bits() == 32) {
			boolean signedByte = p.bits() == 8;
			int[] row = new int[w];
			for (int y = 0; y < h; y++) {
				r.getSamples(x0, y0 + y, w, 1, band, row);
				for (int x = 0; x < w; x++)
					dest[at + y * w + x] = signedByte ? (byte) row[x] : (float) (row[x] & 0xFFFFFFFFL);
			}
		}
		else if (p.format() == TiffDirectories.FLOAT && p.bits() == 64) {
			double[] row = new double[w];
			for (int y = 0; y < h; y++) {
				r.getSamples(x0, y0 + y, w, 1, band, row);
				for (int x = 0; x < w; x++) {
					if (Math.abs(row[x]) > Float.MAX_VALUE && Double.isFinite(row[x])) throw new InputException(path +
						": the 64-bit value " + row[x] + " at x=" + x + ", y=" + y + " is beyond the 32-bit float range " +
						"this program computes in; rescale the image in Fiji first");
					dest[at + y * w + x] = (float) row[x];
				}
			}
		}
		else {
			float[] row = new float[w];
			for (int y = 0; y < h; y++) {
				r.getSamples(x0, y0 + y, w, 1, band, row);
				System.arraycopy(row, 0, dest, at + y * w, w);
			}
		}
	}

	/** An IEEE 754 half-precision bit pattern as a float (Java 17 has no Float.float16ToFloat yet). */
	static float half(int bits) {
		int sign = bits >>> 15 & 1, exp = bits >>> 10 & 0x1f, mant = bits & 0x3ff;
		float v;
		if (exp == 0) v = mant * 0x1p-24f; // zero and subnormals
		else if (exp == 31) v = mant == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
		else v = Float.intBitsToFloat(exp - 15 + 127 << 23 | mant << 13);
		return sign == 1 ? -v : v;
	}

	/**
	 * Refuses an image whose floats (plus the largest plane as the JDK decodes it) would not fit in
	 * {@code available} bytes, or would not fit in one Java array, before anything is allocated.
	 */
	static void checkFits(String name, List<TiffDirectories.Plane> layout, long available) {
		long values = 0, decoded = 0;
		for (TiffDirectories.Plane p : layout) {
			values += p.values();
			decoded = Math.max(decoded, p.nativeBytes());
			if (values > Memory.MAX_ARRAY) break;
		}
		TiffDirectories.Plane first = layout.get(0);
		String dims = first.width() + " x " + first.height() + " px" + (layout.size() > 1 || first.samples() > 1 ?
			" x " + (layout.size() > 1 ? layout.size() + " planes" : first.samples() + " samples") : "");
		if (values > Memory.MAX_ARRAY) throw new InputException(name + " is " + dims + ", more than the " +
			Memory.MAX_ARRAY + " values one image can hold here; crop or bin it in Fiji first");
		double perValue = 4 + (double) decoded / Math.max(1, first.values());
		long fitsValues = (long) (Math.max(0, available) / perValue);
		Memory.require("reading " + name + " (" + dims + ")", 4 * values + decoded, available, "about " + fitsValues /
			1_000_000 + " million pixels fit (one plane of " + Memory.largestSquare(available, perValue) + " x " +
			Memory.largestSquare(available, perValue) + " px)");
	}
}
