package org.stemdiscovery.atoms;

import org.stemdiscovery.torch.TorchEngine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemdiscovery.image.InputException;

class AtomModelTest {

	@TempDir
	Path tmp;

	@BeforeAll
	static void threads() {
		TestData.oneThread();
	}

	private static Path fixture(String name) throws URISyntaxException {
		return Path.of(AtomModelTest.class.getResource("/models/" + name).toURI());
	}

	@Test
	void bundledModelGivesThreeClassProbabilitiesThatSumToOne() {
		try (AtomModel m = AtomModel.bundled()) {
			assertEquals(3, m.classes());
			float[] img = new float[64 * 96];
			for (int i = 0; i < img.length; i++)
				img[i] = (float) Math.sin(i * 0.37);
			float[] p = m.probabilities(img, 96, 64);
			assertEquals(3 * 64 * 96, p.length);
			for (int i = 0; i < 64 * 96; i += 97)
				assertEquals(1.0, p[i] + p[64 * 96 + i] + p[2 * 64 * 96 + i], 1e-4);
		}
	}

	@Test
	void smokeTrainingSavesWeightsThatLoadBackIdentically() throws IOException {
		AtomNetTrainer.Recipe r = AtomNetTrainer.Recipe.smoke();
		try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
			AtomNetTrainer.Result res = AtomNetTrainer.train(r, manager, new java.io.PrintStream(OutputStream
				.nullOutputStream()));
			assertEquals(r.epochs(), res.epochLoss().size());
			assertTrue(Double.isFinite(res.epochLoss().get(0)));
			AtomNetTrainer.write(res, r, 0, tmp);
			float[] img = new float[64 * 64];
			for (int i = 0; i < img.length; i++)
				img[i] = (float) Math.cos(i * 0.11);
			float[] before;
			try (AtomModel live = AtomModel.of(res.net(), manager)) {
				before = live.probabilities(img, 64, 64);
			}
			try (AtomModel loaded = AtomModel.load(tmp.resolve("atomnet.params"))) {
				float[] after = loaded.probabilities(img, 64, 64);
				for (int i = 0; i < before.length; i += 31)
					assertEquals(before[i], after[i], 1e-5);
			}
			assertTrue(Files.readString(tmp.resolve("atomnet.json")).contains("\"validation\""));
		}
	}

	@Test
	void loadsAUsersTorchScriptModel() throws Exception {
		try (AtomModel m = AtomModel.load(fixture("three-classes.pt"))) {
			assertEquals(3, m.classes());
			assertEquals(3 * 64 * 64, m.probabilities(new float[64 * 64], 64, 64).length);
		}
	}

	@Test
	void refusesAModelWithTheWrongOutputShape() throws Exception {
		InputException e = assertThrows(InputException.class, () -> AtomModel.load(fixture("five-classes.pt")));
		assertTrue(e.getMessage().contains("(N, 2 or 3, H, W)"), e.getMessage());
	}

	@Test
	void refusesMissingAndCorruptModelFiles() throws IOException {
		InputException missing = assertThrows(InputException.class, () -> AtomModel.load(tmp.resolve("nope.pt")));
		assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());

		Path junk = tmp.resolve("junk.pt");
		Files.write(junk, "this is not a model".getBytes());
		InputException corrupt = assertThrows(InputException.class, () -> AtomModel.load(junk));
		assertTrue(corrupt.getMessage().contains("neither a TorchScript model nor AtomNet weights"), corrupt.getMessage());

		// Our own format, cut short: header fine, parameters missing.
		ByteArrayOutputStream full = new ByteArrayOutputStream();
		try (var in = AtomModel.class.getResourceAsStream(AtomModel.BUNDLED)) {
			in.transferTo(full);
		}
		Path cut = tmp.resolve("cut.params");
		Files.write(cut, java.util.Arrays.copyOf(full.toByteArray(), full.size() / 2));
		InputException truncated = assertThrows(InputException.class, () -> AtomModel.load(cut));
		assertTrue(truncated.getMessage().contains("damaged or truncated"), truncated.getMessage());
	}

	@Test
	void badThreadSettingIsExplained() {
		String old = System.getProperty(TorchEngine.PROPERTY);
		try {
			System.setProperty(TorchEngine.PROPERTY, "many");
			InputException e = assertThrows(InputException.class, () -> TorchEngine.threads(TorchEngine.Work.INFERENCE));
			assertTrue(e.getMessage().contains("positive whole number"), e.getMessage());
		}
		finally {
			System.setProperty(TorchEngine.PROPERTY, old == null ? "1" : old);
		}
	}
}
