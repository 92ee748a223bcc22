package org.stemdiscovery.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.macro.Interpreter;
import ij.process.FloatProcessor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stemdiscovery.image.Grid;

/**
 * The ImageJ 1 bridge in-process, as a batch-mode macro drives it: options on a {@code Run$_} thread, the
 * current image as input, the output becoming the current image. The real macro under Xvfb is MacroIT.
 */
class CommandBridgeTest {

	private static final String FFT = SlidingFftCommand.class.getName();

	@BeforeEach
	void batchMode() {
		Interpreter.batchMode = true;
	}

	@AfterEach
	void reset() {
		Interpreter.batchMode = false;
		WindowManager.setTempCurrentImage(null);
	}

	/** Runs the bridge like ImageJ's macro runner: on a thread named Run$_… that holds the options. */
	private static String runBridge(ImagePlus current, String options) throws InterruptedException {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream old = System.err;
		Thread t = new Thread(() -> {
			WindowManager.setTempCurrentImage(current);
			Macro.setOptions(options);
			new CommandBridge().run(FFT);
			Macro.setOptions(null);
		}, "Run$_bridge-test");
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		try {
			t.start();
			t.join(60_000);
		}
		finally {
			System.setErr(old);
		}
		return err.toString(StandardCharsets.UTF_8);
	}

	@Test
	void macroOptionsReachTheCommandAndTheStackBecomesCurrent() throws Exception {
		ImagePlus img = new ImagePlus("lattice", new FloatProcessor(128, 128, lattice(128)));
		final ImagePlus[] current = new ImagePlus[1];
		Thread t = new Thread(() -> {
			WindowManager.setTempCurrentImage(img);
			Macro.setOptions("window=32 step=16 zoom=2 taper=none linear");
			new CommandBridge().run(FFT);
			current[0] = WindowManager.getCurrentImage();
		}, "Run$_bridge-test");
		t.start();
		t.join(60_000);
		assertNotNull(current[0]);
		assertEquals("lattice-fft", current[0].getTitle());
		assertEquals(49, current[0].getStackSize());
		assertEquals(16, current[0].getWidth());
		Map<String, String> info = ImagePlusImages.readInfo(current[0]);
		assertEquals(Grid.ofWindows(128, 128, 32, 16), Grid.fromProperties(info));
		assertEquals("none", info.get("stemdiscovery.fft.taper"));
		assertEquals("false", info.get("stemdiscovery.fft.log"));
	}

	@Test
	void unknownOptionsAndOutOfRangeValuesAreOneLineMessages() throws Exception {
		ImagePlus img = new ImagePlus("lattice", new FloatProcessor(64, 64, lattice(64)));
		String unknown = runBridge(img, "windw=32 step=16");
		assertTrue(unknown.contains("'windw' is not an option of Sliding FFT Stack; its options are"), unknown);
		assertTrue(unknown.contains("window"), unknown);
		String small = runBridge(img, "window=2 step=16");
		assertTrue(small.contains("Window size (px): window 2 px is out of range; choose 4 to 4096"), small);
		String big = runBridge(img, "window=128 step=16");
		assertTrue(big.contains("window 128 px is larger than the 64 x 64 px image"), big);
		assertEquals(1, big.strip().lines().count(), "one line, no stack trace: " + big);
	}

	@Test
	void optionsParseLikeImageJ() {
		assertEquals(Map.of("window", "64", "taper", "hann window", "linear", "true"),
			MacroOptions.parse("window=64 taper=[hann window] linear"));
	}

	private static float[] lattice(int n) {
		float[] px = new float[n * n];
		for (int y = 0; y < n; y++)
			for (int x = 0; x < n; x++)
				px[y * n + x] = (float) (Math.cos(2 * Math.PI * x / 8) + Math.cos(2 * Math.PI * y / 8));
		return px;
	}
}
