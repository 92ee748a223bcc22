package org.stemdiscovery.fiji;

import java.util.List;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.stemdiscovery.bo.Sweep;
import org.stemdiscovery.command.Result;
import org.stemdiscovery.command.Spec;
import org.stemdiscovery.command.SweepParams;
import org.stemdiscovery.command.SweepTask;
import org.stemdiscovery.image.InputException;

/**
 * Plugins › STEM Discovery › BO Sweep: simulated BO runs for every kernel × acquisition × length scale × seed on
 * the current target map, several at a time. A table with one row per setting (points to reach 50/90/99 %
 * discovery, SSIM and mean uncertainty at the plateau, path length) and the two summary plots: SSIM against
 * mean uncertainty and discovery against points measured.
 */
@Plugin(type = Command.class, headless = true, label = "BO Sweep")
public class BoSweepCommand extends StemCommand {

	@Parameter(label = "Target map", persist = false)
	private ImagePlus target;

	@Parameter(label = "Kernels (comma-separated: rbf, matern52, rq)", persist = false) private String kernels;
	@Parameter(label = "Acquisitions (comma-separated: ei, ucb, pi)", persist = false) private String acquisitions;
	@Parameter(label = "Lengths (px, comma-separated; 'fit' allowed)", persist = false) private String lengths;
	@Parameter(label = "Seeds (comma-separated)", persist = false) private String seeds;
	@Parameter(label = "Batch size", persist = false) private int batch;
	@Parameter(label = "Steps", persist = false) private int steps;
	@Parameter(label = "Seed points (1 = one point, n = n x n grid)", persist = false) private int grid;
	@Parameter(label = "Batching", persist = false) private String batching;
	@Parameter(label = "Threshold of feature (otsu or a value)", persist = false) private String threshold;
	@Parameter(label = "Radius of discovery (px, or auto)", persist = false) private String radius;
	@Parameter(label = "Path planning (short beam path per batch)", persist = false) private boolean path;
	@Parameter(label = "Travel cost (acquisition per px)", persist = false) private double travel;
	@Parameter(label = "Goal (max = high target values)", persist = false) private String goal;
	@Parameter(label = "Parallel runs (0 = all cores)", persist = false) private int parallel;

	@Parameter(type = ItemIO.OUTPUT, label = SweepTask.TABLE)
	private ResultsTable table;

	@Parameter(type = ItemIO.OUTPUT, label = "SSIM vs uncertainty")
	private ImagePlus ssimPlot;

	@Parameter(type = ItemIO.OUTPUT, label = "Discovery vs points")
	private ImagePlus discoveryPlot;

	private List<Sweep.Row> rows;

	@Override
	public Spec spec() {
		return SweepParams.SPEC;
	}

	@Override
	protected void execute() {
		if (target == null) throw new InputException("BO Sweep needs a target map; open one first");
		SweepParams params = SweepParams.from(values());
		IjProgress progress = new IjProgress(SweepParams.SPEC.title());
		rows = SweepTask.simulate(ImagePlusImages.floatPixels(target), target.getWidth(), target.getHeight(), params,
			progress);
		Result r = SweepTask.result(rows, target.getTitle());
		table = Render.table(r.table(SweepTask.TABLE));
		ssimPlot = plot(SweepTask.ssimPlot(rows));
		discoveryPlot = plot(SweepTask.discoveryPlot(rows));
		progress.done(r.summary());
	}

	private static ImagePlus plot(SweepTask.Plot plot) {
		Plot p = new Plot(plot.title(), plot.xLabel(), plot.yLabel());
		StringBuilder legend = new StringBuilder();
		for (int i = 0; i < plot.curves().size(); i++) {
			SweepTask.Curve c = plot.curves().get(i);
			p.setColor(org.stemdiscovery.report.LinePlot.colour(i));
			p.addPoints(c.x(), c.y(), Plot.CONNECTED_CIRCLES);
			legend.append(c.label()).append('\n');
		}
		p.setColor(java.awt.Color.BLACK);
		p.addLegend(legend.toString());
		p.setLimitsToFit(false);
		return p.getImagePlus();
	}

	public List<Sweep.Row> rows() {
		return rows;
	}
}
