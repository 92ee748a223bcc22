package org.stemdiscovery.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemdiscovery.image.InputException;

/**
 * Hostile files (issue 14), each built byte by byte with {@link TiffBytes}: every one is read correctly or
 * refused with one line that names the file; none hangs, runs out of memory or escapes as another exception.
 */
class HostileTiffTest {

	@TempDir
	Path dir;

	/** The one-line refusal of {@code t} written as {@code name}; also checks it names the file. */
	private String refused(String name, TiffBytes t) throws Exception {
		return refused(t.write(dir.resolve(name)));
	}

	private static String refused(Path p) {
		String m = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(InputException.class, () -> Tiff
			.read(p))).getMessage();
		assertTrue(m.contains(p.getFileName().toString()), m);
		assertFalse(m.contains("\n"), m);
		return m;
	}

	private TiffImage read(String name, TiffBytes t) throws Exception {
		Path p = t.write(dir.resolve(name));
		return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Tiff.read(p));
	}

	@Test
	void aDirectoryChainThatLoopsIsRefusedNotFollowed() throws Exception {
		TiffBytes two = TiffBytes.bigEndian();
		two.floats(2, 2, 1, 2, 3, 4);
		two.floats(2, 2, 5, 6, 7, 8);
		assertTrue(refused("loop.tif", two.loopBackTo(0)).contains("loops back from directory 2 to directory 1"));
		TiffBytes self = TiffBytes.littleEndian();
		self.floats(2, 2, 1, 2, 3, 4);
		assertTrue(refused("self.tif", self.loopBackTo(0)).contains("loops back"));
	}

	@Test
	void anImageJMetadataTagDeclaringTwoToThe31EntriesIsRefused() throws Exception {
		TiffBytes t = TiffBytes.bigEndian();
		t.floats(2, 2, 1, 2, 3, 4).declare(Tiff.IJ_META_COUNTS, TiffBytes.LONG, 1L << 31, 8).declare(Tiff.IJ_META_DATA,
			TiffBytes.BYTE, 16, 8);
		String m = refused("ijmeta.tif", t);
		assertTrue(m.contains("2147483648 values") && m.contains("ImageJ metadata") && m.contains("beyond the end"), m);
		// read on its own, the Info reader allocates nothing for it either
		assertTrue(ImageJInfo.read(dir.resolve("ijmeta.tif")).isEmpty());
		assertTrue(Double.isNaN(PixelSize.nm(dir.resolve("ijmeta.tif"))));
	}

	@Test
	void absurdCountsAndOffsetsAreRefused() throws Exception {
		TiffBytes strips = TiffBytes.bigEndian();
		strips.floats(2, 2, 1, 2, 3, 4).declare(273, TiffBytes.LONG, 0xFFFFFFFFL, 8);
		assertTrue(refused("strips.tif", strips).contains("4294967295 values"));
		TiffBytes noSize = TiffBytes.bigEndian();
		noSize.floats(2, 2, 1, 2, 3, 4).tag(256, TiffBytes.LONG, 0);
		assertTrue(refused("nosize.tif", noSize).contains("no image size"));
		TiffBytes someTag = TiffBytes.littleEndian();
		someTag.floats(2, 2, 1, 2, 3, 4).declare(33550, TiffBytes.DOUBLE, 1 << 30, 100);
		assertTrue(refused("tag.tif", someTag).contains("tag 33550"));
		TiffBytes one = TiffBytes.bigEndian();
		one.floats(2, 2, 1, 2, 3, 4);
		byte[] b = one.bytes();
		ByteBuffer.wrap(b).putInt(4, 0x7FFFFFF0); // the first directory far outside the file
		Path far = Files.write(dir.resolve("far.tif"), b);
		assertTrue(refused(far).contains("outside the file"));
		TiffBytes pixels = TiffBytes.bigEndian();
		pixels.floats(100000, 100000, 1, 2, 3, 4).tag(259, TiffBytes.SHORT, 8); // "deflate", so 16 bytes pass for 10^10 px
		assertTrue(refused("huge.tif", pixels).contains("100000 x 100000 px, more than the 2147483639 values"));
	}

	@Test
	void aTruncatedFileIsRefused() throws Exception {
		TiffBytes cutIfd = TiffBytes.bigEndian();
		cutIfd.floats(4, 4, new float[16]);
		assertTrue(refused("cut.tif", cutIfd.truncateBy(20)).contains("truncated"));
		TiffBytes cutData = TiffBytes.bigEndian();
		cutData.floats(4, 4, new float[16]).tag(279, TiffBytes.LONG, 4096);
		assertTrue(refused("cutdata.tif", cutData).contains("past the end of the file"));
		TiffBytes shortData = TiffBytes.bigEndian();
		shortData.floats(4, 4, new float[16]).tag(279, TiffBytes.LONG, 8);
		assertTrue(refused("short.tif", shortData).contains("stores only 8 bytes"));
		Path header = Files.write(dir.resolve("header.tif"), new byte[] { 'I', 'I', 42, 0, 8 });
		assertTrue(refused(header).contains("shorter than a TIFF header"));
	}

	@Test
	void textZeroBytesAndFoldersAreRefused() throws Exception {
		assertTrue(refused(Files.writeString(dir.resolve("notes.tif"), "not an image\n")).contains("not a TIFF image"));
		assertTrue(refused(Files.createFile(dir.resolve("zero.tif"))).contains("is empty (0 bytes)"));
		assertTrue(refused(Files.createDirectory(dir.resolve("folder.tif"))).contains("is a folder"));
		assertTrue(refused(dir.resolve("missing.tif")).contains("no such file"));
	}

	@Test
	void colourImagesAreRefused() throws Exception {
		TiffBytes rgb = TiffBytes.bigEndian();
		rgb.plane(2, 2, 8, 1, new byte[12]).tag(258, TiffBytes.SHORT, 8, 8, 8).tag(262, TiffBytes.SHORT, 2)
			.tag(277, TiffBytes.SHORT, 3).tag(339, TiffBytes.SHORT, 1, 1, 1);
		assertTrue(refused("rgb.tif", rgb).contains("RGB colour image"));
		TiffBytes rgb16 = TiffBytes.bigEndian();
		rgb16.plane(2, 2, 16, 1, new byte[24]).tag(258, TiffBytes.SHORT, 16, 16, 16).tag(262, TiffBytes.SHORT, 2)
			.tag(277, TiffBytes.SHORT, 3);
		assertTrue(refused("rgb16.tif", rgb16).contains("RGB colour image"));
	}

	@Test
	void halfFloatsAreReadAsFloatsNotIntegers() throws Exception {
		TiffBytes t = TiffBytes.littleEndian();
		// 1, -2, NaN (which the JDK alone returns as 32256), the smallest subnormal, the largest half, +Inf
		t.shorts(6, 1, TiffDirectories.FLOAT, 0x3C00, 0xC000, 0x7E00, 0x0001, 0x7BFF, 0x7C00);
		float[] px = read("half.tif", t).pixels();
		assertEquals(1f, px[0]);
		assertEquals(-2f, px[1]);
		assertTrue(Float.isNaN(px[2]));
		assertEquals(0x1p-24f, px[3]);
		assertEquals(65504f, px[4]);
		assertEquals(Float.POSITIVE_INFINITY, px[5]);
		for (int h = 0; h < 1 << 16; h++) { // every finite half against the definition
			int e = h >>> 10 & 0x1f, m = h & 0x3ff;
			if (e == 31) continue;
			double v = (e == 0 ? m * Math.pow(2, -24) : (1 + m / 1024.0) * Math.pow(2, e - 15)) * ((h & 0x8000) != 0 ? -1 : 1);
			assertEquals((float) v, Samples.half(h), "half 0x" + Integer.toHexString(h));
		}
	}

	@Test
	void otherSampleFormatsAreReadCorrectly() throws Exception {
		TiffBytes i8 = TiffBytes.bigEndian();
		i8.plane(4, 1, 8, TiffDirectories.INT, new byte[] { 1, -2, 127, -128 });
		assertArrayEquals(new float[] { 1, -2, 127, -128 }, read("i8.tif", i8).pixels());
		TiffBytes i16 = TiffBytes.littleEndian();
		i16.shorts(4, 1, TiffDirectories.INT, 1, -2, 32767, -32768);
		assertArrayEquals(new float[] { 1, -2, 32767, -32768 }, read("i16.tif", i16).pixels());
		TiffBytes u16 = TiffBytes.bigEndian();
		u16.shorts(4, 1, TiffDirectories.UINT, 1, 65535, 32768, 0);
		assertArrayEquals(new float[] { 1, 65535, 32768, 0 }, read("u16.tif", u16).pixels());
		ByteBuffer ints = ByteBuffer.allocate(16).putInt(1).putInt(-1).putInt(Integer.MIN_VALUE).putInt(7);
		TiffBytes i32 = TiffBytes.bigEndian();
		i32.plane(4, 1, 32, TiffDirectories.INT, ints.array());
		assertArrayEquals(new float[] { 1, -1, Integer.MIN_VALUE, 7 }, read("i32.tif", i32).pixels());
		TiffBytes u32 = TiffBytes.bigEndian();
		u32.plane(4, 1, 32, TiffDirectories.UINT, ints.array());
		assertArrayEquals(new float[] { 1, 4294967295f, 2147483648f, 7 }, read("u32.tif", u32).pixels());
		ByteBuffer doubles = ByteBuffer.allocate(32).putDouble(1.5).putDouble(-1e30).putDouble(Double.NaN).putDouble(3);
		TiffBytes f64 = TiffBytes.bigEndian();
		f64.plane(4, 1, 64, TiffDirectories.FLOAT, doubles.array());
		float[] d = read("f64.tif", f64).pixels();
		assertEquals(1.5f, d[0]);
		assertEquals(-1e30f, d[1]);
		assertTrue(Float.isNaN(d[2]));
		TiffBytes two = TiffBytes.littleEndian(); // tifffile's k x H x W as two samples per pixel: two planes
		two.floats(2, 1, 1, 10, 2, 20).tag(277, TiffBytes.SHORT, 2).tag(258, TiffBytes.SHORT, 32, 32)
			.tag(339, TiffBytes.SHORT, 3, 3);
		TiffImage k = read("two.tif", two);
		assertEquals(2, k.planes());
		assertArrayEquals(new float[] { 1, 2, 10, 20 }, k.pixels());
	}

	@Test
	void sampleFormatsThatCannotBeConvertedAreRefused() throws Exception {
		ByteBuffer big = ByteBuffer.allocate(32).putDouble(1e300).putDouble(0).putDouble(0).putDouble(0);
		TiffBytes f64 = TiffBytes.bigEndian();
		f64.plane(4, 1, 64, TiffDirectories.FLOAT, big.array());
		assertTrue(refused("f64big.tif", f64).contains("beyond the 32-bit float range"));
		TiffBytes b12 = TiffBytes.bigEndian();
		b12.plane(4, 1, 12, TiffDirectories.UINT, new byte[6]);
		assertTrue(refused("b12.tif", b12).contains("12-bit unsigned integer samples"));
		TiffBytes f24 = TiffBytes.bigEndian();
		f24.plane(4, 1, 24, TiffDirectories.FLOAT, new byte[12]);
		assertTrue(refused("f24.tif", f24).contains("24-bit floating-point samples"));
		TiffBytes complex = TiffBytes.bigEndian();
		complex.plane(2, 1, 64, 6, new byte[16]);
		assertTrue(refused("complex.tif", complex).contains("complex floating-point"));
		TiffBytes mixed = TiffBytes.bigEndian();
		mixed.plane(2, 1, 8, 1, new byte[4]).tag(277, TiffBytes.SHORT, 2).tag(258, TiffBytes.SHORT, 8, 16);
		assertTrue(refused("mixed.tif", mixed).contains("mixed bits per sample"));
	}

	@Test
	void anImageThatWouldNotFitInMemoryIsRefusedWithTheEstimate() {
		List<TiffDirectories.Plane> layout = List.of(new TiffDirectories.Plane(20000, 20000, 32, 1, 3, 1, 1));
		String m = assertThrows(InputException.class, () -> Samples.checkFits("big.tif", layout, 512L << 20))
			.getMessage();
		// 4e8 floats plus the decoded plane: 3.0 GB; 512 MB hold 67 million pixels at 8 bytes each
		assertTrue(m.contains("reading big.tif (20000 x 20000 px) needs about 3.0 GB"), m);
		assertTrue(m.contains("more than the 512.0 MB free") && m.contains("about 67 million pixels fit (one plane of " +
			"8192 x 8192 px)"), m);
		Samples.checkFits("fits.tif", layout, 4L << 30);
	}

	@Test
	void ordinaryFilesStillReadInEitherByteOrder() throws Exception {
		TiffBytes le = TiffBytes.littleEndian();
		le.floats(2, 2, 1, 2, 3, 4);
		le.floats(2, 2, 5, 6, 7, 8);
		TiffImage img = read("le.tif", le);
		assertEquals(2, img.planes());
		assertArrayEquals(new float[] { 1, 2, 3, 4, 5, 6, 7, 8 }, img.pixels());
	}
}
