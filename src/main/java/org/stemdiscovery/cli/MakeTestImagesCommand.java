package org.stemdiscovery.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.stemdiscovery.image.InputException;
import org.stemdiscovery.io.Csv;
import org.stemdiscovery.io.Json;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.sim.Atom;
import org.stemdiscovery.sim.DomainWallScene;
import org.stemdiscovery.sim.GrapheneScene;
import org.stemdiscovery.sim.PillarScene;
import org.stemdiscovery.sim.Scene;
import org.stemdiscovery.sim.SyntheticImage;

/** {@code stem-discovery make-test-images}: the synthetic images with ground truth that tests and demo use. */
final class MakeTestImagesCommand implements Subcommand {

	@Override
	public String name() {
		return "make-test-images";
	}

	@Override
	public String summary() {
		return "synthetic STEM images with ground truth (pillars, wall, graphene)";
	}

	@Override
	public String help() {
		return """
			usage: stem-discovery make-test-images --out DIR [--sizes 256,512] [--seed 0] [--all] [--force]

			For each scene (pillars, wall, graphene) and size N writes into DIR:
			  NAME_N.tif          the noisy HAADF-like image (32-bit)
			  NAME_N_mask.tif     the feature of interest (8-bit, 0/1): pillars, wall region, defect surroundings
			  NAME_N_atoms.csv    ground-truth columns: x (column), y (row), class; origin at pixel (0,0)'s centre
			  NAME_N.json         every parameter, the class names and the seed
			With --all also NAME_N_clean.tif (noise-free) and NAME_N_target.tif (smooth map for BO).
			The same seed always gives the same files.
			""";
	}

	@Override
	public int run(String[] argv, PrintStream out) throws IOException {
		Args args = new Args(name(), argv, Set.of("all", "force"), Set.of("out", "sizes", "seed"));
		Path dir = args.path("out");
		long seed = args.integer("seed", 0);
		List<Integer> sizes = new ArrayList<>();
		for (String s : args.string("sizes", "256,512").split(",")) {
			try {
				sizes.add(Integer.parseInt(s.trim()));
			}
			catch (NumberFormatException e) {
				throw new InputException("--sizes '" + s + "' is not a whole number; write e.g. 256,512");
			}
		}
		List<Scene> scenes = List.of(PillarScene.defaults(), DomainWallScene.defaults(), GrapheneScene.defaults());
		List<String> files = new ArrayList<>();
		for (Scene s : scenes)
			for (int n : sizes)
				files.add(s.name() + "_" + n + ".tif");
		OutputFolder.prepare(dir, args.flag("force"), files.toArray(String[]::new));
		for (Scene scene : scenes)
			for (int n : sizes) {
				SyntheticImage img = scene.generate(n, n, seed);
				write(img, dir.resolve(scene.name() + "_" + n), args.flag("all"));
				out.printf("%s_%d: %d atoms, feature %.1f%% of the image%n", scene.name(), n, img.atomsInside().size(),
					100 * img.maskFraction());
			}
		return 0;
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
		Files.writeString(Path.of(p + ".json"), Json.write(new java.util.TreeMap<>(json)));
	}

	private static double round4(double v) {
		return Math.round(v * 1e4) / 1e4;
	}
}
