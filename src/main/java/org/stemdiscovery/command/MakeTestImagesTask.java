package org.stemdiscovery.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.stemdiscovery.image.Memory;
import org.stemdiscovery.io.Csv;
import org.stemdiscovery.io.Json;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.sim.Atom;
import org.stemdiscovery.sim.DomainWallScene;
import org.stemdiscovery.sim.GrapheneScene;
import org.stemdiscovery.sim.PillarScene;
import org.stemdiscovery.sim.Scene;
import org.stemdiscovery.sim.SyntheticImage;

/**
 * The work of {@code make-test-images}: the synthetic images with ground truth that tests and the demo use,
 * written byte for byte as committed in {@code test-images/} (the same seed always gives the same files).
 */
public final class MakeTestImagesTask {

	/** The scenes, in the order they are written (immutable records). */
	static final List<Scene> SCENES = List.of(PillarScene.defaults(), DomainWallScene.defaults(), GrapheneScene
		.defaults());

	private MakeTestImagesTask() {}

	/** Writes every scene at every size into {@code dir} (which exists); the summary has one line per image. */
	public static Result run(MakeTestImagesParams params, Path dir) throws IOException {
		int largest = params.sizes().stream().mapToInt(Integer::intValue).max().orElse(0);
		long available = Memory.available();
		Memory.require("a " + largest + " x " + largest + " px scene", MakeTestImagesParams.bytesPerScene(largest),
			available, "the largest that fits is about " + Memory.largestSquare(available, 24) + " px");
		List<String> lines = new ArrayList<>();
		for (Scene scene : SCENES)
			for (int n : params.sizes()) {
				SyntheticImage img = scene.generate(n, n, params.seed());
				write(img, dir.resolve(scene.name() + "_" + n), params.all());
				lines.add(String.format(Locale.ROOT, "%s_%d: %d atoms, feature %.1f%% of the image", scene.name(), n, img
					.atomsInside().size(), 100 * img.maskFraction()));
			}
		return new Result(List.of(), List.of(), Map.of("files", params.files()), String.join("\n", lines));
	}

	static void write(SyntheticImage img, Path prefix, boolean all) throws IOException {
		String p = prefix.toString();
		int w = img.width(), h = img.height();
		Tiff.writeFloat(Path.of(p + ".tif"), img.noisy(), w, h, 1, Map.of());
		Tiff.writeBytes(Path.of(p + "_mask.tif"), img.mask(), w, h, 1, Map.of());
		if (all) {
			Tiff.writeFloat(Path.of(p + "_clean.tif"), img.clean(), w, h, 1, Map.of());
			Tiff.writeFloat(Path.of(p + "_target.tif"), img.target(), w, h, 1, Map.of());
		}
		List<double[]> rows = new ArrayList<>();
		for (Atom a : img.atomsInside())
			rows.add(new double[] { round4(a.x()), round4(a.y()), a.cls() });
		Csv.write(Path.of(p + "_atoms.csv"), List.of("x", "y", "class"), rows);
		Map<String, Object> json = new LinkedHashMap<>(img.parameters());
		json.put("classes", img.classes());
		json.put("atoms", rows.size());
		json.put("maskFraction", img.maskFraction());
		Files.writeString(Path.of(p + ".json"), Json.write(new TreeMap<>(json)));
	}

	private static double round4(double v) {
		return Math.round(v * 1e4) / 1e4;
	}
}
