package org.stemdiscovery.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import java.util.stream.Stream;

import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.command.BoParams;
import org.stemdiscovery.command.Param;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;
import org.stemdiscovery.report.WorkflowReport;
import org.stemdiscovery.workflow.AeWorkflow;
import org.stemdiscovery.workflow.MapMaker;
import org.stemdiscovery.workflow.AtomRvaeMaps;
import org.stemdiscovery.workflow.RvaeEncoding;
import org.stemdiscovery.workflow.RvaeFftMaps;
import org.stemdiscovery.workflow.UnmixedFftMaps;
import org.stemdiscovery.atoms.AtomFinder;
import org.stemdiscovery.atoms.AtomModel;
import org.stemdiscovery.atoms.DcnnAtomFinder;
import org.stemdiscovery.atoms.FinderSettings;
import org.stemdiscovery.atoms.LogAtomFinder;
import org.stemdiscovery.vae.RvaeTraining;
import org.stemdiscovery.workflow.WorkflowResult;

/** {@code stem-discovery workflow}: an image in, a report of a simulated automated experiment out. */
final class WorkflowCommand implements Subcommand {

	static final Set<String> FLAGS = Set.of("force");
	static final Set<String> VALUED;
	static {
		// the BO options are bo's: every BoParams name and alias
		Set<String> v = new HashSet<>(Set.of("out"));
		for (Param p : BoParams.SPEC.params()) {
			v.add(p.name());
			v.addAll(p.aliases());
		}
		v.addAll(Set.of("workflow", "image", "mask", "window", "step", "zoom", "method", "k", "map", "max-iter", "latent",
			"epochs", "patch", "cell", "atoms"));
		VALUED = Set.copyOf(v);
	}

	@Override
	public String name() {
		return "workflow";
	}

	@Override
	public String summary() {
		return "an automated experiment from an image: descriptors, target map, simulated BO, report.html";
	}

	@Override
	public String help() {
		return """
			usage: stem-discovery workflow --workflow 1|2|3 --image IN.tif --out DIR [options]

			Workflow 1 (large features: phases, inclusions, domains): sliding FFT of the image, unmixed by NMF,
			SVD or N-FINDR; one abundance map becomes the target of a simulated Bayesian-optimization experiment
			on the window grid.
			Workflow 2 (textures that rotate or shift): sliding FFT, then a rotationally invariant VAE; a latent
			map (or the boundary of one) on the window grid is the target.
			Workflow 3 (atomic-scale features: walls, dopants, distortions): atoms found by the DCNN, atom-centred
			patches encoded by the rVAE; each atom's latent covers its neighbourhood, sampled every --cell px.
			Writes into DIR: report.html (open it in a browser), image.png, map.png,
			overlay.png, candidates.png, bo-progress.png, discovery.png, steps.csv, points.csv, run.json,
			mean.tif, std.tif.

			  --image PATH       2-D grey-level TIFF
			  --mask PATH        optional ground-truth mask (0/1 TIFF, image size): the report adds how much
			                     of it the experiment discovered (synthetic images)
			  --window PX, --step PX, --zoom Z    sliding FFT (default 32, 8, 1)
			  --method NAME      nmf (default) | svd | nfindr
			  --k K              components (default 2)
			  --max-iter N       NMF iterations / N-FINDR passes (default 500)
			  --latent K, --epochs N              rVAE content latents (default 2) and epochs (default 30)
			  --atoms dcnn|log, --patch PX, --cell PX   workflow 3: atom finder, patch size (16), raster (4)
			  --map I            the map that becomes the target, from 1; 0 = automatic (default): the map
			                     with the most coherent contrast whose bright part is the rarer phase
			  BO options as for 'bo' (--kernel, --length in grid cells: default 5, 3 for workflow 3; --acq, --batch, ...);
			  default 29 steps of 10 after one seed point: 291 points
			  --force            replace an earlier report in DIR
			""";
	}

