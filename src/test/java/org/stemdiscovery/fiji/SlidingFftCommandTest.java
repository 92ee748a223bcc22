package org.stemdiscovery.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.ResultsTable;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.stemdiscovery.fft.SlidingFft;
import org.stemdiscovery.fft.SlidingFftSettings;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;

/** The command as Jython scripts and headless batch runs call it: through SciJava's CommandService. */
class SlidingFftCommandTest {

	private static Context context;

	@TempDir
	Path dir;

	@BeforeAll
	static void start() {
		context = new Context(CommandService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	private static CommandModule run(Object... inputs) throws Exception {
		return context.service(CommandService.class).run(SlidingFftCommand.class, true, inputs).get();
	}

	private static ImagePlus testImage() {
		TiffImage t = Tiff.read(Path.of("test-images/pillars_256.tif"));
		return new ImagePlus("pillars_256.tif", new FloatProcessor(t.width(), t.height(), t.pixels().clone()));
	}

	@Test
	void makesTheStackWithItsGridAndAWindowTable() throws Exception {
		ImagePlus img = testImage();
		CommandModule m = run("image", img, "window", 64, "step", 16, "zoom", 2);
		ImagePlus stack = (ImagePlus) m.getOutput("stack");
		assertEquals("pillars_256-fft", stack.getTitle());
		assertEquals(13 * 13, stack.getStackSize());
		assertEquals(32, stack.getWidth());
		assertEquals(Grid.ofWindows(256, 256, 64, 16), SlidingFftCommand.gridOf(stack));
		assertEquals("pillars_256.tif", ImagePlusImages.readInfo(stack).get(SlidingFftCommand.SOURCE_KEY));

		// the pixels are the core's, frame by frame
		var core = new SlidingFft(SlidingFftSettings.of(64, 16).withZoom(2), 1).compute(ImagePlusImages.wrapPlane(img),
			Progress.NONE);
		float[] frame100 = (float[]) stack.getStack().getPixels(101);
		for (int i = 0; i < frame100.length; i++)
			assertEquals(core.data()[100 * 32 * 32 + i], frame100[i], 0f);

		ResultsTable rt = (ResultsTable) m.getOutput("windows");
		assertEquals(169, rt.size());
		assertEquals(31.5, rt.getValue("X", 0));
		assertEquals(16 * 12 + 31.5, rt.getValue("Y", 168));
		assertNotNull(img.getOverlay(), "the window grid is drawn on the source image");
		assertEquals(3, img.getOverlay().size());
	}

	@Test
	void theGridSurvivesSavingAndReopeningTheStack() throws Exception {
		ImagePlus stack = (ImagePlus) run("image", testImage(), "window", 32, "step", 8, "overlay", false)
			.getOutput("stack");
		String path = dir.resolve("stack.tif").toString();
		IJ.saveAsTiff(stack, path);
		ImagePlus back = IJ.openImage(path);
		assertEquals(Grid.ofWindows(256, 256, 32, 8), SlidingFftCommand.gridOf(back));
		// and the project's own TIFF reader sees the same Info outside Fiji
		assertEquals(Grid.ofWindows(256, 256, 32, 8), Grid.fromProperties(Tiff.read(Path.of(path)).info()));
	}

	@Test
	void repeatedRunsReplaceOnlyTheirOwnOverlay() throws Exception {
		ImagePlus img = testImage();
		ij.gui.Overlay mine = new ij.gui.Overlay(new ij.gui.Roi(1, 1, 5, 5));
		img.setOverlay(mine);
		run("image", img, "window", 64, "step", 32);
		run("image", img, "window", 64, "step", 16);
		assertEquals(1 + 3, img.getOverlay().size(), "the user's ROI stays, ours is replaced");
	}

	@Test
	void badImagesAreRefusedWithWhatToDo() throws Exception {
		ImagePlus rgb = new ImagePlus("colour", new ColorProcessor(64, 64));
		assertTrue(message(rgb, 32).contains("RGB colour image; convert it to grey levels"));
		ImageStack s = new ImageStack(64, 64);
		s.addSlice(new FloatProcessor(64, 64));
		s.addSlice(new FloatProcessor(64, 64));
		assertTrue(message(new ImagePlus("two", s), 32).contains("has 2 planes"));
		assertTrue(message(testImage(), 300).contains("window 300 px is larger than the 256 x 256 px image"));
		FloatProcessor nan = new FloatProcessor(64, 64);
		nan.setf(3, 4, Float.NaN);
		assertTrue(message(new ImagePlus("nan", nan), 32).contains("pixel (3, 4) is NaN"));
	}

	/** Bad input cancels the command with the message as its reason, and no output. */
	private static String message(ImagePlus imp, int window) throws Exception {
		CommandModule m = run("image", imp, "window", window, "step", 8);
		assertTrue(m.isCanceled());
		assertNull(m.getOutput("stack"));
		return m.getCancelReason();
	}

	@Test
	void aStackWithoutGeometryHasNoGrid() {
		assertNull(SlidingFftCommand.gridOf(new ImagePlus("plain", new FloatProcessor(8, 8))));
	}
}
