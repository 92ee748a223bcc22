package org.stemdiscovery.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;

class RvaeFileTest {

	private static final RvaeArchitecture ARCH = RvaeArchitecture.defaults(12, 12, 2).withHidden(32, 32);

	@Test
	void saveLoadEncodeEqualsTheInMemoryEncoding(@TempDir Path dir) throws Exception {
		Motifs m = Motifs.make(60, 12, -1, 1, 9);
		RvaeTraining t = RvaeTraining.defaults().withEpochs(2).withBatchSize(20);
		Latents before;
		float[] manifoldBefore;
		try (Rvae model = Rvae.create(ARCH, 1)) {
			new RvaeTrainer(t).train(model, m.stack, Progress.NONE, null);
			before = model.encode(m.stack);
			manifoldBefore = model.manifold(3);
			RvaeFile.save(model, t, dir);
		}
		try (Rvae loaded = RvaeFile.load(dir)) {
			assertEquals(ARCH, loaded.architecture());
			Latents after = loaded.encode(m.stack);
			assertEquals(before.names(), after.names());
			for (int i = 0; i < before.size(); i++) {
				assertArrayEquals(before.mean()[i], after.mean()[i], 0);
				assertArrayEquals(before.std()[i], after.std()[i], 0);
			}
			assertArrayEquals(manifoldBefore, loaded.manifold(3), 0);
		}
	}

	@Test
	void aConvolutionalEncoderTrainsAndRoundTrips(@TempDir Path dir) throws Exception {
		RvaeArchitecture conv = ARCH.withConvolutionalEncoder(true).withHidden(8, 32);
		Motifs m = Motifs.make(60, 12, -1, 1, 10);
		RvaeTraining t = RvaeTraining.defaults().withEpochs(4).withBatchSize(20).withLearningRate(3e-3);
		Latents before;
		try (Rvae model = Rvae.create(conv, 2)) {
			TrainingHistory h = new RvaeTrainer(t).train(model, m.stack, Progress.NONE, null);
			assertTrue(h.finalLoss() < h.loss()[0], "loss " + h.loss()[0] + " -> " + h.finalLoss());
			before = model.encode(m.stack);
			RvaeFile.save(model, t, dir);
		}
		try (Rvae loaded = RvaeFile.load(dir)) {
			assertTrue(loaded.architecture().convolutional());
			Latents after = loaded.encode(m.stack);
			for (int i = 0; i < before.size(); i++)
				assertArrayEquals(before.mean()[i], after.mean()[i], 0);
		}
	}

	@Test
	void aModelOfAnotherArchitectureOrNoModelIsRefusedClearly(@TempDir Path dir) throws Exception {
		try (Rvae model = Rvae.create(ARCH, 1)) {
			RvaeFile.save(model, null, dir);
		}
		// Claim three content latents for parameters made for two.
		Path json = dir.resolve(RvaeFile.JSON);
		Files.writeString(json, Files.readString(json).replaceFirst("\"content\"\\s*:\\s*2", "\"content\": 3"));
		InputException e = assertThrows(InputException.class, () -> RvaeFile.load(dir));
		assertTrue(e.getMessage().contains("does not fit its own architecture"), e.getMessage());

		Path empty = Files.createDirectories(dir.resolve("empty"));
		InputException none = assertThrows(InputException.class, () -> RvaeFile.load(empty));
		assertTrue(none.getMessage().contains("lacks") && none.getMessage().contains(RvaeFile.JSON), none.getMessage());

		Path other = Files.createDirectories(dir.resolve("other"));
		Files.writeString(other.resolve(RvaeFile.JSON), "{\"format\":\"something-else\"}");
		Files.write(other.resolve(RvaeFile.PARAMS), new byte[] { 1, 2, 3 });
		InputException foreign = assertThrows(InputException.class, () -> RvaeFile.load(other));
		assertTrue(foreign.getMessage().contains("not an rVAE model"), foreign.getMessage());
	}
	@Test
	void shapesAreWrittenAsNumbersAndFilesWithObjectIdsStillLoad(@TempDir Path dir) throws Exception {
		try (Rvae model = Rvae.create(ARCH, 1, 1)) {
			RvaeFile.save(model, null, dir);
			@SuppressWarnings("unchecked")
			java.util.List<java.util.Map<String, Object>> params = (java.util.List<java.util.Map<String, Object>>) org.stemdiscovery.io.Json
				.parseObject(Files.readString(dir.resolve(RvaeFile.JSON))).get("parameters");
			assertEquals(model.shapes().size(), params.size());
			for (java.util.Map<String, Object> p : params) {
				long[] shape = model.shapes().get((String) p.get("name"));
				assertEquals(java.util.Arrays.stream(shape).mapToDouble(x -> x).boxed().toList(), p.get("shape"),
					"shape of " + p.get("name") + " as a list of numbers");
			}
		}
		// what earlier versions wrote: each shape as a Java object id
		Path json = dir.resolve(RvaeFile.JSON);
		String old = Files.readString(json).replaceAll("\"shape\":\\s*\\[[^\\]]*\\]", "\"shape\": \"[J@2bbaf4f0\"");
		assertTrue(old.contains("[J@2bbaf4f0"), old);
		Files.writeString(json, old);
		try (Rvae loaded = RvaeFile.load(dir, 1)) {
			assertEquals(ARCH, loaded.architecture());
		}
	}
}
