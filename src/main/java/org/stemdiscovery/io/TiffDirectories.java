package org.stemdiscovery.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Memory;

/**
 * The directory chain of a classic TIFF, walked before any pixel is read, with every offset and count checked
 * against the file's size: a chain that loops back on itself, a tag that declares more values than the file
 * holds, pixel data that runs past the end (a truncated file), and sample formats the reader cannot convert
 * correctly are refused here with one line naming the file, so the JDK's reader only ever sees a file whose
 * structure is sound and never loops or allocates what a damaged header declares.
 */
final class TiffDirectories {

	static final int WIDTH = 256, HEIGHT = 257, BITS = 258, COMPRESSION = 259, PHOTOMETRIC = 262,
		STRIP_OFFSETS = 273, SAMPLES = 277, STRIP_BYTES = 279, PLANAR = 284, TILE_OFFSETS = 324, TILE_BYTES = 325,
		SAMPLE_FORMAT = 339;

	/** Sample formats (tag 339). */
	static final int UINT = 1, INT = 2, FLOAT = 3, VOID = 4;

	/** At most this many strips or tiles per plane (one per row of a 16-million-row image). */
	private static final long MAX_CHUNKS = 1 << 24;

	/** One directory's plane: what the reader needs to know to read and convert it. */
	record Plane(long width, long height, int bits, int samples, int format, int photometric, int compression) {

		/** Samples this plane adds to the image (one image plane per sample). */
		long values() {
			return width * height * samples;
		}

		/** Bytes of the decoded plane as the JDK's reader holds it (at least a byte per sample). */
		long nativeBytes() {
			return values() * Math.max(1, (bits + 7) / 8);
		}
	}

	private final String name;
	private final FileChannel ch;
	private final long size;
	private ByteOrder order;

	private TiffDirectories(String name, FileChannel ch) throws IOException {
		this.name = name;
		this.ch = ch;
		this.size = ch.size();
	}

