package org.stemdiscovery.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes minimal TIFFs byte by byte, so the tests can build hostile files (directory loops, absurd tag
 * counts, odd sample formats, truncated data) without committed binaries. Layout: the 8-byte header, then per
 * directory its pixel data, its out-of-line tag values and the directory itself.
 */
final class TiffBytes {

	static final int BYTE = 1, ASCII = 2, SHORT = 3, LONG = 4, RATIONAL = 5, DOUBLE = 12;

	private final ByteOrder order;
	private final List<Dir> dirs = new ArrayList<>();
	private int loopTo = -1;
	private int truncateBy;

	private TiffBytes(ByteOrder order) {
		this.order = order;
	}

	static TiffBytes bigEndian() {
		return new TiffBytes(ByteOrder.BIG_ENDIAN);
	}

	static TiffBytes littleEndian() {
		return new TiffBytes(ByteOrder.LITTLE_ENDIAN);
	}

	ByteOrder order() {
		return order;
	}

	/** A grey-level plane with the baseline tags; {@code data} is its pixel bytes as stored. */
	Dir plane(int width, int height, int bits, int sampleFormat, byte[] data) {
		Dir d = new Dir(data);
		d.tag(256, LONG, width).tag(257, LONG, height).tag(258, SHORT, bits).tag(259, SHORT, 1).tag(262, SHORT, 1)
			.tag(277, SHORT, 1).tag(278, LONG, height).tag(279, LONG, data.length).tag(339, SHORT, sampleFormat);
		dirs.add(d);
		return d;
	}

	/** A 32-bit float plane. */
	Dir floats(int width, int height, float... v) {
		ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(order);
		for (float f : v)
			b.putFloat(f);
		return plane(width, height, 32, 3, b.array());
	}

	/** 16-bit samples given as their raw bit patterns (unsigned, signed or half-float by the sample format). */
	Dir shorts(int width, int height, int sampleFormat, int... raw) {
		ByteBuffer b = ByteBuffer.allocate(2 * raw.length).order(order);
		for (int s : raw)
			b.putShort((short) s);
		return plane(width, height, 16, sampleFormat, b.array());
	}

	/** The last directory's "next" pointer goes back to directory {@code index} instead of ending the chain. */
	TiffBytes loopBackTo(int index) {
		loopTo = index;
		return this;
	}

	/** Cuts the last {@code n} bytes off the file. */
	TiffBytes truncateBy(int n) {
		truncateBy = n;
		return this;
	}

	Path write(Path path) throws IOException {
		return Files.write(path, bytes());
	}

	byte[] bytes() {
		// first pass: where everything goes
		long pos = 8;
		long[] dataAt = new long[dirs.size()], ifdAt = new long[dirs.size()];
		List<Map<Integer, Long>> valueAt = new ArrayList<>();
		for (int i = 0; i < dirs.size(); i++) {
			Dir d = dirs.get(i);
			dataAt[i] = pos;
			pos = even(pos + d.data.length);
			Map<Integer, Long> at = new TreeMap<>();
			for (Map.Entry<Integer, Entry> e : d.tags.entrySet()) {
				Entry t = e.getValue();
				if (t.raw == null && t.bytes() > 4) {
					at.put(e.getKey(), pos);
					pos = even(pos + t.bytes());
				}
			}
			valueAt.add(at);
			ifdAt[i] = pos;
			pos += 2 + 12L * d.tags.size() + 4;
		}
		ByteBuffer b = ByteBuffer.allocate((int) pos).order(order);
		b.put((byte) (order == ByteOrder.BIG_ENDIAN ? 'M' : 'I')).put((byte) (order == ByteOrder.BIG_ENDIAN ? 'M' : 'I'));
		b.putShort((short) 42).putInt(dirs.isEmpty() ? 0 : (int) ifdAt[0]);
		for (int i = 0; i < dirs.size(); i++) {
			Dir d = dirs.get(i);
			b.position((int) dataAt[i]);
			b.put(d.data);
			for (Map.Entry<Integer, Long> e : valueAt.get(i).entrySet()) {
				b.position((int) (long) e.getValue());
				d.tags.get(e.getKey()).putValues(b);
			}
			b.position((int) ifdAt[i]);
			b.putShort((short) d.tags.size());
			for (Map.Entry<Integer, Entry> e : d.tags.entrySet()) {
				Entry t = e.getValue();
				b.putShort((short) (int) e.getKey()).putShort((short) t.type).putInt((int) t.count());
				if (t.raw != null) b.putInt((int) (long) t.raw);
				else if (e.getKey() == 273 && t.values.length == 1 && t.values[0] == -1) b.putInt((int) dataAt[i]);
				else if (t.bytes() > 4) b.putInt((int) (long) valueAt.get(i).get(e.getKey()));
				else {
					int start = b.position();
					t.putValues(b);
					b.position(start + 4);
				}
			}
			int next = i + 1 < dirs.size() ? (int) ifdAt[i + 1] : loopTo >= 0 ? (int) ifdAt[loopTo] : 0;
			b.putInt(next);
		}
		byte[] all = b.array();
		return truncateBy == 0 ? all : java.util.Arrays.copyOf(all, all.length - truncateBy);
	}

	private static long even(long p) {
		return (p + 1) & ~1L;
	}

	/** One directory: its tags in ascending order and its pixel data. */
	static final class Dir {
		final TreeMap<Integer, Entry> tags = new TreeMap<>();
		final byte[] data;

		Dir(byte[] data) {
			this.data = data;
			tags.put(273, new Entry(LONG, new long[] { -1 }, null, 0)); // filled with the data's offset
		}

		/** A tag with its values (written inline or out of line as they fit). */
		Dir tag(int tag, int type, long... values) {
			tags.put(tag, new Entry(type, values, null, 0));
			return this;
		}

		/** A tag that declares {@code count} values at {@code offset}, whatever the file holds there. */
		Dir declare(int tag, int type, long count, long offset) {
			tags.put(tag, new Entry(type, null, offset, count));
			return this;
		}

		Dir remove(int tag) {
			tags.remove(tag);
			return this;
		}
	}

	private record Entry(int type, long[] values, Long raw, long rawCount) {

		long count() {
			return raw != null ? rawCount : type == RATIONAL ? values.length / 2 : values.length;
		}

		long bytes() {
			return values == null ? 0 : switch (type) {
				case BYTE, ASCII -> values.length;
				case SHORT -> 2L * values.length;
				case LONG -> 4L * values.length;
				default -> 4L * values.length; // RATIONAL: two LONGs per value, given as numerator, denominator
			};
		}

		void putValues(ByteBuffer b) {
			for (long v : values)
				switch (type) {
					case BYTE, ASCII -> b.put((byte) v);
					case SHORT -> b.putShort((short) v);
					default -> b.putInt((int) v);
				}
		}
	}
}
