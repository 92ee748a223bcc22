package org.stemdiscovery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.io.Csv;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;

class RvaeVerbTest {

	private record Result(int rc, String out, String err) {}

	private static Result run(String... args) {
		ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
		int rc = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
		return new Result(rc, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
	}

	/** A 6 x 5 window grid of 12 x 12 px frames with random blobs, saved with the grid in its Info. */
	private static Path gridStack(Path dir) throws Exception {
		Grid g = new Grid(0, 0, 8, 12, 6, 5, 52, 44);
		SplittableRandom r = new SplittableRandom(1);
		float[] d = new float[g.size() * 144];
		for (int n = 0; n < g.size(); n++) {
			double bx = r.nextDouble(3, 9), by = r.nextDouble(3, 9);
			for (int p = 0; p < 144; p++)
				d[n * 144 + p] = (float) Math.exp(-((p % 12 - bx) * (p % 12 - bx) + (p / 12 - by) * (p / 12 - by)) / 4);
		}
		Path p = dir.resolve("stack.tif");
		Tiff.writeFloat(p, d, 12, 12, g.size(), g.toProperties());
		return p;
	}

	@Test
	void trainsThenEncodesWithTheSavedModelToTheSameLatents(@TempDir Path dir) throws Exception {
		Path stack = gridStack(dir);
		Path out = dir.resolve("run");
		Result r = run("rvae", "--stack", stack.toString(), "--latent", "2", "--epochs", "2", "--batch", "10",
			"--encoder-hidden", "16", "--decoder-hidden", "16", "--manifold", "3", "--out", out.toString());
		assertEquals(0, r.rc(), r.err());
		assertTrue(r.out().contains("epoch 2/2"), r.out());
		Csv.Table lat = Csv.read(out.resolve(RvaeVerb.LATENTS));
		assertEquals(30, lat.rows().size());
		assertEquals(1 + 2 * 5, lat.header().size());
		assertTrue(lat.header().containsAll(java.util.List.of("angle", "dx", "dy", "z1", "z2", "z2_std")));
		assertEquals(2, Csv.read(out.resolve(RvaeVerb.LOSS)).rows().size());
		TiffImage maps = Tiff.read(out.resolve(RvaeVerb.MAPS));
		assertEquals(6, maps.width());
		assertEquals(5, maps.height());
		assertEquals(5, maps.planes());
		assertEquals(Grid.fromProperties(maps.info()), new Grid(0, 0, 8, 12, 6, 5, 52, 44));
		// plane of z1, window (row 1, col 2) = the latents.csv row of that window
		int z1 = lat.column("z1"), item = 1 * 6 + 2;
		assertEquals(lat.rows().get(item)[z1], maps.pixels()[3 * 30 + item], 1e-6);
		TiffImage manifold = Tiff.read(out.resolve(RvaeVerb.MANIFOLD));
		assertEquals(36, manifold.width());
		assertEquals(36, manifold.height());
		assertTrue(Files.isRegularFile(out.resolve("model").resolve("rvae.json")));

		Path again = dir.resolve("encode");
		Result e = run("rvae", "--stack", stack.toString(), "--model", out.resolve("model").toString(), "--out", again.toString());
		assertEquals(0, e.rc(), e.err());
		Csv.Table lat2 = Csv.read(again.resolve(RvaeVerb.LATENTS));
		for (int i = 0; i < 30; i++)
			for (int j = 0; j < lat.header().size(); j++)
				assertEquals(lat.rows().get(i)[j], lat2.rows().get(i)[j], 0);
	}

	@Test
	void refusesToOverwriteAndExplainsBadInput(@TempDir Path dir) throws Exception {
		Path stack = gridStack(dir);
		Files.createDirectories(dir.resolve("o"));
		Files.writeString(dir.resolve("o").resolve(RvaeVerb.LATENTS), "keep me");
		Result r = run("rvae", "--stack", stack.toString(), "--epochs", "1", "--out", dir.resolve("o").toString());
		assertEquals(2, r.rc());
		assertTrue(r.err().contains("--force"), r.err());
		Result b = run("rvae", "--stack", stack.toString(), "--epochs", "1", "--batch", "64", "--out", dir.resolve("p").toString());
		assertEquals(2, b.rc());
		assertTrue(b.err().contains("fewer than the batch size 64"), b.err());
		Map<String, String> none = Map.of();
		Tiff.writeFloat(dir.resolve("nan.tif"), new float[] { 1, Float.NaN, 0, 0, 0, 0, 0, 0, 0 }, 3, 3, 1, none);
		Result n = run("rvae", "--stack", dir.resolve("nan.tif").toString(), "--out", dir.resolve("q").toString());
		assertEquals(2, n.rc());
		assertTrue(n.err().contains("NaN"), n.err());
	}
	private static String[] train(Path stack, Path out, String... more) {
		java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of("rvae", "--stack", stack.toString(), "--latent",
			"2", "--batch", "10", "--hidden", "8", "--manifold", "2", "--threads", "1", "--out", out.toString()));
		a.addAll(java.util.List.of(more));
		return a.toArray(String[]::new);
	}

