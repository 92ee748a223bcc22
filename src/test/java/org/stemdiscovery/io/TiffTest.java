package org.stemdiscovery.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemdiscovery.image.InputException;

class TiffTest {

	@TempDir
	Path dir;

	@Test
	void floatStackAndInfoRoundTrip() throws Exception {
		float[] px = new float[5 * 3 * 4];
		for (int i = 0; i < px.length; i++)
			px[i] = (float) Math.sin(i) * 1e3f;
		Path f = dir.resolve("s.tif");
		Tiff.writeFloat(f, px, 5, 3, 4, Map.of("stemdiscovery.grid.step", "8", "note", "a = b"));
		TiffImage back = Tiff.read(f);
		assertEquals(5, back.width());
		assertEquals(3, back.height());
		assertEquals(4, back.planes());
		assertArrayEquals(px, back.pixels());
		assertEquals("8", back.info().get("stemdiscovery.grid.step"));
		assertEquals("a = b", back.info().get("note"));
		assertTrue(Files.notExists(dir.resolve("s.tif.part")));
	}

	@Test
	void bytesRoundTripWithoutInfo() throws Exception {
		byte[] px = { 0, 1, 1, 0, 1, 0 };
		Path f = dir.resolve("m.tif");
		Tiff.writeBytes(f, px, 3, 2, 1, Map.of());
		TiffImage back = Tiff.read(f);
		assertArrayEquals(new float[] { 0, 1, 1, 0, 1, 0 }, back.pixels());
		assertTrue(back.info().isEmpty());
	}

	@Test
	void unreadableInputsAreExplained() throws Exception {
		assertTrue(message(dir.resolve("missing.tif")).contains("no such file"));
		Path empty = Files.createFile(dir.resolve("empty.tif"));
		assertTrue(message(empty).contains("is empty"));
		Path text = Files.writeString(dir.resolve("text.tif"), "not an image");
		assertTrue(message(text).contains("not a TIFF image"));
		BufferedImage rgb = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		Path png = dir.resolve("rgb.png");
		ImageIO.write(rgb, "png", png.toFile());
		assertTrue(message(png).contains("RGB colour image"));
	}

	private static String message(Path p) {
		return assertThrows(InputException.class, () -> Tiff.read(p)).getMessage();
	}

	@Test
	void jsonRoundTripsNestedValues() {
		Map<String, Object> m = new java.util.LinkedHashMap<>();
		m.put("a", 1.5);
		m.put("list", List.of(1, "two", true));
		m.put("text", "quote \" and \n newline");
		m.put("arr", new double[] { 0.25, Double.NaN });
		Map<String, Object> back = Json.parseObject(Json.write(m));
		assertEquals(1.5, back.get("a"));
		assertEquals(List.of(1.0, "two", true), back.get("list"));
		assertEquals("quote \" and \n newline", back.get("text"));
		assertEquals(java.util.Arrays.asList(0.25, null), back.get("arr"));
		assertTrue(assertThrows(InputException.class, () -> Json.parse("{\"a\": }")).getMessage().contains("not valid JSON"));
	}

	@Test
	void pixelSizeComesFromImageJsCalibration() throws Exception {
		ij.ImagePlus imp = new ij.ImagePlus("c", new ij.process.FloatProcessor(8, 6));
		imp.getCalibration().pixelWidth = 0.25;
		imp.getCalibration().pixelHeight = 0.25;
		imp.getCalibration().setUnit("\u00b5m"); // ImageJ saves it as the escape \u00B5m
		Path f = dir.resolve("cal.tif");
		assertTrue(new ij.io.FileSaver(imp).saveAsTiff(f.toString()));
		assertEquals(250, Tiff.pixelSizeNm(f), 1e-6);
		imp.getCalibration().setUnit("nm");
		imp.getCalibration().pixelWidth = 0.0137;
		assertTrue(new ij.io.FileSaver(imp).saveAsTiff(f.toString()));
		assertEquals(0.0137, Tiff.pixelSizeNm(f), 1e-9);
	}

	@Test
	void anUncalibratedTiffHasNoPixelSize() throws Exception {
		Path f = dir.resolve("plain.tif");
		Tiff.writeFloat(f, new float[12], 4, 3, 1, Map.of());
		assertTrue(Double.isNaN(Tiff.pixelSizeNm(f)));
		ij.ImagePlus imp = new ij.ImagePlus("p", new ij.process.FloatProcessor(4, 3)); // unit "pixel"
		Path g = dir.resolve("pixel.tif");
		assertTrue(new ij.io.FileSaver(imp).saveAsTiff(g.toString()));
		assertTrue(Double.isNaN(Tiff.pixelSizeNm(g)));
		assertEquals(0.1, PixelSize.unit("ImageJ=1.54\nunit=\\u00C5\n"), 0);
		assertEquals(null, PixelSize.unit("ImageJ=1.54\nunit=pixel\n"));
	}

	@Test
	void aRealImagesCalibrationIsRead() {
		// PROVENANCE.md: the MoS2 frame is 0.013672 nm per pixel
		Path mos2 = org.stemdiscovery.SharedFiles.require("data/mos2_monolayer_512.tif");
		assertEquals(0.013672, Tiff.pixelSizeNm(mos2), 1e-6);
	}
}
