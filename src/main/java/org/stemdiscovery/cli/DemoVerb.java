package org.stemdiscovery.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.stemdiscovery.command.FftParams;
import org.stemdiscovery.command.FftTask;
import org.stemdiscovery.command.FloatImage;
import org.stemdiscovery.command.Result;
import org.stemdiscovery.command.Scale;
import org.stemdiscovery.command.Spec;
import org.stemdiscovery.command.Values;
import org.stemdiscovery.command.WorkflowParams;
import org.stemdiscovery.command.WorkflowTask;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;
import org.stemdiscovery.report.Pictures;
import org.stemdiscovery.report.WorkflowReport;

/**
 * {@code stem-discovery demo}: the whole chain on the bundled synthetic pillars image: {@link FftTask} with
 * pictures of its grid and frames, then {@link WorkflowTask} workflow 1 (and workflow 3 on the bundled
 * graphene image). Its options are the sliding FFT's; {@code --out} defaults to {@value #DEFAULT_OUT}.
 */
final class DemoVerb implements Verb {

	/** The bundled default image, relative to the project folder. */
	static final String DEFAULT_IMAGE = "test-images/pillars_512.tif", DEFAULT_OUT = "stem-discovery-demo";
	static final String GRID_PNG = "grid.png", MONTAGE_PNG = "fft-montage.png", WORKFLOW1 = "workflow1",
		WORKFLOW3 = "workflow3";

	static final Spec SPEC = new Spec("demo", "Demo", "run on the bundled synthetic image (writes into " + DEFAULT_OUT + "/ unless --out)",
		"Runs the sliding FFT on the bundled synthetic pillars image (" + DEFAULT_IMAGE + "), then automated-experiment " +
			"workflow 1 on it (sliding FFT, NMF, simulated Bayesian optimization, judged against the image's ground-truth " +
			"pillar mask), then workflow 3 on test-images/graphene_256.tif (only with the bundled image), and writes into " +
			"--out (default ./" + DEFAULT_OUT + "): fft-stack.tif and grid.json (the stack and its window grid), grid.png " +
			"(the window grid over the image), fft-montage.png (a few local FFTs from across the image), " +
			"workflow1/report.html and workflow3/report.html (open them in a browser). The options are the sliding FFT's.",
		FftParams.SPEC.params());

	@Override
	public Spec spec() {
		return SPEC;
	}

	@Override
	public List<FileOption> inputs() {
		return List.of(FileOption.optional("image", "IN.tif", "another 2-D TIFF instead of the bundled " +
			DEFAULT_IMAGE));
	}

	@Override
	public boolean needsOut() {
		return false;
	}

	/** Every file, the two reports' included, so that an earlier demo is refused before any work. */
	@Override
	public List<String> outputs(Values values) {
		List<String> files = new ArrayList<>(List.of(FftTask.STACK_FILE, FftVerb.GRID, GRID_PNG, MONTAGE_PNG));
		for (String wf : List.of(WORKFLOW1, WORKFLOW3))
			for (String f : WorkflowReport.FILES)
				files.add(wf + "/" + f);
		return files;
	}

	@Override
	public void run(Call call) throws Exception {
		boolean bundled = call.file("image") == null;
		Path image = bundled ? bundledImage() : call.file("image");
		Path dir = call.out() != null ? call.out() : OutputFolder.check(Path.of(DEFAULT_OUT), call.force(), outputs(call
			.values()).toArray(String[]::new));
		FftParams fft = FftParams.from(call.values());
		TiffImage img = Call.plane(image, "the demo");

		call.println("image: " + image);
		long t0 = System.nanoTime();
		Result r = FftTask.run(img.img(), image.getFileName().toString(), Scale.NONE, fft, Progress.NONE);
		double seconds = (System.nanoTime() - t0) / 1e9;
		FloatImage stack = r.image(FftTask.STACK);
		ResultFiles.image(dir, stack);
		ResultFiles.json(dir, FftVerb.GRID, r.metadata());
		Grid grid = Grid.fromProperties(stack.info());
		Pictures.savePng(Pictures.withGrid(Pictures.grey(img.pixels(), img.width(), img.height()), grid), dir.resolve(
			GRID_PNG));
		Pictures.savePng(Pictures.montage(stack.data(), stack.width(), grid, 4), dir.resolve(MONTAGE_PNG));
		call.println(String.format(Locale.ROOT, "sliding FFT: %d windows of %d px in %.2f s", stack.planes(), fft.window(),
			seconds));
		call.println("wrote " + dir.toAbsolutePath().normalize() + "/{" + FftTask.STACK_FILE + ", " + FftVerb.GRID + ", " +
			GRID_PNG + ", " + MONTAGE_PNG + "}");

		workflow(call, "1", img, image, dir.resolve(WORKFLOW1), fft.threads());
		// Workflow 3 on the bundled graphene-like image: atoms, their rVAE latents, BO on a 4 px raster.
		Path graphene = image.resolveSibling("graphene_256.tif");
		if (bundled && Files.isRegularFile(graphene)) workflow(call, "3", Tiff.read(graphene), graphene, dir.resolve(
			WORKFLOW3), 1);
	}

	/** One workflow with its defaults, judged against the image's {@code _mask.tif} where there is one. */
	private static void workflow(Call call, String workflow, TiffImage img, Path image, Path dir, int threads) {
		Path maskFile = Path.of(image.toString().replaceFirst("\\.tiff?$", "") + "_mask.tif");
		byte[] mask = null;
		if (Files.isRegularFile(maskFile)) {
			TiffImage m = Tiff.read(maskFile);
			mask = WorkflowTask.mask(m.pixels(), m.width(), m.height(), img.width(), img.height(), maskFile.getFileName()
				.toString());
		}
		WorkflowParams params = WorkflowParams.from(WorkflowParams.SPEC.parse(Map.of("workflow", workflow, "threads",
			threads)));
		WorkflowVerb.run(img, image.getFileName().toString(), mask, params, dir, call.force(), call);
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
