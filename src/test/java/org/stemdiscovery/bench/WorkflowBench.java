package org.stemdiscovery.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.stemdiscovery.atoms.AtomModel;
import org.stemdiscovery.atoms.DcnnAtomFinder;
import org.stemdiscovery.atoms.FinderSettings;
import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.bo.Run;
import org.stemdiscovery.fft.SlidingFftSettings;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;
import org.stemdiscovery.report.WorkflowReport;
import org.stemdiscovery.vae.RvaeTraining;
import org.stemdiscovery.workflow.AeWorkflow;
import org.stemdiscovery.workflow.AtomRvaeMaps;
import org.stemdiscovery.workflow.MapMaker;
import org.stemdiscovery.workflow.RvaeEncoding;
import org.stemdiscovery.workflow.RvaeFftMaps;
import org.stemdiscovery.workflow.UnmixedFftMaps;
import org.stemdiscovery.workflow.WorkflowResult;

/**
 * The three workflows on every real image in ../shared/data (291 points each; window 32 px, step
 * max(8, side / 32); rVAE 10 epochs; workflow 3 raster cell max(4, side / 128)), one report
 * folder each under {@code bench-out/workflows/}, and a table of points to 50/90/99 % of the feature
 * (threshold rule), final SSIM and beam path. Usage: {@code scripts/bench Workflow [OUT]}.
 */
public final class WorkflowBench {

	private WorkflowBench() {}

	public static void main(String[] args) throws Exception {
		System.setProperty("ai.djl.pytorch.num_threads", "1");
		Path out = Path.of(args.length > 0 ? args[0] : "bench-out/workflows");
		List<Path> images = new ArrayList<>();
		try (var s = Files.list(Path.of("..", "shared", "data"))) {
			s.filter(p -> p.toString().endsWith(".tif")).sorted().forEach(images::add);
		}
		BoSettings bo = BoSettings.defaults().withBatch(10, 29, 1).withThreads(2);
		RvaeEncoding rvae = new RvaeEncoding(2, 128, RvaeTraining.defaults().withEpochs(10).withBatchSize(50)
			.withLearningRate(3e-3));
		List<String> rows = new ArrayList<>();
		try (AtomModel model = AtomModel.bundled()) {
			for (Path image : images) {
				TiffImage img = Tiff.read(image);
				String name = image.getFileName().toString().replace(".tif", "");
				for (int wf = 1; wf <= 3; wf++) {
					// About 30 x 30 windows whatever the image's size, so the rVAE's training stays a few minutes.
					int step = Math.max(8, Math.min(img.width(), img.height()) / 32);
					MapMaker maker = switch (wf) {
						case 1 -> new UnmixedFftMaps(SlidingFftSettings.of(32, step), "nmf", 2, 0, 500, 2);
						case 2 -> new RvaeFftMaps(SlidingFftSettings.of(32, step), rvae, 2);
						default -> new AtomRvaeMaps(() -> new DcnnAtomFinder(model, FinderSettings.defaults()), "dcnn", 16, Math.max(4,
							Math.max(img.width(), img.height()) / 128), rvae);
					};
					long t0 = System.nanoTime();
					WorkflowResult r;
					try {
						r = new AeWorkflow(maker, 0, bo).run(img.pixels(), img.width(), img.height(), null, Progress.NONE);
					}
					catch (RuntimeException e) {
						rows.add(String.format("| %s | %d | failed: %s | | | | | | |", name, wf, e.getMessage()));
						continue;
					}
					double seconds = (System.nanoTime() - t0) / 1e9;
					Path dir = Files.createDirectories(out.resolve(name + "-workflow" + wf));
					WorkflowReport.write(dir, image.getFileName().toString(), img.pixels(), img.width(), img.height(), r, Map.of(
						"workflow", wf));
					Run run = r.run();
					rows.add(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %.3f | %.0f | %.0f |", name, wf, r.maps()
						.names().get(r.chosen()), n(run.pointsToDiscover(0.5)), n(run.pointsToDiscover(0.9)), n(run
							.pointsToDiscover(0.99)), run.last().ssim(), run.pathLength() * r.maps().grid().step(), seconds));
					System.out.println(rows.get(rows.size() - 1));
				}
			}
		}
		System.out.println();
		System.out.println("| image | workflow | target map | points to 50% | 90% | 99% | final SSIM | beam path (image px) | s |");
		System.out.println("|---|---|---|---|---|---|---|---|---|");
		rows.forEach(System.out::println);
	}

	private static String n(int points) {
		return points < 0 ? "not reached" : Integer.toString(points);
	}
}
