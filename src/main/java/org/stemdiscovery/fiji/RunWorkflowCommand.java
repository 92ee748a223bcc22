package org.stemdiscovery.fiji;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.stemdiscovery.bo.BatchMode;
import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.bo.Goal;
import org.stemdiscovery.fft.SlidingFftSettings;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.report.WorkflowReport;
import org.stemdiscovery.workflow.AeWorkflow;
import org.stemdiscovery.workflow.MapMaker;
import org.stemdiscovery.workflow.UnmixedFftMaps;
import org.stemdiscovery.workflow.AtomRvaeMaps;
import org.stemdiscovery.workflow.RvaeEncoding;
import org.stemdiscovery.workflow.RvaeFftMaps;
import org.stemdiscovery.atoms.AtomModel;
import org.stemdiscovery.atoms.DcnnAtomFinder;
import org.stemdiscovery.atoms.FinderSettings;
import org.stemdiscovery.vae.RvaeTraining;
import org.stemdiscovery.workflow.WorkflowResult;

/**
 * Plugins › STEM Discovery › Run AE Workflow: an automated experiment on the current image in one dialog —
 * descriptors, the target map, simulated Bayesian optimization — shown on the image with the per-step
 * table and the discovery and SSIM plots, and optionally written as an HTML report.
 */
@Plugin(type = Command.class, headless = true, label = "Run AE Workflow")
public class RunWorkflowCommand extends StemCommand {

	static final String TARGET_OVERLAY = "stem-discovery target";

	@Parameter(label = "Image", persist = false)
	private ImagePlus image;

	@Parameter(label = "Workflow", choices = { "1 (FFT + unmixing)", "2 (FFT + rVAE)", "3 (atoms + rVAE)" },
		persist = false)
	private String workflow = "1 (FFT + unmixing)";

	@Parameter(label = "Window size (px)", min = "8", persist = false)
	private int window = 32;

	@Parameter(label = "Step (px)", min = "1", persist = false)
	private int step = 8;

	@Parameter(label = "Method of unmixing", choices = { "nmf", "svd", "nfindr" }, persist = false)
	private String method = "nmf";

	@Parameter(label = "Components (k)", min = "1", persist = false)
	private int components = 2;

	@Parameter(label = "Latent variables of the rVAE (content)", min = "1", persist = false)
	private int latent = 2;

	@Parameter(label = "Epochs of rVAE training", min = "1", persist = false)
	private int epochs = 30;

	@Parameter(label = "Patch size around atoms (px)", min = "4", persist = false)
	private int patch = 16;

	@Parameter(label = "Cell of the atom raster (px)", min = "1", persist = false)
	private int cell = 4;

	@Parameter(label = "Map for the target (0 = automatic)", min = "0", persist = false)
	private int map = 0;

	@Parameter(label = "Kernel", choices = { "matern52", "rbf", "rq" }, persist = false)
	private String kernel = "matern52";

	@Parameter(label = "Length scale (grid cells)", persist = false)
	private double length = 5;

	@Parameter(label = "Acquisition", choices = { "ei", "ucb", "pi" }, persist = false)
	private String acquisition = "ei";

	@Parameter(label = "Batch size", min = "1", persist = false)
	private int batch = 10;

	@Parameter(label = "Steps", min = "0", persist = false)
	private int steps = 29;

	@Parameter(label = "Random seed", persist = false)
	private long seed = 0;

	@Parameter(label = "Threads (0 = all cores)", min = "0", persist = false)
	private int threads = 0;

	@Parameter(label = "Report folder (empty = none)", required = false, persist = false)
	private String report = "";

	@Parameter(type = ItemIO.OUTPUT, label = "AE Target")
	private ImagePlus target;

	@Parameter(type = ItemIO.OUTPUT, label = "AE Steps")
	private ResultsTable stepTable;

	@Parameter(type = ItemIO.OUTPUT, label = "AE discovery plot")
	private ImagePlus discoveryPlot;

	@Parameter(type = ItemIO.OUTPUT, label = "AE SSIM plot")
	private ImagePlus ssimPlot;

