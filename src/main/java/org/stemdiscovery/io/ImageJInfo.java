package org.stemdiscovery.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Reads the "Info" text ImageJ keeps in its private TIFF tags 50838/50839 of the first IFD. The JDK's
 * TIFF reader drops tags it does not know, so this walks the first IFD itself.
 */
final class ImageJInfo {

	private ImageJInfo() {}

	static Optional<String> read(Path path) {
		try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
			ByteBuffer head = read(ch, 0, 8);
			ByteOrder order = head.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
			head.order(order);
			if (head.getShort(2) != 42) return Optional.empty(); // BigTIFF or not a TIFF
			long ifd = head.getInt(4) & 0xFFFFFFFFL;
			int entries = read(ch, ifd, 2).order(order).getShort(0) & 0xFFFF;
			ByteBuffer e = read(ch, ifd + 2, 12L * entries).order(order);
			long countsAt = -1, dataAt = -1;
			long nCounts = 0, nData = 0;
			for (int i = 0; i < entries; i++) {
				int tag = e.getShort(12 * i) & 0xFFFF;
				long count = e.getInt(12 * i + 4) & 0xFFFFFFFFL; // unsigned: 2^31 must not turn negative
				long value = e.getInt(12 * i + 8) & 0xFFFFFFFFL;
				if (tag == Tiff.IJ_META_COUNTS) {
					countsAt = count == 1 ? -(12L * i + 8) - 1 : value; // one count sits inline
					nCounts = count;
				}
				else if (tag == Tiff.IJ_META_DATA) {
					dataAt = value;
					nData = count;
				}
			}
			// both blocks must lie in the file (read() checks), so a tag declaring 2^31 counts allocates nothing
			if (countsAt == -1 || dataAt < 0 || nData < 12 || nCounts < 1 || 4 * nCounts > ch.size() || nData > ch.size())
				return Optional.empty();
			int[] counts = new int[(int) nCounts];
			if (countsAt < 0) counts[0] = e.getInt((int) (-countsAt - 1));
			else {
				ByteBuffer c = read(ch, countsAt, 4 * nCounts).order(order);
				for (int i = 0; i < nCounts; i++)
					counts[i] = c.getInt(4 * i);
			}
			ByteBuffer data = read(ch, dataAt, nData).order(order);
			if (data.getInt(0) != Tiff.IJ_MAGIC) return Optional.empty();
			int pos = counts[0], entry = 1;
			for (int h = 4; h + 8 <= counts[0]; h += 8) {
				int type = data.getInt(h), n = data.getInt(h + 4);
				for (int k = 0; k < n && entry < counts.length; k++, entry++) {
					if (counts[entry] < 0 || pos < 0 || (long) pos + counts[entry] > nData) return Optional.empty();
					if (type == Tiff.IJ_INFO) {
						byte[] text = new byte[counts[entry]];
						data.get(pos, text);
						return Optional.of(new String(text, order == ByteOrder.BIG_ENDIAN ? StandardCharsets.UTF_16BE
							: StandardCharsets.UTF_16LE));
					}
					pos += counts[entry];
				}
			}
			return Optional.empty();
		}
		catch (IOException | RuntimeException e) {
			return Optional.empty(); // Info is a convenience: an odd metadata block must not stop the pixels loading
		}
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
