package org.stemdiscovery.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;

/**
 * The pixel size an ImageJ-written TIFF carries: XResolution (pixels per unit) of the first IFD and the
 * {@code unit=} line of ImageJ's description. The JDK's reader exposes neither simply, so this walks the IFD
 * itself, like {@link ImageJInfo}.
 */
final class PixelSize {

	static final int DESCRIPTION = 270, X_RESOLUTION = 282;

	/** Nanometres per unit, lower case, of the spellings ImageJ and its users write. */
	private static final Map<String, Double> NM = Map.of("nm", 1.0, "nanometer", 1.0, "um", 1e3, "micron", 1e3,
		"\u00b5m", 1e3, "mm", 1e6, "pm", 1e-3, "a", 0.1, "\u00e5", 0.1, "angstrom", 0.1);

	private PixelSize() {}

	/** nm per pixel, or NaN when the file has no length calibration (no unit, "pixel", or no resolution). */
	static double nm(Path path) {
		try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
			ByteBuffer head = read(ch, 0, 8);
			ByteOrder order = head.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
			head.order(order);
			if (head.getShort(2) != 42) return Double.NaN;
			long ifd = head.getInt(4) & 0xFFFFFFFFL;
			int entries = read(ch, ifd, 2).order(order).getShort(0) & 0xFFFF;
			ByteBuffer e = read(ch, ifd + 2, 12L * entries).order(order);
			String description = null;
			double perUnit = Double.NaN;
			for (int i = 0; i < entries; i++) {
				int tag = e.getShort(12 * i) & 0xFFFF;
				long count = e.getInt(12 * i + 4) & 0xFFFFFFFFL;
				long value = e.getInt(12 * i + 8) & 0xFFFFFFFFL;
				if (tag == DESCRIPTION && count > 4 && count <= 1 << 20) description = new String(read(ch, value, count).array(),
					StandardCharsets.ISO_8859_1);
				else if (tag == X_RESOLUTION) {
					ByteBuffer r = read(ch, value, 8).order(order);
					perUnit = (r.getInt(0) & 0xFFFFFFFFL) / (double) (r.getInt(4) & 0xFFFFFFFFL);
				}
			}
			Double unit = description == null ? null : unit(description);
			return unit == null || !(perUnit > 0) || Double.isInfinite(perUnit) ? Double.NaN : unit / perUnit;
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN; // a calibration is a convenience: an odd header must not stop the pixels loading
		}
	}

	/** nm per unit named by the description's {@code unit=} line; null when absent or not a length. */
	static Double unit(String description) {
		for (String line : description.split("[\\n\\x00]")) {
			if (!line.startsWith("unit=")) continue;
			// ImageJ writes µ and Å as Java escapes to keep the description ASCII
			String u = line.substring(5).trim().replace("\\u00B5", "\u00b5").replace("\\u00C5", "\u00c5");
			return NM.get(u.toLowerCase(Locale.ROOT));
		}
		return null;
	}

	/** {@code n} bytes at {@code at}; a count or offset beyond the file is refused before anything is allocated. */
	private static ByteBuffer read(FileChannel ch, long at, long n) throws IOException {
		if (n < 0 || at < 0 || at + n > ch.size()) throw new IOException("a tag points past the end of the file");
		ByteBuffer b = ByteBuffer.allocate((int) n);
		while (b.hasRemaining())
			if (ch.read(b, at + b.position()) < 0) throw new IOException("truncated TIFF");
		return b.flip();
	}
}
