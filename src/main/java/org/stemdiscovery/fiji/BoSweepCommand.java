package org.stemdiscovery.fiji;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.stemdiscovery.bo.BatchMode;
import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.bo.StepRecord;
import org.stemdiscovery.bo.Sweep;
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

	@Parameter(label = "Kernels (comma-separated: rbf, matern52, rq)", persist = false)
	private String kernels = "rbf,matern52,rq";

	@Parameter(label = "Acquisitions (comma-separated: ei, ucb, pi)", persist = false)
	private String acquisitions = "ei,ucb,pi";

	@Parameter(label = "Lengths (px, comma-separated; 'fit' allowed)", persist = false)
	private String lengths = "5,10";

	@Parameter(label = "Seeds (comma-separated)", persist = false)
	private String seeds = "0";

	@Parameter(label = "Batch size", min = "1", persist = false)
	private int batch = 10;

	@Parameter(label = "Steps", min = "0", persist = false)
	private int steps = 30;

	@Parameter(label = "Batching", choices = { "kb", "lp" }, persist = false)
	private String batching = "kb";

	@Parameter(label = "Parallel runs (0 = all cores)", min = "0", persist = false)
	private int parallel = 0;

	@Parameter(type = ItemIO.OUTPUT, label = "BO sweep")
	private ResultsTable table;

	@Parameter(type = ItemIO.OUTPUT, label = "SSIM vs uncertainty")
	private ImagePlus ssimPlot;

	@Parameter(type = ItemIO.OUTPUT, label = "Discovery vs points")
	private ImagePlus discoveryPlot;

	private List<Sweep.Row> rows;

	@Override
	protected void execute() {
		if (target == null) throw new InputException("BO Sweep needs a target map; open one first");
		float[] t = ImagePlusImages.floatPixels(target);
		List<Double> ls = new ArrayList<>();
		for (String l : split(lengths, "lengths"))
			ls.add(l.equalsIgnoreCase("fit") ? Double.NaN : number(l, "lengths"));
		List<Long> ss = new ArrayList<>();
		for (String s : split(seeds, "seeds"))
			ss.add((long) number(s, "seeds"));
		BoSettings base = BoSettings.defaults().withKernel("matern52", 10, false).withBatch(batch, steps, 1)
			.withBatchMode(BatchMode.parse(batching), Double.NaN);
		List<BoSettings> settings = Sweep.grid(base, split(kernels, "kernels"), split(acquisitions, "acquisitions"), ls, ss);
		int p = parallel > 0 ? parallel : Runtime.getRuntime().availableProcessors();
		IjProgress progress = new IjProgress("BO Sweep");
		rows = Sweep.run(t, target.getWidth(), target.getHeight(), settings, p, progress);
		table = new ResultsTable();
		for (Sweep.Row r : rows) {
			table.incrementCounter();
			Object[] v = Sweep.values(r);
			for (int i = 0; i < v.length; i++) {
				String col = Sweep.COLUMNS.get(i);
				if (v[i] instanceof Number num) table.addValue(col, num.doubleValue());
				else table.addValue(col, String.valueOf(v[i]));
			}
		}
		ssimPlot = plot(rows, true);
		discoveryPlot = plot(rows, false);
		progress.done(rows.size() + " runs");
	}

	private static List<String> split(String s, String what) {
		List<String> l = Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
		if (l.isEmpty()) throw new InputException("the list of " + what + " is empty; give comma-separated values");
		return l;
	}

	private static double number(String v, String what) {
		try {
			return Double.parseDouble(v);
		}
		catch (NumberFormatException e) {
			throw new InputException(what + ": '" + v + "' is not a number");
		}
	}

	private static ImagePlus plot(List<Sweep.Row> rows, boolean ssim) {
		Plot p = ssim ? new Plot("SSIM vs mean uncertainty", "mean posterior std", "SSIM(GP mean, target)")
			: new Plot("Discovery vs points", "points measured", "share of feature discovered");
		StringBuilder legend = new StringBuilder();
		for (int i = 0; i < rows.size(); i++) {
			// a single seed value has no spread yet: its std is in standardised units, off the scale of the rest
			List<StepRecord> s = rows.get(i).run().steps().stream().filter(r -> !ssim || r.points() >= 2).toList();
			double[] x = s.stream().mapToDouble(ssim ? StepRecord::meanStd : StepRecord::points).toArray();
			double[] y = s.stream().mapToDouble(ssim ? StepRecord::ssim : StepRecord::discovered).toArray();
			p.setColor(org.stemdiscovery.report.LinePlot.colour(i));
			p.addPoints(x, y, Plot.CONNECTED_CIRCLES);
			legend.append(rows.get(i).settings().label()).append('\n');
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
