package org.stemdiscovery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemdiscovery.atoms.AtomTable;
import org.stemdiscovery.atoms.FoundAtom;
import org.stemdiscovery.atoms.Matching;
import org.stemdiscovery.torch.TorchEngine;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;
import org.stemdiscovery.sim.Atom;
import org.stemdiscovery.sim.RandomLatticeScene;
import org.stemdiscovery.sim.SyntheticImage;
import org.stemdiscovery.vae.AtomPatches;
import org.stemdiscovery.vae.PatchStack;

class AtomsCliTest {

	@TempDir
	Path tmp;

	@BeforeAll
	static void threads() {
		System.setProperty(TorchEngine.PROPERTY, "1");
	}

	private record Run(int rc, String out, String err) {}

	private static Run run(String... args) {
		ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
		int rc = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true,
			StandardCharsets.UTF_8));
		return new Run(rc, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
	}

	private SyntheticImage writeScene(Path tif) throws Exception {
		SyntheticImage s = new RandomLatticeScene(10, 14, 100, 100, 0.02).generate(160, 128, 99);
		Tiff.writeFloat(tif, s.noisy(), s.width(), s.height(), 1, Map.of());
		return s;
	}

	@Test
	void atomsThenPatchesWriteTablesAndStacksThatMapBack() throws Exception {
		Path tif = tmp.resolve("scene.tif"), out = tmp.resolve("out");
		SyntheticImage s = writeScene(tif);
		for (String method : List.of("dcnn", "log")) {
			Path dir = out.resolve(method);
			Run r = run("atoms", "--image", tif.toString(), "--method", method, "--out", dir.toString());
			assertEquals(0, r.rc(), r.err());
			List<FoundAtom> found = AtomTable.read(dir.resolve("atoms.csv"));
			List<double[]> truth = s.atomsInside().stream().map((Atom a) -> new double[] { a.x(), a.y() }).toList();
			Matching m = Matching.of(found, truth, Matching.radiusFor(truth));
			assertTrue(m.f1() > 0.9, method + " " + m);
			TiffImage prob = Tiff.read(dir.resolve("probability.tif"));
			assertEquals(160, prob.width());
			assertEquals(method.equals("dcnn") ? 2 : 1, prob.planes());
		}
		Path atoms = out.resolve("dcnn/atoms.csv"), patches = tmp.resolve("patches");
		Run p = run("patches", "--image", tif.toString(), "--atoms", atoms.toString(), "--size", "16", "--out", patches
			.toString());
		assertEquals(0, p.rc(), p.err());
		List<FoundAtom> found = AtomTable.read(atoms);
		TiffImage stack = Tiff.read(patches.resolve("patches.tif"));
		assertEquals(16, stack.width());
		long inside = found.stream().filter(a -> Math.round(a.x()) >= 8 && Math.round(a.y()) >= 8 && Math.round(a.x()) +
			8 <= 160 && Math.round(a.y()) + 8 <= 128).count();
		assertEquals(inside, stack.planes());
		assertTrue(p.out().contains((found.size() - inside) + " atoms skipped"), p.out());
		// Slice 3 maps back to its atom, whose pixel sits at the patch centre (patches.csv says so too).
		var table = org.stemdiscovery.io.Csv.read(patches.resolve("patches.csv"));
		double[] a = table.rows().get(2);
		assertEquals(3, a[table.column("patch")]);
		FoundAtom atom = found.get((int) a[table.column("atom")]);
		assertEquals(atom.x(), a[table.column("x")], 1e-3);
		TiffImage img = Tiff.read(tif);
		float centre = stack.pixels()[2 * 256 + 8 * 16 + 8];
		assertEquals(img.pixels()[(int) Math.round(atom.y()) * 160 + (int) Math.round(atom.x())], centre, 0);
		// The stack's Info gives every patch's atom and the source size, in the one format the rVAE reads.
		AtomPatches back = AtomPatches.fromProperties(stack.info(), new PatchStack(stack.pixels(), 16, 16, stack
			.planes()));
		assertEquals(160, back.sourceWidth());
		assertEquals(128, back.sourceHeight());
		for (int k = 0; k < stack.planes(); k++) {
			FoundAtom f = found.get(back.atomIndex()[k]);
			assertEquals(f.x(), back.x()[k], 1e-3);
			assertEquals(f.y(), back.y()[k], 1e-3);
			assertEquals(f.cls(), back.cls()[k]);
		}
	}

	@Test
	void theClassicalNameAndTheOldMaxShiftOptionStillWork() throws Exception {
		Path tif = tmp.resolve("scene.tif");
		writeScene(tif);
		Path dir = tmp.resolve("classical");
		Run r = run("atoms", "--image", tif.toString(), "--method", "classical", "--max-shift", "1", "--out", dir
			.toString());
		assertEquals(0, r.rc(), r.err());
		TiffImage prob = Tiff.read(dir.resolve("probability.tif"));
		assertEquals("log", prob.info().get("stemdiscovery.atoms.method"));
		assertEquals("1.0", prob.info().get("stemdiscovery.atoms.maxShift"));
		assertEquals("true", prob.info().get("stemdiscovery.atoms.refine"), "the classical finder always refines");
	}

	@Test
	void trainAtomFinderWritesWeightsTheFinderLoads() throws Exception {
		Path dir = tmp.resolve("model");
		Run r = run("train-atom-finder", "--images", "8", "--epochs", "1", "--batch", "4", "--crop", "32", "--base", "4",
			"--levels", "2", "--validation", "1", "--validation-side", "64", "--threads", "1", "--out", dir.toString());
		assertEquals(0, r.rc(), r.err());
		assertTrue(r.out().contains("wrote "), r.out());
		String json = Files.readString(dir.resolve("atomnet.json"));
		assertTrue(json.contains("\"validation\"") && json.contains("\"images\": 8"), json);
		Path tif = tmp.resolve("scene.tif");
		writeScene(tif);
		Run a = run("atoms", "--image", tif.toString(), "--model", dir.resolve("atomnet.params").toString(), "--out", tmp
			.resolve("found").toString());
		assertEquals(0, a.rc(), a.err());
		assertTrue(a.out().contains("by atomnet.params"), a.out());
		Run bad = run("train-atom-finder", "--images", "2", "--batch", "4", "--out", tmp.resolve("bad").toString());
		assertEquals(2, bad.rc());
		assertTrue(bad.err().contains("images"), bad.err());
	}

	@Test
	void badInputGetsOneLineMessages() throws Exception {
		Path tif = tmp.resolve("scene.tif");
		writeScene(tif);
		Path tiny = tmp.resolve("tiny.tif");
		Tiff.writeFloat(tiny, new float[16 * 16], 16, 16, 1, Map.of());
		Run r = run("atoms", "--image", tiny.toString(), "--out", tmp.resolve("o1").toString());
		assertEquals(2, r.rc());
		assertTrue(r.err().contains("at least 32 x 32"), r.err());

		Path rgb = tmp.resolve("rgb.png.tif");
		java.awt.image.BufferedImage bi = new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
		javax.imageio.ImageIO.write(bi, "tiff", rgb.toFile());
		r = run("atoms", "--image", rgb.toString(), "--out", tmp.resolve("o2").toString());
		assertEquals(2, r.rc());
		assertTrue(r.err().toLowerCase().contains("rgb") || r.err().toLowerCase().contains("colour"), r.err());

		r = run("atoms", "--image", tif.toString(), "--model", tmp.resolve("missing.pt").toString(), "--out", tmp.resolve(
			"o3").toString());
		assertEquals(2, r.rc());
		assertTrue(r.err().contains("does not exist"), r.err());

		r = run("atoms", "--image", tif.toString(), "--method", "magic", "--out", tmp.resolve("o4").toString());
		assertEquals(2, r.rc());
		assertTrue(r.err().contains("choose dcnn or log"), r.err());
	}
}