	/** Whether the first bytes are a TIFF header (classic or BigTIFF), either byte order. */
	static boolean isTiff(FileChannel ch) throws IOException {
		if (ch.size() < 4) return false;
		ByteBuffer h = ByteBuffer.allocate(4);
		ch.read(h, 0);
		int a = h.get(0), b = h.get(1);
		if (a != b || (a != 'I' && a != 'M')) return false;
		h.order(a == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
		int magic = h.getShort(2);
		return magic == 42 || magic == 43;
	}

	/**
	 * Every directory's plane, in chain order; a damaged or unsupported file is an {@link InputException} that
	 * names {@code name}.
	 */
	static List<Plane> scan(String name, FileChannel ch) throws IOException {
		return new TiffDirectories(name, ch).scan();
	}

	private List<Plane> scan() throws IOException {
		if (size < 8) throw damaged("it is only " + size + " bytes long, shorter than a TIFF header");
		ByteBuffer head = bytes(0, 8);
		order = head.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
		head.order(order);
		if (head.getShort(2) == 43) throw new InputException(name + " is a BigTIFF, which this reader does not " +
			"handle; save it from Fiji with File › Save As › Tiff…");
		long ifd = head.getInt(4) & 0xFFFFFFFFL;
		if (ifd == 0) throw new InputException(name + " holds no image");
		List<Plane> planes = new ArrayList<>();
		Map<Long, Integer> seen = new HashMap<>();
		while (ifd != 0) {
			int index = planes.size() + 1;
			Integer before = seen.putIfAbsent(ifd, index);
			if (before != null) throw damaged("its directory chain loops back from directory " + (index - 1) +
				" to directory " + before + " (byte " + ifd + ")");
			if (ifd < 8 || ifd + 2 > size) throw damaged("directory " + index + " is said to start at byte " + ifd +
				", outside the file (" + size + " bytes)");
			int entries = bytes(ifd, 2).order(order).getShort(0) & 0xFFFF;
			long end = ifd + 2 + 12L * entries + 4;
			if (end > size) throw damaged("directory " + index + " (" + entries + " entries at byte " + ifd +
				") runs past the end of the file (" + size + " bytes); the file is truncated");
			ByteBuffer e = bytes(ifd + 2, 12 * entries + 4).order(order);
			planes.add(plane(index, e, entries));
			ifd = e.getInt(12 * entries) & 0xFFFFFFFFL;
		}
		return planes;
	}

	/** One directory's entries checked against the file and read into a {@link Plane}. */
	private Plane plane(int index, ByteBuffer e, int entries) throws IOException {
		Map<Integer, Integer> at = new HashMap<>();
		for (int i = 0; i < entries; i++) {
			int tag = e.getShort(12 * i) & 0xFFFF, type = e.getShort(12 * i + 2) & 0xFFFF;
			long count = e.getInt(12 * i + 4) & 0xFFFFFFFFL;
			long bytes = count * typeSize(type);
			if (bytes > 4) {
				long offset = e.getInt(12 * i + 8) & 0xFFFFFFFFL;
				if (offset + bytes > size) throw damaged("tag " + tag + tagName(tag) + " of directory " + index +
					" declares " + count + " values (" + Memory.bytes(bytes) + ") at byte " + offset +
					", beyond the end of the file (" + size + " bytes)");
			}
			at.put(tag, i);
		}
		long width = first(e, at, WIDTH, -1), height = first(e, at, HEIGHT, -1);
		if (width < 1 || height < 1) throw damaged("directory " + index + " has no image size (width " +
			(width < 0 ? "missing" : width) + ", height " + (height < 0 ? "missing" : height) + ")");
		int samples = (int) first(e, at, SAMPLES, 1);
		if (samples < 1) throw damaged("directory " + index + " has 0 samples per pixel");
		int bits = (int) uniform(e, at, BITS, 1, index, "bits per sample");
		int format = (int) uniform(e, at, SAMPLE_FORMAT, UINT, index, "sample formats");
		int photometric = (int) first(e, at, PHOTOMETRIC, 1);
		int compression = (int) first(e, at, COMPRESSION, 1);
		boolean planar = first(e, at, PLANAR, 1) == 2;
		Plane p = new Plane(width, height, bits, samples, format == VOID ? UINT : format, photometric, compression);
		supported(p);
		data(index, e, at, p, planar);
		return p;
	}

	/** Refuses colour images and sample formats the reader would turn into wrong numbers. */
	private void supported(Plane p) {
		String colour = switch (p.photometric) {
			case 2 -> "an RGB colour image";
			case 5 -> "a CMYK colour image";
			case 6 -> "a YCbCr colour image";
			case 8, 9, 10 -> "a CIE Lab colour image";
			case 32844, 32845 -> "a LogLuv colour image";
			default -> null;
		};
		if (colour != null && !(p.format == FLOAT)) throw new InputException(name + " is " + colour +
			"; convert it to grey levels first (Image › Type › 32-bit)");
		boolean ok = switch (p.format) {
			case UINT -> p.bits == 1 || p.bits == 2 || p.bits == 4 || p.bits == 8 || p.bits == 16 || p.bits == 32;
			case INT -> p.bits == 8 || p.bits == 16 || p.bits == 32;
			case FLOAT -> p.bits == 16 || p.bits == 32 || p.bits == 64;
			default -> false;
		};
		if (!ok) throw new InputException(name + " has " + p.bits + "-bit " + formatName(p.format) +
			" samples, which this reader cannot convert correctly; save it from Fiji as 32-bit (Image › Type › 32-bit)");
	}

	private static String formatName(int format) {
		return switch (format) {
			case UINT -> "unsigned integer";
			case INT -> "signed integer";
			case FLOAT -> "floating-point";
			case 5 -> "complex integer";
			case 6 -> "complex floating-point";
			default -> "format-" + format;
		};
	}

	/** The strips or tiles: as many offsets as byte counts, each within the file; uncompressed data complete. */
	private void data(int index, ByteBuffer e, Map<Integer, Integer> at, Plane p, boolean planar) throws IOException {
		boolean tiled = at.containsKey(TILE_OFFSETS);
		int offTag = tiled ? TILE_OFFSETS : STRIP_OFFSETS, lenTag = tiled ? TILE_BYTES : STRIP_BYTES;
		if (!at.containsKey(offTag)) throw damaged("directory " + index + " has no pixel data (no strip or tile offsets)");
		long n = count(e, at.get(offTag));
		if (n < 1 || n > MAX_CHUNKS) throw damaged("directory " + index + " declares " + n + (tiled ? " tiles" : " strips"));
		long rowBytes = planar ? (p.width * p.bits + 7) / 8 : (p.width * p.samples * p.bits + 7) / 8;
		long expected = rowBytes * p.height * (planar ? p.samples : 1);
		long[] offsets = values(e, at.get(offTag), n);
		long[] lengths;
		if (at.containsKey(lenTag)) {
			if (count(e, at.get(lenTag)) != n) throw damaged("directory " + index + " declares " + n + " data offsets but " +
				count(e, at.get(lenTag)) + " byte counts");
			lengths = values(e, at.get(lenTag), n);
		}
		else if (n == 1 && p.compression == 1) lengths = new long[] { expected };
		else throw damaged("directory " + index + " has no byte counts for its pixel data");
		long stored = 0, last = 0;
		for (int i = 0; i < n; i++) {
			last = Math.max(last, offsets[i] + lengths[i]);
			stored += lengths[i];
		}
		if (last > size) throw damaged("the pixel data of plane " + index + " ends at byte " + last +
			", past the end of the file (" + size + " bytes); the file is truncated");
		if (p.compression == 1 && !tiled && stored < expected) throw damaged("plane " + index + " is " + p.width + " x " +
			p.height + " px of " + p.bits + "-bit samples (" + expected + " bytes) but stores only " + stored + " bytes");
	}

	private InputException damaged(String why) {
		return new InputException(name + " is not a readable TIFF: " + why + "; re-save it from Fiji with " +
			"File › Save As › Tiff…");
	}

	/** The first value of a SHORT or LONG tag, or {@code def} when absent. */
	private long first(ByteBuffer e, Map<Integer, Integer> at, int tag, long def) throws IOException {
		Integer i = at.get(tag);
		if (i == null || count(e, i) < 1) return def;
		return values(e, i, 1)[0];
	}

	/** A per-sample tag (bits, format) whose values must all be the same. */
	private long uniform(ByteBuffer e, Map<Integer, Integer> at, int tag, long def, int index, String what)
		throws IOException {
		Integer i = at.get(tag);
		if (i == null || count(e, i) < 1) return def;
		long[] v = values(e, i, Math.min(count(e, i), 1 << 16));
		for (long x : v)
			if (x != v[0]) throw new InputException(name + " has mixed " + what + " (" + v[0] + " and " + x +
				") in plane " + index + "; save it from Fiji as 32-bit (Image › Type › 32-bit)");
		return v[0];
	}

	private static long count(ByteBuffer e, int i) {
		return e.getInt(12 * i + 4) & 0xFFFFFFFFL;
	}

	/** The first {@code n} values of entry {@code i} as unsigned numbers (BYTE, SHORT or LONG). */
	private long[] values(ByteBuffer e, int i, long n) throws IOException {
		int type = e.getShort(12 * i + 2) & 0xFFFF;
		int size = typeSize(type);
		if (type != 1 && type != 3 && type != 4 && type != 16) throw new InputException(name + " is not a readable " +
			"TIFF: tag " + (e.getShort(12 * i) & 0xFFFF) + " has type " + type + " where a whole number is needed; " +
			"re-save it from Fiji with File › Save As › Tiff…");
		boolean inline = count(e, i) * size <= 4; // the value field holds the values themselves, else their offset
		ByteBuffer b = inline ? e.duplicate().position(12 * i + 8).slice().order(order)
			: bytes(e.getInt(12 * i + 8) & 0xFFFFFFFFL, (int) (n * size)).order(order);
		long[] v = new long[(int) n];
		for (int k = 0; k < n; k++)
			v[k] = switch (type) {
				case 1 -> b.get(k) & 0xFF;
				case 3 -> b.getShort(2 * k) & 0xFFFF;
				default -> b.getInt(4 * k) & 0xFFFFFFFFL;
			};
		return v;
	}

	/** Bytes per value of a TIFF field type; 0 for types the JDK's reader skips. */
	static int typeSize(int type) {
		return switch (type) {
			case 1, 2, 6, 7 -> 1;
			case 3, 8 -> 2;
			case 4, 9, 11, 13 -> 4;
			case 5, 10, 12, 16, 17, 18 -> 8;
			default -> 0;
		};
	}

	private static String tagName(int tag) {
		return switch (tag) {
			case Tiff.IJ_META_COUNTS -> " (ImageJ metadata counts)";
			case Tiff.IJ_META_DATA -> " (ImageJ metadata)";
			case STRIP_OFFSETS -> " (strip offsets)";
			case STRIP_BYTES -> " (strip byte counts)";
			case 270 -> " (image description)";
			default -> "";
		};
	}

	/** {@code n} bytes at {@code at}, refused as truncated if the file ends before. */
	private ByteBuffer bytes(long at, int n) throws IOException {
		if (n < 0 || at < 0 || at + n > size) throw damaged("it ends at byte " + size + ", before the " + n +
			" bytes at byte " + at + "; the file is truncated");
		ByteBuffer b = ByteBuffer.allocate(n);
		while (b.hasRemaining())
			if (ch.read(b, at + b.position()) < 0) throw damaged("it ends before byte " + (at + n));
		return b.flip();
	}
}
