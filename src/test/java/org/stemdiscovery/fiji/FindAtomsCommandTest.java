package org.stemdiscovery.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import ij.ImagePlus;
import ij.gui.PointRoi;
import ij.measure.ResultsTable;
import ij.plugin.frame.RoiManager;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.stemdiscovery.atoms.AtomTable;
import org.stemdiscovery.vae.AtomPatches;
import org.stemdiscovery.vae.PatchStack;
import org.stemdiscovery.atoms.FoundAtom;
import org.stemdiscovery.atoms.Matching;
import org.stemdiscovery.torch.TorchEngine;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.sim.GrapheneScene;
import org.stemdiscovery.sim.SyntheticImage;

class FindAtomsCommandTest {

	private static Context context;
	private static CommandService commands;

	@TempDir
	Path tmp;

	@BeforeAll
	static void start() {
		System.setProperty(TorchEngine.PROPERTY, "1");
		context = new Context(CommandService.class);
		commands = context.service(CommandService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	private static CommandModule run(Class<? extends org.scijava.command.Command> c, Object... inputs) throws Exception {
		return commands.run(c, true, inputs).get();
	}

	private static SyntheticImage scene() {
		return GrapheneScene.defaults().generate(192, 160, 8);
	}

	private static ImagePlus imageOf(SyntheticImage s) {
		return new ImagePlus("graphene", new FloatProcessor(s.width(), s.height(), s.noisy().clone()));
	}

	@Test
	void findAtomsGivesTableAndClassColouredOverlayAndLeavesTheRoiManagerAlone() throws Exception {
		SyntheticImage s = scene();
		ImagePlus imp = imageOf(s);
		CommandModule m = run(FindAtomsCommand.class, "image", imp, "method", "dcnn", "threshold", 0.5, "refine", false,
			"shift", 1.5, "augment", false, "model", "default", "probabilityMap", true, "roiManager", false);
		ResultsTable rt = (ResultsTable) m.getOutput("atoms");
		for (String col : List.of("X", "Y", "Class", "Probability"))
			assertTrue(rt.columnExists(col), col);
		List<double[]> truth = s.atomsInside().stream().map(a -> new double[] { a.x(), a.y() }).toList();
		List<FoundAtom> found = ExtractPatchesCommand.fromTable(rt, "Atoms");
		assertTrue(Matching.of(found, truth, Matching.radiusFor(truth)).f1() > 0.95);
		// Overlay: one point selection per class present, ImageJ coordinates = ours + 0.5.
		assertNotNull(imp.getOverlay());
		PointRoi first = (PointRoi) imp.getOverlay().get(0);
		assertEquals(rt.getValue("X", 0) + 0.5, first.getFloatPolygon().xpoints[0], 1e-3);
		int points = 0;
		for (int i = 0; i < imp.getOverlay().size(); i++)
			points += imp.getOverlay().get(i).size();
		assertEquals(rt.size(), points);
		assertTrue(rt.getColumnAsDoubles(rt.getColumnIndex("Class")).length == rt.size());
		ImagePlus prob = (ImagePlus) m.getOutput("probability");
		assertEquals(192, prob.getWidth());
		assertNull(RoiManager.getInstance(), "the ROI Manager must stay untouched");
	}

	@Test
	void classicalMethodRunsWithoutAModelAndNoProbabilityImageUnlessAsked() throws Exception {
		ImagePlus imp = imageOf(scene());
		CommandModule m = run(FindAtomsCommand.class, "image", imp, "method", "classical", "threshold", 0.5, "refine", true,
			"shift", 1.5, "augment", false, "model", "default", "probabilityMap", false, "roiManager", false);
		assertTrue(((ResultsTable) m.getOutput("atoms")).size() > 50);
		assertNull(m.getOutput("probability"));
	}

	@Test
	void extractPatchesFromACsvCarriesTheAtomsInTheStackInfo() throws Exception {
		SyntheticImage s = scene();
		List<FoundAtom> atoms = s.atomsInside().stream().map(a -> new FoundAtom(a.x(), a.y(), a.cls(), 1)).toList();
		Path csv = tmp.resolve("atoms.csv");
		AtomTable.write(csv, atoms);
		CommandModule m = run(ExtractPatchesCommand.class, "image", imageOf(s), "size", 24, "table", "Atoms", "csv", csv
			.toString());
		ImagePlus stack = (ImagePlus) m.getOutput("patches");
		Map<String, String> info = ImagePlusImages.readInfo(stack);
		assertEquals(Integer.toString(stack.getStackSize()), info.get(AtomPatches.COUNT));
		AtomPatches back = AtomPatches.fromProperties(info, new PatchStack(planes(stack), 24, 24, stack
			.getStackSize()));
		int last = stack.getStackSize() - 1;
		assertEquals(atoms.get(back.atomIndex()[last]).y(), back.y()[last], 1e-3);
		assertEquals(192, back.sourceWidth());
		ResultsTable rt = (ResultsTable) m.getOutput("patchAtoms");
		assertEquals(stack.getStackSize(), rt.size());
		assertTrue(stack.getStackSize() < atoms.size(), "border atoms are skipped");
	}

	@Test
	void aRecordedMacroWithMethodClassicalStillRunsTheLogFinder() throws Exception {
		ImagePlus imp = imageOf(scene());
		String err = bridge(FindAtomsCommand.class, imp, "method=classical threshold=0.5 maximum=1.5 " +
			"model=default");
		assertEquals("", err.trim());
		assertNotNull(imp.getOverlay(), "the atoms are drawn on the image");
		assertTrue(imp.getOverlay().get(0).size() > 50);
	}

	/** Every plane of a 32-bit stack, back to back. */
	private static float[] planes(ImagePlus stack) {
		int p = stack.getWidth() * stack.getHeight();
		float[] out = new float[stack.getStackSize() * p];
		for (int k = 0; k < stack.getStackSize(); k++)
			System.arraycopy((float[]) stack.getStack().getPixels(k + 1), 0, out, k * p, p);
		return out;
	}

	/** Runs a command through the ImageJ 1 bridge as a batch macro does; returns what it printed to stderr. */
	private static String bridge(Class<?> command, ImagePlus current, String options) throws InterruptedException {
		java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
		java.io.PrintStream old = System.err;
		boolean batch = ij.macro.Interpreter.batchMode;
		ij.macro.Interpreter.batchMode = true;
		Thread t = new Thread(() -> {
			ij.WindowManager.setTempCurrentImage(current);
			ij.Macro.setOptions(options);
			new CommandBridge().run(command.getName());
			ij.Macro.setOptions(null);
		}, "Run$_find-atoms-test");
		System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
		try {
			t.start();
			t.join(120_000);
		}
		finally {
			System.setErr(old);
			ij.macro.Interpreter.batchMode = batch;
			ij.WindowManager.setTempCurrentImage(null);
		}
		return err.toString(java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void rgbImagesAreRefusedWithAHint() throws Exception {
		ImagePlus rgb = new ImagePlus("colour", new ColorProcessor(64, 64));
		org.scijava.module.Module m = run(FindAtomsCommand.class, "image", rgb, "method", "dcnn", "threshold", 0.5, "refine",
			false, "shift", 1.5, "augment", false, "model", "default", "probabilityMap", false, "roiManager", false);
		assertTrue(((org.scijava.command.CommandModule) m).isCanceled(), "bad input cancels the command");
		assertTrue(((org.scijava.command.CommandModule) m).getCancelReason().contains("RGB"));
	}
}