	private WorkflowResult result;

	@Override
	protected void execute() {
		int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
		ImagePlusImages.wrapPlane(image); // refuses RGB and stacks with the usual messages
		RvaeEncoding rvae = new RvaeEncoding(latent, 128, RvaeTraining.defaults().withEpochs(epochs).withBatchSize(50)
			.withLearningRate(3e-3).withSeed(seed));
		MapMaker maker = switch (workflow.charAt(0)) {
			case '1' -> new UnmixedFftMaps(SlidingFftSettings.of(window, step), method, components, seed, 500, n);
			case '2' -> new RvaeFftMaps(SlidingFftSettings.of(window, step), rvae, n);
			case '3' -> new AtomRvaeMaps(new DcnnAtomFinder(AtomModel.bundled(), FinderSettings.defaults()), "dcnn", patch,
				cell, rvae);
			default -> throw new InputException("workflow '" + workflow + "' is not 1, 2 or 3");
		};
		BoSettings bo = new BoSettings(kernel, length, false, 1, 1e-6, acquisition, Double.NaN, Goal.MAXIMISE, batch,
			steps, 1, seed, BatchMode.KRIGING_BELIEVER, Double.NaN, true, 0, Double.NaN, Double.NaN, 0, n);
		float[] pixels = ImagePlusImages.floatPixels(image);
		IjProgress progress = new IjProgress("Run AE Workflow");
		result = new AeWorkflow(maker, map, bo).run(pixels, image.getWidth(), image.getHeight(), null, progress);

		var maps = result.maps();
		target = ImagePlusImages.floatStack(image.getShortTitle() + "-target", result.target(), maps.width(), maps
			.height(), 1);
		Map<String, String> info = new LinkedHashMap<>();
		info.put(SlidingFftCommand.SOURCE_KEY, image.getTitle());
		info.putAll(maps.grid().toProperties());
		info.put("stemdiscovery.workflow.map", maps.names().get(result.chosen()));
		ImagePlusImages.putInfo(target, info);

		double[] values = new double[result.target().length];
		for (int i = 0; i < values.length; i++)
			values[i] = result.target()[i];
		image.setOverlay(MapOverlay.over(image.getOverlay(), maps.grid(), values, TARGET_OVERLAY));
		SimulateBoCommand.drawPoints(image, result.run(), maps.grid());
		stepTable = SimulateBoCommand.stepTable(result.run());
		discoveryPlot = SimulateBoCommand.plot(result.run(), false);
		ssimPlot = SimulateBoCommand.plot(result.run(), true);
		IJ.log(String.format(Locale.ROOT, "Run AE Workflow: target %s (%s, scores %s); %d points; feature discovered " +
			"%.1f%%; SSIM %.3f", maps.names().get(result.chosen()), result.autoChosen() ? "chosen automatically"
				: "chosen by you", java.util.Arrays.toString(result.selection().scores()), result.run().last().points(),
			100 * result.run().last().discovered(), result.run().last().ssim()));
		if (report != null && !report.isBlank()) writeReport(maker, bo, pixels);
		progress.done(result.run().last().points() + " points");
	}

	private void writeReport(MapMaker maker, BoSettings bo, float[] pixels) {
		Path dir = Path.of(report.trim());
		try {
			java.nio.file.Files.createDirectories(dir);
			for (String f : WorkflowReport.FILES)
				if (java.nio.file.Files.exists(dir.resolve(f))) throw new InputException(dir + " already holds " + f +
					"; choose an empty report folder");
			Map<String, Object> parameters = new LinkedHashMap<>(maker.parameters());
			parameters.put("bo", bo.toMap());
			WorkflowReport.write(dir, image.getTitle(), pixels, image.getWidth(), image.getHeight(), result, parameters);
			IJ.log("Run AE Workflow: report written to " + dir.resolve(WorkflowReport.HTML).toAbsolutePath());
		}
		catch (IOException e) {
			throw new InputException("cannot write the report into " + dir + ": " + e.getMessage());
		}
	}

	public WorkflowResult result() {
		return result;
	}
}