	@Override
	public int run(String[] argv, PrintStream out) throws IOException {
		Args args = new Args(name(), argv, FLAGS, VALUED);
		String workflow = args.required("workflow");
		Path imagePath = args.path("image");
		Path dir = args.path("out");
		MapMaker maker = switch (workflow) {
			case "1" -> new UnmixedFftMaps(FftCommand.settings(args, 32, 8), args.string("method", "nmf").toLowerCase(
				Locale.ROOT), args.integer("k", 2), args.integer("seed", 0), args.integer("max-iter", 500), FftCommand
					.threads(args));
			case "2" -> new RvaeFftMaps(FftCommand.settings(args, 32, 8), rvae(args), FftCommand.threads(args));
			case "3" -> atomMaps(args);
			default -> throw new InputException("--workflow '" + workflow + "' is not 1, 2 or 3");
		};
		BoSettings bo = bo(args);
		// Workflow 3's raster cells are a few px: a correlation length of 3 cells (about one lattice spacing)
		// suits atomic-scale features better than the 5 cells that suit window grids.
		if (workflow.equals("3") && !args.has("length")) bo = bo.withKernel(bo.kernel(), 3, false);
		TiffImage image = Tiff.read(imagePath);
		if (image.planes() > 1) throw new InputException(imagePath.getFileName() + " has " + image.planes() +
			" planes; a workflow needs one 2-D image");
		byte[] mask = args.has("mask") ? mask(args.path("mask"), image) : null;
		OutputFolder.prepare(dir, args.flag("force"), WorkflowReport.FILES.toArray(String[]::new));

		long t0 = System.nanoTime();
		WorkflowResult r = new AeWorkflow(maker, args.integer("map", 0), bo).run(image.pixels(), image.width(), image
			.height(), mask, Progress.NONE);
		Map<String, Object> parameters = new LinkedHashMap<>(maker.parameters());
		parameters.put("bo", bo.toMap());
		WorkflowReport.write(dir, imagePath.getFileName().toString(), image.pixels(), image.width(), image.height(), r,
			parameters);
		out.printf(Locale.ROOT, "workflow %s on %s: target %s; %d points; feature discovered %.1f%%%s; SSIM %.3f; %.1f s%n",
			r.workflow(), imagePath.getFileName(), r.maps().names().get(r.chosen()), r.run().last().points(), 100 * r.run()
				.last().discovered(), r.truthDiscovered() == null ? "" : String.format(Locale.ROOT,
					"; ground-truth mask discovered %.1f%%", 100 * r.truthDiscovered()[r.truthDiscovered().length - 1]), r
						.run().last().ssim(), (System.nanoTime() - t0) / 1e9);
		out.println("report: " + dir.resolve(WorkflowReport.HTML).toAbsolutePath().normalize());
		return 0;
	}

	static RvaeEncoding rvae(Args args) {
		// DJL reads its thread count once, when the engine starts; one thread is fastest on a busy 2-core machine.
		System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(args.integer("threads", 1)));
		return new RvaeEncoding(args.integer("latent", 2), 128, RvaeTraining.defaults().withEpochs(args.integer("epochs",
			30)).withBatchSize(50).withLearningRate(3e-3).withSeed(args.integer("seed", 0)));
	}

	static MapMaker atomMaps(Args args) {
		RvaeEncoding rvae = rvae(args);
		String method = args.string("atoms", "dcnn");
		AtomFinder finder = switch (method) {
			case "dcnn" -> new DcnnAtomFinder(AtomModel.bundled(), FinderSettings.defaults());
			case "log" -> LogAtomFinder.automatic();
			default -> throw new InputException("--atoms '" + method + "' is not dcnn or log");
		};
		return new AtomRvaeMaps(finder, method, args.integer("patch", 16), args.integer("cell", 4), rvae);
	}

	/** BO settings from the 'bo' options, with the workflow's default of 29 steps (291 points). */
	static BoSettings bo(Args args) {
		Map<String, Object> given = new LinkedHashMap<>();
		for (Param p : BoParams.SPEC.params())
			for (String n : Stream.concat(Stream.of(p.name()), p.aliases().stream()).toList())
				if (args.has(n)) given.put(p.name(), args.string(n, ""));
		BoSettings s = BoParams.from(BoParams.SPEC.parse(given)).settings();
		return args.has("steps") ? s : s.withBatch(s.batch(), 29, s.seedGrid());
	}

	static byte[] mask(Path path, TiffImage image) {
		TiffImage m = Tiff.read(path);
		if (m.width() != image.width() || m.height() != image.height() || m.planes() != 1)
			throw new InputException("the mask " + path.getFileName() + " is " + m.width() + " x " + m.height() +
				", the image " + image.width() + " x " + image.height() + "; give a 0/1 mask of the image's size");
		byte[] out = new byte[m.pixels().length];
		for (int i = 0; i < out.length; i++)
			out[i] = (byte) (m.pixels()[i] > 0 ? 1 : 0);
		return out;
	}
}