	@Test
	void encodeVerbGivesTheTrainingLatentsAndTheRvaeOptionsKeepTheirOldSpellings(@TempDir Path dir) throws Exception {
		Path stack = gridStack(dir);
		Path out = dir.resolve("t");
		Result t = run("rvae", "--stack", stack.toString(), "--latent", "2", "--epochs", "1", "--batch", "10", "--lr",
			"0.002", "--angle-prior", "1", "--reconstruction", "mse", "--no-rotation", "--encoder-hidden", "8",
			"--decoder-hidden", "4", "--manifold", "2", "--threads", "1", "--out", out.toString());
		assertEquals(0, t.rc(), t.err());
		Csv.Table lat = Csv.read(out.resolve(RvaeVerb.LATENTS));
		assertEquals(java.util.List.of("item", "dx", "dy", "z1", "z2", "dx_std", "dy_std", "z1_std", "z2_std"), lat
			.header(), "--no-rotation: no angle latent");
		assertEquals(1, lat.rows().get(0)[0], 0, "items are numbered from 1, as in Fiji and windows.csv");
		String json = Files.readString(out.resolve("model").resolve("rvae.json"));
		assertTrue(json.contains("\"decoderHidden\": 4") && json.contains("\"encoderHidden\": 8"), json);
		assertTrue(json.contains("\"learningRate\": 0.002") && json.contains("\"anglePrior\": 1"), json);

		Path enc = dir.resolve("e");
		Result e = run("encode", "--stack", stack.toString(), "--model", out.resolve("model").toString(), "--manifold",
			"2", "--out", enc.toString());
		assertEquals(0, e.rc(), e.err());
		assertEquals(lat.rows().size(), Csv.read(enc.resolve(RvaeVerb.LATENTS)).rows().size());
		for (int i = 0; i < lat.rows().size(); i++)
			org.junit.jupiter.api.Assertions.assertArrayEquals(lat.rows().get(i), Csv.read(enc.resolve(RvaeVerb.LATENTS))
				.rows().get(i), 0);
		assertEquals(Tiff.read(out.resolve(RvaeVerb.MAPS)).info().get("stemdiscovery.rvae.layout"), "grid");
		assertTrue(Files.isRegularFile(enc.resolve(RvaeVerb.MANIFOLD)));
		assertTrue(!Files.exists(enc.resolve(RvaeVerb.LOSS)) && !Files.exists(enc.resolve(RvaeVerb.MODEL)));

		Result missing = run("encode", "--stack", stack.toString(), "--out", dir.resolve("f").toString());
		assertEquals(2, missing.rc());
		assertTrue(missing.err().contains("--model"), missing.err());
		Result help = run("rvae", "--help");
		assertTrue(help.out().contains("--no-rotation") && help.out().contains("--encoder-hidden"), help.out());
	}

