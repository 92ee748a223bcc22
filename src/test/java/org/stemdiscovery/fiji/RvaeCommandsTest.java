package org.stemdiscovery.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.process.FloatProcessor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.sim.Atom;
import org.stemdiscovery.sim.DomainWallScene;
import org.stemdiscovery.sim.SyntheticImage;
import org.stemdiscovery.vae.AtomPatches;
import org.stemdiscovery.vae.MapStack;

class RvaeCommandsTest {

	private static Context context;
	private static CommandService commands;

	@BeforeAll
	static void start() {
		context = new Context(CommandService.class);
		commands = context.service(CommandService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	private static SyntheticImage wall() {
		return DomainWallScene.defaults().generate(96, 96, 3);
	}

	private static CommandModule train(ImagePlus stack, File model) throws Exception {
		return commands.run(TrainRvaeCommand.class, true, "stack", stack, "latents", 2, "epochs", 2, "batch", 20,
			"rate", 1e-3, "seed", 0, "angle", 1.5, "noise", 0.1, "likelihood", "gaussian", "rotation", true,
			"translation", true, "hidden", 16, "manifold", 3, "threads", 1, "model", model).get();
	}

	@Test
	void trainOnAnFftStackGivesGridMapsAndEncodeReproducesTheTable(@TempDir Path dir) throws Exception {
		SyntheticImage img = wall();
		ImagePlus source = new ImagePlus("wall", new FloatProcessor(img.width(), img.height(), img.noisy()));
		CommandModule fft = commands.run(SlidingFftCommand.class, true, "image", source, "window", 16, "step", 8,
			"zoom", 1, "taper", "hann", "linear", false, "subtract", false, "overlay", false, "threads", 1).get();
		ImagePlus stack = (ImagePlus) fft.getOutput("stack");
		Grid grid = SlidingFftCommand.gridOf(stack);
		File model = dir.resolve("model").toFile();
		CommandModule m = train(stack, model);
		ResultsTable table = (ResultsTable) m.getOutput("table");
		assertEquals(grid.size(), table.size());
		assertTrue(table.columnExists("angle") && table.columnExists("z2_std") && table.columnExists("dy"));
		ImagePlus maps = (ImagePlus) m.getOutput("maps");
		assertEquals(grid.cols(), maps.getWidth());
		assertEquals(grid.rows(), maps.getHeight());
		assertEquals(5, maps.getStackSize());
		assertEquals("z1", maps.getStack().getSliceLabel(4));
		assertEquals(grid, SlidingFftCommand.gridOf(maps));
		int item = grid.index(2, 3);
		assertEquals(table.getValue("z1", item), maps.getStack().getProcessor(4).getf(3, 2), 1e-6);
		ImagePlus manifold = (ImagePlus) m.getOutput("decoded");
		assertEquals(48, manifold.getWidth());
		assertNotNull(m.getOutput("lossPlot"), "headless: the loss plot comes back as an image");
		assertTrue(Files.isRegularFile(model.toPath().resolve("rvae.json")));

		CommandModule e = commands.run(EncodeRvaeCommand.class, true, "stack", stack, "model", model, "manifold", 3).get();
		ResultsTable again = (ResultsTable) e.getOutput("table");
		for (String col : List.of("angle", "dx", "z1", "z2_std"))
			for (int i = 0; i < table.size(); i += 7)
				assertEquals(table.getValue(col, i), again.getValue(col, i), 0, col + " row " + i);
	}

	@Test
	void atomPatchMapsCoverTheSourceImageAroundEachAtom(@TempDir Path dir) throws Exception {
		SyntheticImage img = wall();
		double[] x = img.atoms().stream().mapToDouble(Atom::x).toArray(), y = img.atoms().stream().mapToDouble(Atom::y).toArray();
		AtomPatches cut = AtomPatches.cut(img.noisy(), img.width(), img.height(), x, y, 12);
		ImagePlus stack = ImagePlusImages.floatStack("patches", cut.patches().data(), 12, 12, cut.patches().count());
		ImagePlusImages.putInfo(stack, cut.toProperties());
		CommandModule m = train(stack, dir.resolve("m").toFile());
		ImagePlus maps = (ImagePlus) m.getOutput("maps");
		assertEquals(img.width(), maps.getWidth());
		assertEquals(img.height(), maps.getHeight());
		assertEquals("atoms", ImagePlusImages.readInfo(maps).get(MapStack.LAYOUT_KEY));
		ResultsTable table = (ResultsTable) m.getOutput("table");
		int k = cut.patches().count() / 2;
		int px = (int) Math.round(cut.x()[k]), py = (int) Math.round(cut.y()[k]);
		assertEquals(table.getValue("z1", k), maps.getStack().getProcessor(4).getf(px, py), 1e-6);
	}

	@Test
	void aStackWithNaNsFailsWithTheMessageThatNamesTheFix(@TempDir Path dir) throws Exception {
		float[] d = new float[3 * 64];
		d[70] = Float.NaN;
		ImagePlus stack = ImagePlusImages.floatStack("nan", d, 8, 8, 3);
		org.scijava.command.CommandModule m = commands.run(TrainRvaeCommand.class, true, "stack", stack, "epochs", 1,
			"batch", 3, "model", dir.toFile()).get();
		assertTrue(m.isCanceled(), "bad input cancels the command");
		assertTrue(m.getCancelReason().contains("NaN") && m.getCancelReason().contains("Remove NaNs"), m
			.getCancelReason());
	}
	@Test
	void bothCommandsAreBuiltFromTheirSpecs() throws Exception {
		assertEquals(List.of(), SpecConsistencyTest.check(TrainRvaeCommand.class));
		assertEquals(List.of(), SpecConsistencyTest.check(EncodeRvaeCommand.class));
	}
}
