package org.stemdiscovery.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Overlay;
import ij.macro.Interpreter;
import ij.measure.ResultsTable;
import ij.process.FloatProcessor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.sim.PillarScene;
import org.stemdiscovery.sim.SyntheticImage;

/** The Fiji command headless through SciJava, chained after Sliding FFT Stack as a macro would chain them. */
class DecomposeCommandTest {

	static Context context;
	static CommandService commands;

	@BeforeAll
	static void start() {
		context = new Context(CommandService.class);
		commands = context.service(CommandService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	static ImagePlus pillars(String title) {
		SyntheticImage img = PillarScene.defaults().generate(192, 192, 5);
		return new ImagePlus(title, new FloatProcessor(192, 192, img.noisy().clone()));
	}

	static ImagePlus fftStack(ImagePlus src) throws Exception {
		CommandModule m = commands.run(SlidingFftCommand.class, true, "image", src, "window", 32, "step", 8, "overlay",
			false, "threads", 2).get();
		return (ImagePlus) m.getOutput("stack");
	}

	@Test
	void chainsAfterSlidingFftAndOverlaysTheSourceImage() throws Exception {
		ImagePlus src = pillars("pillars-source.tif");
		boolean batch = Interpreter.batchMode;
		Interpreter.batchMode = true; // headless "open" images are batch-mode images: WindowManager finds them by title
		Interpreter.addBatchModeImage(src);
		try {
			ImagePlus stack = fftStack(src);
			Grid grid = SlidingFftCommand.gridOf(stack);
			CommandModule m = commands.run(DecomposeCommand.class, true, "image", stack, "method", "nmf", "components", 2,
				"seed", 0, "iterations", 300, "overlay", 2, "threads", 2).get();
			ImagePlus comps = (ImagePlus) m.getOutput("componentStack");
			ImagePlus maps = (ImagePlus) m.getOutput("abundanceStack");
			ResultsTable table = (ResultsTable) m.getOutput("table");
			assertEquals(stack.getShortTitle() + "-components", comps.getTitle());
			assertEquals(2, comps.getStackSize());
			assertEquals(32, comps.getWidth());
			assertEquals(stack.getShortTitle() + "-abundances", maps.getTitle());
			assertEquals(grid.cols(), maps.getWidth());
			assertEquals(grid.rows(), maps.getHeight());
			assertEquals(2, maps.getStackSize());
			assertEquals(grid, SlidingFftCommand.gridOf(maps), "the abundance maps carry the window grid");
			assertEquals(2, table.size());
			double shares = table.getValue("Share", 0) + table.getValue("Share", 1);
			assertEquals(1, shares, 1e-9);
			assertTrue(table.getValue("Max", 0) >= table.getValue("Mean", 0));
			// The map in the stack is the decomposition's abundance, in grid order.
			DecomposeCommand cmd = (DecomposeCommand) m.getDelegateObject();
			float[] plane2 = (float[]) maps.getStack().getProcessor(2).getPixels();
			assertEquals(cmd.decomposition().abundances()[1][grid.index(3, 4)], plane2[3 * grid.cols() + 4], 1e-6);
			Overlay o = src.getOverlay();
			assertNotNull(o, "the chosen component is laid over the source image");
			assertEquals(1, count(o), "one abundance overlay element");
			// Running again replaces the element instead of stacking another.
			commands.run(DecomposeCommand.class, true, "image", stack, "method", "svd", "components", 2, "overlay", 1,
				"threads", 1).get();
			assertEquals(1, count(src.getOverlay()));
		}
		finally {
			Interpreter.removeBatchModeImage(src);
			Interpreter.batchMode = batch;
		}
	}

	static int count(Overlay o) {
		int c = 0;
		for (int i = 0; i < o.size(); i++)
			if (DecomposeCommand.OVERLAY_NAME.equals(o.get(i).getName())) c++;
		return c;
	}

	@Test
	void aStackWithoutGridIsDecomposedAsPlainFrames() throws Exception {
		ImageStack frames = new ImageStack(8, 8);
		for (int s = 0; s < 12; s++) {
			float[] p = new float[64];
			for (int i = 0; i < 64; i++)
				p[i] = (float) (1 + Math.sin(0.1 * i * (1 + s % 3)) + 0.1 * s);
			frames.addSlice(new FloatProcessor(8, 8, p));
		}
		CommandModule m = commands.run(DecomposeCommand.class, true, "image", new ImagePlus("frames", frames), "method",
			"nfindr", "components", 3, "threads", 1).get();
		assertNull(m.getOutput("abundanceStack"), "no grid, no maps");
		assertEquals(3, ((ImagePlus) m.getOutput("componentStack")).getStackSize());
		ResultsTable t = (ResultsTable) m.getOutput("table");
		assertEquals(3, t.size());
		assertTrue(t.columnExists("Endmember frame"));
	}

	@Test
	void savedAsTiffTheStacksKeepTheirGridAndChainAgain(@TempDir Path dir) throws Exception {
		ImagePlus stack = fftStack(pillars("p.tif"));
		Grid grid = SlidingFftCommand.gridOf(stack);
		String path = dir.resolve("p-fft.tif").toString();
		assertTrue(IJ.saveAsTiff(stack, path));
		ImagePlus reopened = IJ.openImage(path);
		assertEquals(grid, SlidingFftCommand.gridOf(reopened));
		CommandModule m = commands.run(DecomposeCommand.class, true, "image", reopened, "method", "svd", "components", 3,
			"overlay", 0, "threads", 1).get();
		ImagePlus maps = (ImagePlus) m.getOutput("abundanceStack");
		String mapsPath = dir.resolve("maps.tif").toString();
		assertTrue(IJ.saveAsTiff(maps, mapsPath));
		ImagePlus mapsAgain = IJ.openImage(mapsPath);
		assertEquals(grid, SlidingFftCommand.gridOf(mapsAgain));
		assertEquals("svd", ImagePlusImages.readInfo(mapsAgain).get("stemdiscovery.decompose.method"));
		assertEquals("p.tif", ImagePlusImages.readInfo(mapsAgain).get(SlidingFftCommand.SOURCE_KEY));
	}

	@Test
	void aSingleImageIsRefusedWithWhatToDo() {
		Module module = context.service(ModuleService.class).createModule(commands.getCommand(DecomposeCommand.class));
		module.setInput("image", pillars("one.tif"));
		module.run();
		String msg = ((CommandModule) module).getCancelReason();
		assertTrue(((CommandModule) module).isCanceled());
		assertTrue(msg.contains("single 2-D image") && msg.contains("Sliding FFT Stack"), msg);
	}

	@Test
	void nmfRefusesNegativeFramesUnlessAskedToShift() throws Exception {
		ImageStack frames = new ImageStack(6, 6);
		for (int s = 0; s < 10; s++) {
			float[] p = new float[36];
			for (int i = 0; i < 36; i++)
				p[i] = (float) Math.sin(0.3 * i + s);
			frames.addSlice(new FloatProcessor(6, 6, p));
		}
		ImagePlus imp = new ImagePlus("signed", frames);
		Module module = context.service(ModuleService.class).createModule(commands.getCommand(DecomposeCommand.class));
		module.setInput("image", imp);
		module.run();
		String msg = ((CommandModule) module).getCancelReason();
		assertTrue(msg.contains("negative") && msg.contains("Shift"), msg);
		CommandModule m = commands.run(DecomposeCommand.class, true, "image", imp, "method", "nmf", "components", 2,
			"shift", true, "threads", 1).get();
		assertEquals(2, ((ImagePlus) m.getOutput("componentStack")).getStackSize());
	}

	static ImagePlus plainFrames() {
		ImageStack frames = new ImageStack(8, 8);
		for (int s = 0; s < 12; s++) {
			float[] p = new float[64];
			for (int i = 0; i < 64; i++)
				p[i] = (float) (1 + Math.sin(0.1 * i * (1 + s % 3)) + 0.1 * s);
			frames.addSlice(new FloatProcessor(8, 8, p));
		}
		return new ImagePlus("frames", frames);
	}

	/** Threads 0 is every core here as on the command line (where it used to be refused). */
	@Test
	void zeroThreadsMeansEveryCore() throws Exception {
		CommandModule m = commands.run(DecomposeCommand.class, true, "image", plainFrames(), "method", "svd",
			"components", 2, "threads", 0).get();
		assertTrue(!m.isCanceled(), m.getCancelReason());
		assertEquals(2, ((ImagePlus) m.getOutput("componentStack")).getStackSize());
	}

	/**
	 * The options the command line had alone (tolerance, N-FINDR start) reach Fiji under their macro keys, and
	 * the older method spellings are accepted there too.
	 */
	@Test
	void macroKeysReachEveryParameter() throws Exception {
		Module module = context.service(ModuleService.class).createModule(commands.getCommand(DecomposeCommand.class));
		List<ModuleItem<?>> fields = new ArrayList<>();
		for (ModuleItem<?> item : module.getInfo().inputs())
			if (ModuleDialog.editable(item.getType())) fields.add(item);
		DecomposeCommand cmd = (DecomposeCommand) module.getDelegateObject();
		new ModuleDialog("Decompose (NMF/SVD/N-FINDR)", fields, cmd.spec()).fromOptions(module,
			"method=n-findr components=2 seed=1 iterations=5 tolerance=0.001 start=random overlay=0 threads=0");
		assertEquals("nfindr", module.getInput("method"));
		assertEquals("random", module.getInput("start"));
		assertEquals(0.001, (Double) module.getInput("tol"), 1e-12);
		module.setInput("image", plainFrames());
		for (ModuleItem<?> item : module.getInfo().inputs())
			module.resolveInput(item.getName());
		context.service(ModuleService.class).run(module, false).get();
		assertTrue(!((CommandModule) module).isCanceled(), ((CommandModule) module).getCancelReason());
		assertEquals(2, cmd.decomposition().k());
		assertEquals("nfindr", cmd.decomposition().method());
		String bad = assertThrows(InputException.class, () -> new ModuleDialog("Decompose", fields, cmd.spec())
			.fromOptions(module, "start=vca")).getMessage();
		assertTrue(bad.contains("atgp or random"), bad);
	}

	@Test
	void theCommandIsBuiltFromItsSpec() throws Exception {
		assertEquals(List.of(), SpecConsistencyTest.check(DecomposeCommand.class));
	}

	/** The dialog shows the tolerance 1e-4 as itself, not as 0.000 (which it would read back as 0). */
	@Test
	void smallRealsShowInScientificNotation() {
		assertEquals(-3, ModuleDialog.digits(double.class, 1e-4));
		assertEquals(3, ModuleDialog.digits(double.class, 0.5));
		assertEquals(3, ModuleDialog.digits(double.class, 0));
		assertEquals(0, ModuleDialog.digits(int.class, 500));
	}
}
