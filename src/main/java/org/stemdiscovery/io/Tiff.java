package org.stemdiscovery.io;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Memory;

/**
 * TIFF files outside Fiji (command line, tests). Reading goes through the JDK's TIFF reader, which knows
 * compression and tiling; writing produces uncompressed ImageJ-style TIFFs whose "Info" ImageJ shows
 * under Image › Show Info, so the grid of a stack written here survives opening it in Fiji.
 */
public final class Tiff {

	/** ImageJ's private tags for its metadata (see ImageJ's TiffEncoder). */
	static final int IJ_META_COUNTS = 50838, IJ_META_DATA = 50839;
	static final int IJ_MAGIC = 0x494a494a, IJ_INFO = 0x696e666f;

	private Tiff() {}

	/**
	 * Reads every plane of a grey-level TIFF into one buffer of floats. A TIFF's directory chain is walked and
	 * checked first ({@link TiffDirectories}): loops, tags or pixel data beyond the end of the file, colour
	 * images and sample formats that cannot be converted are refused, and so is an image whose floats would not
	 * fit in memory, each with one line that names the file. Other formats the JDK reads (PNG…) are read too.
	 */
	public static TiffImage read(Path path) {
		if (Files.isDirectory(path)) throw new InputException("cannot read " + path + ": it is a folder; choose an image file");
		if (!Files.isRegularFile(path)) throw new InputException("cannot read " + path + ": no such file");
		if (!Files.isReadable(path)) throw new InputException("cannot read " + path + ": permission denied");
		List<TiffDirectories.Plane> layout = null;
		try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
			if (ch.size() == 0) throw new InputException(path + " is empty (0 bytes); choose a TIFF image");
			if (TiffDirectories.isTiff(ch)) layout = TiffDirectories.scan(path.toString(), ch);
		}
		catch (IOException e) {
			throw new InputException("cannot read " + path + ": " + e.getMessage());
		}
		try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) throw new InputException(path + " is not a TIFF image (or is damaged); " +
				"save it from Fiji with File › Save As › Tiff…");
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, false, true);
				if (layout == null) layout = otherFormat(reader, path);
				Samples.checkFits(path.toString(), layout, Memory.available());
				return read(reader, path, layout);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof InputException ie) throw ie;
			throw new InputException("cannot read " + path + " as an image: " + e.getMessage());
		}
		catch (OutOfMemoryError e) { // the estimate fell short (other threads took memory meanwhile)
			throw new InputException(path + " does not fit in the memory left (" + e.getMessage() + "); crop or bin " +
				"it in Fiji, or give Java more memory (-Xmx)");
		}
	}

	/** The planes of a non-TIFF image (PNG, BMP…), from its header, so its size is checked before decoding. */
	private static List<TiffDirectories.Plane> otherFormat(ImageReader reader, Path path) throws IOException {
		int n = reader.getNumImages(true);
		if (n < 1) throw new InputException(path + " holds no image");
		List<TiffDirectories.Plane> planes = new ArrayList<>();
		for (int i = 0; i < n; i++)
			planes.add(new TiffDirectories.Plane(reader.getWidth(i), reader.getHeight(i), 8, 1, TiffDirectories.UINT, 1, 1));
		return planes;
	}

	private static TiffImage read(ImageReader reader, Path path, List<TiffDirectories.Plane> layout) throws IOException {
		TiffDirectories.Plane first = layout.get(0);
		int width = (int) first.width(), height = (int) first.height();
		for (int i = 1; i < layout.size(); i++) {
			TiffDirectories.Plane p = layout.get(i);
			if (p.width() != width || p.height() != height) throw new InputException(path.getFileName() + ": plane " +
				(i + 1) + " is " + p.width() + " x " + p.height() + " px, plane 1 is " + width + " x " + height +
				"; all planes must be the same size");
		}
		long values = 0;
		for (TiffDirectories.Plane p : layout)
			values += p.values();
		int area = width * height;
		float[] all = new float[(int) values]; // the one buffer; Memory.check made sure it fits
		int planes = 0;
		for (int i = 0; i < layout.size(); i++) {
			BufferedImage b = reader.read(i);
			if (b.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_RGB && b.getColorModel().getNumColorComponents() == 3 &&
				b.getRaster().getNumBands() >= 3 && b.getRaster().getSampleModel().getSampleSize(0) == 8)
				throw new InputException(path.getFileName() + " is an RGB colour image; convert it to grey levels " +
					"first (Image › Type › 32-bit)");
			Raster r = b.getRaster();
			if (r.getWidth() != width || r.getHeight() != height) throw new InputException(path.getFileName() +
				": plane " + (i + 1) + " decodes to " + r.getWidth() + " x " + r.getHeight() + " px instead of " + width +
				" x " + height + "; re-save it from Fiji");
			// Several samples per pixel that are not RGB (tifffile's k x H x W floats): one plane each.
			for (int band = 0; band < r.getNumBands(); band++, planes++) {
				if ((long) (planes + 1) * area > all.length) throw new InputException(path.getFileName() + ": plane " +
					(i + 1) + " decodes to more samples than its header declares; re-save it from Fiji");
				Samples.copy(r, band, layout.get(i), all, planes * area, path);
			}
		}
		if ((long) planes * area != all.length) throw new InputException(path.getFileName() + " decodes to " + planes +
			" planes where its header declares " + all.length / area + "; re-save it from Fiji");
		return new TiffImage(all, width, height, planes, ImageJInfo.read(path).map(Tiff::parseInfo).orElse(Map.of()));
	}

	/**
	 * nm per pixel from an ImageJ-written TIFF's calibration (XResolution and the description's {@code unit=});
	 * NaN when it has none, is uncalibrated ("pixel") or its unit is not a length.
	 */
	public static double pixelSizeNm(Path path) {
		return PixelSize.nm(path);
	}

	/** Parses {@code key = value} / {@code key: value} lines of ImageJ's Info text. */
	public static Map<String, String> parseInfo(String text) {
		Map<String, String> out = new LinkedHashMap<>();
		for (String line : text.split("\\R")) {
			int eq = line.indexOf('=');
			if (eq <= 0) continue;
			out.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
		}
		return out;
	}

	/** {@code key=value} lines, the form {@link #parseInfo} reads back. */
	public static String formatInfo(Map<String, String> info) {
		StringBuilder sb = new StringBuilder();
		info.forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
		return sb.toString();
	}

	/**
	 * Writes 32-bit float planes as an uncompressed big-endian TIFF that ImageJ opens as a stack, with
	 * {@code info} in ImageJ's Info.
	 */
	public static void writeFloat(Path path, float[] pixels, int width, int height, int planes,
		Map<String, String> info) throws IOException {
		write(path, new TiffLayout(width, height, planes, 32, info), pixels.length, pixels, null);
	}

	/** Writes an 8-bit grey-level image (masks) the same way as {@link #writeFloat}. */
	public static void writeBytes(Path path, byte[] pixels, int width, int height, int planes,
		Map<String, String> info) throws IOException {
		write(path, new TiffLayout(width, height, planes, 8, info), pixels.length, null, pixels);
	}

	/**
	 * The file is written beside the target and moved into place, so a failure never leaves half a file
	 * under the target name.
	 */
	private static void write(Path path, TiffLayout layout, int n, float[] floats, byte[] bytes) throws IOException {
		if (n != layout.pixels()) throw new IllegalArgumentException(n + " values for " + layout.pixels() + " pixels");
		Path tmp = path.resolveSibling(path.getFileName() + ".part");
		try (OutputStream os = Files.newOutputStream(tmp);
			DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16))) {
			layout.write(out, floats, bytes);
		}
		Files.move(tmp, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}
}
