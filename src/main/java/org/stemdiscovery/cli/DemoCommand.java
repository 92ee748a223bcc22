package org.stemdiscovery.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.stemdiscovery.fft.FftStack;
import org.stemdiscovery.fft.SlidingFftSettings;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;
import org.stemdiscovery.report.Pictures;

/** {@code stem-discovery demo}: the whole chain so far on the bundled synthetic pillars image. */
final class DemoCommand implements Subcommand {

	/** The bundled default image, relative to the project folder. */
	static final String DEFAULT_IMAGE = "test-images/pillars_512.tif";
	static final String GRID_PNG = "grid.png", MONTAGE_PNG = "fft-montage.png", WORKFLOW1 = "workflow1",
		WORKFLOW3 = "workflow3";

	@Override
	public String name() {
		return "demo";
	}

	@Override
	public String summary() {
		return "run on the bundled synthetic image into ./stem-discovery-demo/";
	}

	@Override
	public String help() {
		return """
			usage: stem-discovery demo [--image PATH] [--out DIR] [--force]

			Runs the sliding FFT on the bundled synthetic pillars image (test-images/pillars_512.tif,
			window 64, step 16), then automated-experiment workflow 1 on it (sliding FFT, NMF, simulated
			Bayesian optimization, judged against the image's ground-truth pillar mask), then workflow 3 on
			test-images/graphene_256.tif (only with the bundled image), and writes into DIR
			(default ./stem-discovery-demo):
			  fft-stack.tif, grid.json   the stack and its window grid
			  grid.png                   the window grid over the image
			  fft-montage.png            a few local FFTs from across the image
			  workflow1/report.html      the experiment's report (open it in a browser) and its files
			  workflow3/report.html      workflow 3 (atoms, rVAE, BO) on the bundled graphene image

			  --image PATH   another 2-D TIFF instead of the bundled one
			  --window PX, --step PX, --zoom Z, --threads N   as for 'fft'
			  --force        replace the files of an earlier demo in DIR
			""";
	}

	@Override
	public int run(String[] argv, PrintStream out) throws IOException {
		Set<String> valued = new HashSet<>(FftCommand.VALUED);
		Args args = new Args(name(), argv, FftCommand.FLAGS, valued);
		Path image = args.has("image") ? args.path("image") : bundledImage();
		Path dir = Path.of(args.string("out", "stem-discovery-demo"));
		SlidingFftSettings settings = FftCommand.settings(args, 64, 16);
		OutputFolder.prepare(dir, args.flag("force"), FftCommand.STACK, FftCommand.GRID, GRID_PNG, MONTAGE_PNG);

		out.println("image: " + image);
		long t0 = System.nanoTime();
		FftStack stack = FftCommand.compute(image, settings, FftCommand.threads(args));
		double seconds = (System.nanoTime() - t0) / 1e9;
		FftCommand.write(stack, image, dir);
		TiffImage img = Tiff.read(image);
		Pictures.savePng(Pictures.withGrid(Pictures.grey(img.pixels(), img.width(), img.height()), stack.grid()),
			dir.resolve(GRID_PNG));
		Pictures.savePng(Pictures.montage(stack, 4), dir.resolve(MONTAGE_PNG));
		out.printf("sliding FFT: %d windows of %d px in %.2f s%n", stack.size(), settings.window(), seconds);
		out.println("wrote " + dir.toAbsolutePath().normalize() + "/{" + FftCommand.STACK + ", " + FftCommand.GRID +
			", " + GRID_PNG + ", " + MONTAGE_PNG + "}");

		Path mask = Path.of(image.toString().replaceFirst("\\.tiff?$", "") + "_mask.tif");
		java.util.List<String> wf = new java.util.ArrayList<>(java.util.List.of("--workflow", "1", "--image", image
			.toString(), "--out", dir.resolve(WORKFLOW1).toString(), "--threads", Integer.toString(FftCommand.threads(args))));
		if (Files.isRegularFile(mask)) wf.addAll(java.util.List.of("--mask", mask.toString()));
		if (args.flag("force")) wf.add("--force");
		int rc = new WorkflowCommand().run(wf.toArray(String[]::new), out);
		if (rc != 0 || args.has("image")) return rc;

		// Workflow 3 on the bundled graphene-like image: atoms, their rVAE latents, BO on a 4 px raster.
		Path graphene = image.resolveSibling("graphene_256.tif");
		if (!Files.isRegularFile(graphene)) return rc;
		java.util.List<String> wf3 = new java.util.ArrayList<>(java.util.List.of("--workflow", "3", "--image", graphene
			.toString(), "--out", dir.resolve(WORKFLOW3).toString(), "--mask", graphene.resolveSibling("graphene_256_mask.tif")
				.toString(), "--threads", "1"));
		if (args.flag("force")) wf3.add("--force");
		return new WorkflowCommand().run(wf3.toArray(String[]::new), out);
	}

	/** The bundled image, found from the working folder or the project folder the launcher names. */
	static Path bundledImage() {
		String home = System.getProperty("stemdiscovery.home");
		for (Path p : home != null ? new Path[] { Path.of(home, DEFAULT_IMAGE), Path.of(DEFAULT_IMAGE) }
			: new Path[] { Path.of(DEFAULT_IMAGE) })
			if (Files.isRegularFile(p)) return p;
		throw new InputException("the bundled image " + DEFAULT_IMAGE + " is missing; run scripts/make-test-images " +
			"or pass --image PATH");
	}
}
