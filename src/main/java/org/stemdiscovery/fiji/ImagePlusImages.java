package org.stemdiscovery.fiji;

import java.util.LinkedHashMap;
import java.util.Map;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;

import org.stemdiscovery.command.Scale;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.io.Tiff;

/** The Fiji edge: ImageJ 1 images in and out of the ImgLib2 core, without copying pixels on the way in. */
public final class ImagePlusImages {

	private ImagePlusImages() {}

	/**
	 * The current plane of a single-plane 8-, 16- or 32-bit image as an ImgLib2 view of its own pixel
	 * array. RGB and multi-plane images are refused with what to do instead.
	 */
	public static RandomAccessibleInterval<? extends RealType<?>> wrapPlane(ImagePlus imp) {
		if (imp == null) throw new InputException("no image is open; open a STEM image first");
		if (imp.getBitDepth() == 24) throw new InputException("'" + imp.getTitle() +
			"' is an RGB colour image; convert it to grey levels first (Image › Type › 32-bit)");
		if (imp.getStackSize() > 1) throw new InputException("'" + imp.getTitle() + "' has " + imp.getStackSize() +
			" planes; choose one plane (Image › Duplicate…, uncheck 'Duplicate stack')");
		int w = imp.getWidth(), h = imp.getHeight();
		Object pixels = imp.getProcessor().getPixels();
		if (pixels instanceof float[] f) return ArrayImgs.floats(f, w, h);
		if (pixels instanceof short[] s) return ArrayImgs.unsignedShorts(s, w, h);
		if (pixels instanceof byte[] b) return ArrayImgs.unsignedBytes(b, w, h);
		throw new InputException("'" + imp.getTitle() + "' has an unsupported pixel type; convert it to 32-bit");
	}

	/** The current plane as floats (a copy for 8/16 bit, the image's own array for 32 bit; checks as {@link #wrapPlane}). */
	public static float[] floatPixels(ImagePlus imp) {
		wrapPlane(imp); // same checks and messages
		return (float[]) imp.getProcessor().convertToFloatProcessor().getPixels();
	}

	/** A 32-bit stack from frames stored back to back in {@code data} (frame n at {@code n·w·h}). */
	public static ImagePlus floatStack(String title, float[] data, int w, int h, int frames) {
		ImageStack stack = new ImageStack(w, h);
		for (int n = 0; n < frames; n++) {
			float[] plane = new float[w * h];
			System.arraycopy(data, n * w * h, plane, 0, w * h);
			stack.addSlice("", new FloatProcessor(w, h, plane));
		}
		ImagePlus imp = new ImagePlus(title, stack);
		imp.resetDisplayRange();
		return imp;
	}

	/**
	 * Stores key/value pairs where they survive File › Save As › Tiff: in the image's Info (Image › Show
	 * Info, macro {@code getInfo(key)}) and as image properties ({@code Property.get(key)}).
	 */
	public static void putInfo(ImagePlus imp, Map<String, String> values) {
		Map<String, String> all = readInfo(imp);
		all.putAll(values);
		imp.setProperty("Info", Tiff.formatInfo(all));
		values.forEach(imp::setProp);
	}

	/** The image's calibration as the core's {@link Scale}. */
	public static Scale scale(ImagePlus imp) {
		ij.measure.Calibration c = imp.getCalibration();
		return c.scaled() ? new Scale(c.pixelWidth, c.pixelHeight, c.getUnit(), c.xOrigin, c.yOrigin) : Scale.NONE;
	}

	/**
	 * nm per pixel from the image's calibration when its unit is a length the experiment can use (nm, µm, Å);
	 * NaN when the image is uncalibrated or in another unit, so positions stay in px.
	 */
	public static double nmPerPixel(ImagePlus imp) {
		ij.measure.Calibration c = imp.getCalibration();
		if (!c.scaled()) return Double.NaN;
		double perUnit = switch (c.getUnit().trim()) {
			case "nm", "nanometer", "nanometers" -> 1;
			case "µm", "um", "micron", "microns" -> 1000;
			case "Å", "A", "angstrom", "angstroms" -> 0.1;
			default -> Double.NaN;
		};
		return c.pixelWidth * perUnit;
	}

	/** The {@code key = value} lines of an image's Info, and its image properties. */
	public static Map<String, String> readInfo(ImagePlus imp) {
		Map<String, String> out = new LinkedHashMap<>();
		String[] props = imp.getPropertiesAsArray();
		if (props != null) for (int i = 0; i + 1 < props.length; i += 2)
			out.put(props[i], props[i + 1]);
		String info = imp.getInfoProperty();
		if (info != null) out.putAll(Tiff.parseInfo(info));
		return out;
	}
}