	@Test
	void forceReplacesEveryOutputAndLeavesNoEarlierRunBehind(@TempDir Path dir) throws Exception {
		Path stack = gridStack(dir);
		Path a = dir.resolve("a"), b = dir.resolve("b");
		assertEquals(0, run(train(stack, a, "--epochs", "2")).rc());
		assertEquals(0, run(train(stack, b, "--epochs", "1", "--seed", "5")).rc());

		// every file and folder of a run counts: a folder that holds only loss.csv or only model/ is refused
		for (String kept : java.util.List.of(RvaeVerb.LOSS, RvaeVerb.MODEL)) {
			Path only = dir.resolve("only-" + kept);
			Files.createDirectories(only);
			if (kept.equals(RvaeVerb.MODEL)) Files.createDirectories(only.resolve(kept));
			else Files.writeString(only.resolve(kept), "keep me");
			Result r = run(train(stack, only, "--epochs", "1"));
			assertEquals(2, r.rc(), kept);
			assertTrue(r.err().contains(kept) && r.err().contains("--force"), r.err());
		}

		// training again with --force: the loss and the model are this run's
		assertEquals(0, run(train(stack, b, "--epochs", "3", "--force")).rc());
		assertEquals(3, Csv.read(b.resolve(RvaeVerb.LOSS)).rows().size());
		assertTrue(Files.readString(b.resolve("model").resolve("rvae.json")).contains("\"epochs\": 3"));

		// applying a's model over b: b's own loss.csv and model/ would describe another model, so they go
		Result applied = run("rvae", "--stack", stack.toString(), "--model", a.resolve("model").toString(), "--manifold",
			"2", "--out", b.toString(), "--force");
		assertEquals(0, applied.rc(), applied.err());
		assertTrue(!Files.exists(b.resolve(RvaeVerb.LOSS)) && !Files.exists(b.resolve(RvaeVerb.MODEL)));
		Csv.Table la = Csv.read(a.resolve(RvaeVerb.LATENTS)), lb = Csv.read(b.resolve(RvaeVerb.LATENTS));
		for (int i = 0; i < la.rows().size(); i++)
			org.junit.jupiter.api.Assertions.assertArrayEquals(la.rows().get(i), lb.rows().get(i), 0);

		// ...but the model being applied is never removed, even when it is the folder's own
		Result self = run("rvae", "--stack", stack.toString(), "--model", a.resolve("model").toString(), "--manifold",
			"2", "--out", a.toString(), "--force");
		assertEquals(0, self.rc(), self.err());
		assertTrue(Files.isRegularFile(a.resolve("model").resolve("rvae.json")));
	}
	@Test
	void atomPatchStacksGiveMapsAroundEachAtomAndThreadsNeverBecomeASystemProperty(@TempDir Path dir) throws Exception {
		org.stemdiscovery.sim.SyntheticImage img = org.stemdiscovery.sim.DomainWallScene.defaults().generate(64, 64, 3);
		double[] x = img.atoms().stream().mapToDouble(org.stemdiscovery.sim.Atom::x).toArray();
		double[] y = img.atoms().stream().mapToDouble(org.stemdiscovery.sim.Atom::y).toArray();
		org.stemdiscovery.vae.AtomPatches cut = org.stemdiscovery.vae.AtomPatches.cut(img.noisy(), img.width(), img
			.height(), x, y, 10);
		Path stack = dir.resolve("patches.tif");
		Tiff.writeFloat(stack, cut.patches().data(), 10, 10, cut.patches().count(), cut.toProperties());
		String before = System.getProperty(org.stemdiscovery.torch.TorchEngine.PROPERTY);
		Result r = run("rvae", "--stack", stack.toString(), "--epochs", "1", "--batch", "10", "--hidden", "8",
			"--manifold", "2", "--threads", "1", "--out", dir.resolve("o").toString());
		assertEquals(0, r.rc(), r.err());
		assertEquals(before, System.getProperty(org.stemdiscovery.torch.TorchEngine.PROPERTY),
			"--threads goes to TorchEngine, not into the process-wide property");
		TiffImage maps = Tiff.read(dir.resolve("o").resolve(RvaeVerb.MAPS));
		assertEquals(64, maps.width());
		assertEquals(64, maps.height());
		assertEquals("atoms", maps.info().get(org.stemdiscovery.vae.MapStack.LAYOUT_KEY));
		Csv.Table lat = Csv.read(dir.resolve("o").resolve(RvaeVerb.LATENTS));
		int k = cut.patches().count() / 2, px = (int) Math.round(cut.x()[k]), py = (int) Math.round(cut.y()[k]);
		assertEquals(lat.rows().get(k)[lat.column("z1")], maps.pixels()[3 * 64 * 64 + py * 64 + px], 1e-6);
	}
}
