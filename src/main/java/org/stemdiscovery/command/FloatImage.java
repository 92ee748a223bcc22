package org.stemdiscovery.command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A result image neutral to its door: float planes back to back with the {@code key = value} Info that lets
 * later commands map it back onto the source image. Fiji shows it as an ImagePlus titled
 * {@code <source>-<suffix>}; the CLI writes it as {@code <file>} (an ImageJ TIFF with the same Info).
 *
 * @param suffix short name, appended to the source image's title in Fiji ("fft", "abundances")
 * @param file   the file name the CLI writes ("fft-stack.tif")
 */
public record FloatImage(String suffix, String file, float[] data, int width, int height, int planes,
	Map<String, String> info) {

	public FloatImage {
		if ((long) width * height * planes != data.length) throw new IllegalArgumentException(suffix + ": " + data.length +
			" values for " + width + " x " + height + " x " + planes);
		info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
	}
}
