package org.stemdiscovery.image;

import java.util.Locale;

/**
 * Estimates before large allocations: a run that would not fit is refused with one line giving the estimate
 * and what does fit, instead of dying of {@code OutOfMemoryError} part way through.
 */
public final class Memory {

	/** The most elements one Java array holds (a little under 2^31, as the JVMs allow). */
	public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

	private Memory() {}

	/** Bytes this JVM can still allocate: its maximum heap less what is in use now. */
	public static long available() {
		Runtime rt = Runtime.getRuntime();
		return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
	}

	/**
	 * Refuses {@code what} when {@code bytes} exceed {@code available}: the line gives the estimate, the memory
	 * free and {@code fits}, a phrase saying the largest input that fits (computed by the caller from
	 * {@code available}).
	 */
	public static void require(String what, long bytes, long available, String fits) {
		if (bytes <= available) return;
		throw new InputException(what + " needs about " + bytes(bytes) + " of memory, more than the " + bytes(Math.max(0,
			available)) + " free" + (fits.isEmpty() ? "" : "; " + fits) + "; make it smaller, or give Java more memory (-Xmx)");
	}

	/** The side of the largest square of {@code bytesPerPixel} that fits in {@code available} bytes. */
	public static long largestSquare(long available, double bytesPerPixel) {
		return (long) Math.floor(Math.sqrt(Math.max(0, available) / bytesPerPixel));
	}

	/** Byte counts as people read them: 512 bytes, 3.2 MB, 37.3 GB. */
	public static String bytes(long b) {
		if (b < 1L << 10) return b + " bytes";
		if (b < 1L << 20) return String.format(Locale.ROOT, "%.1f KB", b / 1024.0);
		if (b < 1L << 30) return String.format(Locale.ROOT, "%.1f MB", b / (1024.0 * 1024));
		return String.format(Locale.ROOT, "%.1f GB", b / (1024.0 * 1024 * 1024));
	}
}
