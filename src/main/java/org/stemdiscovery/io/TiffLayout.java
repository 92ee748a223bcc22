package org.stemdiscovery.io;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Byte layout of an ImageJ-style TIFF: header, first IFD with ImageJ's description and Info, the pixel
 * data of all planes back to back, then one small IFD per further plane.
 */
final class TiffLayout {

	private static final int SHORT = 3, LONG = 4, ASCII = 2, BYTE = 1;

	private final int width, height, planes, bits;
	private final byte[] description;
	private final byte[] metaData;
	private final int metaHeader;

	TiffLayout(int width, int height, int planes, int bits, Map<String, String> info) {
		this.width = width;
		this.height = height;
		this.planes = planes;
		this.bits = bits;
		String d = "ImageJ=1.54p\n" + (planes > 1 ? "images=" + planes + "\nslices=" + planes + "\nloop=false\n" : "");
		this.description = (d + '\0').getBytes(StandardCharsets.US_ASCII);
		if (info.isEmpty()) {
			metaData = null;
			metaHeader = 0;
		}
		else {
			byte[] text = Tiff.formatInfo(info).getBytes(StandardCharsets.UTF_16BE);
			metaHeader = 4 + 8;
			java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(metaHeader + text.length);
			b.putInt(Tiff.IJ_MAGIC).putInt(Tiff.IJ_INFO).putInt(1).put(text);
			metaData = b.array();
		}
	}

	long pixels() {
		return (long) width * height * planes;
	}

	private int firstEntries() {
		return 11 + 1 + (metaData != null ? 2 : 0); // base tags + description + ImageJ metadata pair
	}

	private static int ifdSize(int entries) {
		return 2 + 12 * entries + 4;
	}

	void write(DataOutputStream out, float[] floats, byte[] bytes) throws IOException {
		long planeBytes = (long) width * height * bits / 8;
		long ifd0 = 8;
		long descAt = ifd0 + ifdSize(firstEntries());
		long countsAt = descAt + description.length;
		long metaAt = countsAt + (metaData != null ? 8 : 0);
		long pixelsAt = metaAt + (metaData != null ? metaData.length : 0);
		long restAt = pixelsAt + planeBytes * planes;
		if (restAt + (long) ifdSize(11) * planes > 0xFFFFFFFFL)
			throw new IOException("the image is larger than 4 GB, beyond what a classic TIFF holds");

		out.writeShort(0x4d4d); // "MM": big-endian, as ImageJ writes
		out.writeShort(42);
		out.writeInt((int) ifd0);

		Ifd first = new Ifd(out, firstEntries());
		writeHead(first);
		first.entry(270, ASCII, description.length, descAt);
		writeTail(first, pixelsAt);
		if (metaData != null) {
			first.entry(Tiff.IJ_META_COUNTS, LONG, 2, countsAt);
			first.entry(Tiff.IJ_META_DATA, BYTE, metaData.length, metaAt);
		}
		first.end(planes > 1 ? restAt : 0);
		out.write(description);
		if (metaData != null) {
			out.writeInt(metaHeader);
			out.writeInt(metaData.length - metaHeader);
			out.write(metaData);
		}
		if (floats != null) {
			for (float v : floats)
				out.writeFloat(v);
		}
		else {
			out.write(bytes);
		}
		for (int p = 1; p < planes; p++) {
			Ifd ifd = new Ifd(out, 11);
			writeHead(ifd);
			writeTail(ifd, pixelsAt + p * planeBytes);
			ifd.end(p + 1 < planes ? restAt + (long) p * ifdSize(11) : 0);
		}
	}

	/** Tags 254..262; TIFF requires entries in ascending tag order, so 270 (description) comes next. */
	private void writeHead(Ifd ifd) throws IOException {
		ifd.entry(254, LONG, 1, 0);
		ifd.entry(256, LONG, 1, width);
		ifd.entry(257, LONG, 1, height);
		ifd.entry(258, SHORT, 1, bits);
		ifd.entry(259, SHORT, 1, 1);
		ifd.entry(262, SHORT, 1, 1);
	}

	/** Tags 273..339, after the optional description. */
	private void writeTail(Ifd ifd, long stripAt) throws IOException {
		ifd.entry(273, LONG, 1, stripAt);
		ifd.entry(277, SHORT, 1, 1);
		ifd.entry(278, LONG, 1, height);
		ifd.entry(279, LONG, 1, (long) width * height * bits / 8);
		ifd.entry(339, SHORT, 1, bits == 32 ? 3 : 1);
	}

	/** Writes one IFD's entries; SHORT values sit left-justified in the 4-byte value field. */
	private static final class Ifd {
		private final DataOutputStream out;

		Ifd(DataOutputStream out, int entries) throws IOException {
			this.out = out;
			out.writeShort(entries);
		}

		void entry(int tag, int type, int count, long value) throws IOException {
			out.writeShort(tag);
			out.writeShort(type);
			out.writeInt(count);
			if (type == SHORT && count == 1) {
				out.writeShort((int) value);
				out.writeShort(0);
			}
			else {
				out.writeInt((int) value);
			}
		}

		void end(long next) throws IOException {
			out.writeInt((int) next);
		}
	}
}
