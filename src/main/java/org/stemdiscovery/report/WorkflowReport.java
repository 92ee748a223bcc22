package org.stemdiscovery.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.stemdiscovery.bo.Run;
import org.stemdiscovery.bo.StepRecord;
import org.stemdiscovery.decompose.GridRaster;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.workflow.CandidateMaps;
import org.stemdiscovery.workflow.WorkflowResult;

/**
 * A workflow run as a folder a person can read in a browser without Fiji: pictures as in the paper's
 * figures (raw image, descriptor map, its overlay, BO progress: sampled points, GP mean, GP uncertainty),
 * the run's tables and record, and {@code report.html} that refers only to files in the folder.
 */
public final class WorkflowReport {

	public static final String HTML = "report.html", IMAGE = "image.png", MAP = "map.png", OVERLAY = "overlay.png",
		CANDIDATES = "candidates.png", PROGRESS = "bo-progress.png", CURVES = "discovery.png";

	/** Every file the report writes. */
	public static final List<String> FILES = List.of(HTML, IMAGE, MAP, OVERLAY, CANDIDATES, PROGRESS, CURVES,
		RunFiles.STEPS, RunFiles.POINTS, RunFiles.RUN, RunFiles.MEAN, RunFiles.STD);

	private WorkflowReport() {}

	/**
	 * Refuses, before any work, a report folder that is a file or (unless {@code replace}) already holds a
	 * report: a run of minutes must not end in "the folder is taken". Creates nothing.
	 */
	public static void checkFolder(Path dir, boolean replace) {
		if (Files.exists(dir) && !Files.isDirectory(dir)) throw new InputException("the report folder " + dir +
			" is a file; choose a folder for the report");
		if (!replace) for (String f : FILES)
			if (Files.exists(dir.resolve(f))) throw new InputException(dir + " already holds " + f +
				"; choose an empty report folder");
	}

	/**
	 * @param parameters the workflow's parameters, saved in run.json and shown in the page
	 */
	public static void write(Path dir, String imageName, float[] image, int width, int height, WorkflowResult r,
		Map<String, Object> parameters) throws IOException {
		CandidateMaps maps = r.maps();
		Grid grid = maps.grid();
		int scale = Math.max(1, 384 / Math.max(maps.width(), maps.height()));

		BufferedImage raw = Pictures.grey(image, width, height);
		Pictures.savePng(raw, dir.resolve(IMAGE));
		Pictures.savePng(Pictures.enlarge(Pictures.heat(r.target(), maps.width(), maps.height()), scale), dir.resolve(MAP));
		double[] target = new double[r.target().length];
		for (int i = 0; i < target.length; i++)
			target[i] = r.target()[i];
		Pictures.savePng(Pictures.blend(raw, Pictures.heat(GridRaster.toPixels(target, grid), width, height), 0.45), dir
			.resolve(OVERLAY));
		Pictures.savePng(candidates(r, scale), dir.resolve(CANDIDATES));
		Pictures.savePng(progress(r, scale), dir.resolve(PROGRESS));
		Pictures.savePng(curves(r), dir.resolve(CURVES));

		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("workflow", r.workflow());
		extra.put("image", imageName);
		extra.put("parameters", parameters);
		extra.put("candidateMaps", maps.names());
		extra.put("selectionScores", r.selection().scores());
		extra.put("chosenMap", r.chosen() + 1);
		extra.put("chosenAutomatically", r.autoChosen());
		extra.put("descriptorDetails", maps.details());
		extra.put("grid", grid.toProperties());
		if (r.truthDiscovered() != null) {
			extra.put("groundTruthDiscovered", r.truthDiscovered());
			extra.put("groundTruthRadiusPx", r.truthRadius());
		}
		RunFiles.write(r.run(), maps.names().get(r.chosen()), dir, extra);
		Files.writeString(dir.resolve(HTML), html(imageName, r, parameters));
	}

	private static BufferedImage candidates(WorkflowResult r, int scale) {
		CandidateMaps maps = r.maps();
		List<BufferedImage> pics = new ArrayList<>();
		List<String> captions = new ArrayList<>();
		for (int i = 0; i < maps.count(); i++) {
			pics.add(Pictures.enlarge(Pictures.heat(maps.map(i), maps.width(), maps.height()), Math.max(1, scale / 2)));
			captions.add(maps.names().get(i) + String.format(Locale.ROOT, " score %.2f%s", r.selection().scores()[i], i == r
				.chosen() ? " (target)" : ""));
		}
		return Pictures.row(pics, captions);
	}

	/** The paper's Figure 6: rows = steps; columns = target with points so far, GP mean, GP uncertainty. */
	private static BufferedImage progress(WorkflowResult r, int scale) {
		Run run = r.run();
		int w = run.width(), h = run.height(), n = run.steps().size();
		int[] shown = n <= 4 ? java.util.stream.IntStream.range(0, n).toArray() : new int[] { 1, n / 3, 2 * n / 3, n - 1 };
		List<BufferedImage> rows = new ArrayList<>();
		for (int s : shown) {
			StepRecord step = run.steps().get(s);
			BufferedImage points = Pictures.enlarge(Pictures.grey(r.target(), w, h), scale);
			drawPoints(points, run, s, scale);
			rows.add(Pictures.row(List.of(points, Pictures.enlarge(Pictures.heat(step.mean(), w, h), scale), Pictures
				.enlarge(Pictures.heat(step.std(), w, h), scale)), List.of(String.format(Locale.ROOT,
					"step %d: %d points, discovered %.0f%%", s, step.points(), 100 * step.discovered()), String.format(
						Locale.ROOT, "GP mean, SSIM %.3f", step.ssim()), String.format(Locale.ROOT, "GP std, mean %.3g", step
							.meanStd()))));
		}
		return Pictures.column(rows);
	}

	/** Measured points up to step {@code last}, coloured by step, joined by the beam path. */
	private static void drawPoints(BufferedImage img, Run run, int last, int scale) {
		Graphics2D g = img.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		double px = Double.NaN, py = Double.NaN, r = Math.max(2, scale * 0.4);
		for (int s = 0; s <= last; s++) {
			StepRecord step = run.steps().get(s);
			Color c = new Color(Pictures.heatRgb(0.25 + 0.75 * s / Math.max(1, run.steps().size() - 1)));
			for (int i = 0; i < step.x().length; i++) {
				double x = (step.x()[i] + 0.5) * scale, y = (step.y()[i] + 0.5) * scale;
				if (!Double.isNaN(px)) {
					g.setColor(new Color(0, 200, 255, 110));
					g.setStroke(new BasicStroke(1f));
					g.draw(new Line2D.Double(px, py, x, y));
				}
				g.setColor(c);
				g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
				px = x;
				py = y;
			}
		}
		g.dispose();
	}

	private static BufferedImage curves(WorkflowResult r) {
		List<StepRecord> steps = r.run().steps();
		double[] points = new double[steps.size()], found = new double[steps.size()], ssim = new double[steps.size()];
		for (int i = 0; i < points.length; i++) {
			points[i] = steps.get(i).points();
			found[i] = steps.get(i).discovered();
			ssim[i] = steps.get(i).ssim();
		}
		LinePlot plot = new LinePlot("Discovery and reconstruction", "points measured", "share / SSIM")
			.add("feature discovered (target above threshold)", points, found).add("SSIM(GP mean, target)", points, ssim);
		if (r.truthDiscovered() != null) plot.add("ground-truth mask discovered", points, r.truthDiscovered());
		return plot.draw(720, 420);
	}

	private static String html(String imageName, WorkflowResult r, Map<String, Object> parameters) {
		Run run = r.run();
		StepRecord last = run.last();
		StringBuilder p = new StringBuilder();
		parameters.forEach((k, v) -> p.append("<tr><td>").append(esc(k)).append("</td><td>").append(esc(String.valueOf(
			v))).append("</td></tr>\n"));
		StringBuilder m = new StringBuilder();
		row(m, "target map", esc(r.maps().names().get(r.chosen())) + (r.autoChosen() ? " (chosen automatically: most " +
			"coherent contrast, rarer bright phase; scores in candidates.png)" : " (chosen by the user)"));
		row(m, "candidate grid", r.maps().width() + " × " + r.maps().height() + " cells, " + r.maps().grid().step() +
			" px apart");
		row(m, "points measured", Integer.toString(last.points()));
		for (double share : new double[] { 0.5, 0.9, 0.99 })
			row(m, String.format(Locale.ROOT, "points to discover %.0f%% of the feature", 100 * share), count(run
				.pointsToDiscover(share)));
		if (r.truthDiscovered() != null) {
			for (double share : new double[] { 0.5, 0.9, 0.99 })
				row(m, String.format(Locale.ROOT, "points to discover %.0f%% of the ground-truth mask", 100 * share), count(r
					.pointsToTruth(share)));
		}
		row(m, "final SSIM (GP mean vs target)", String.format(Locale.ROOT, "%.4f", last.ssim()));
		row(m, "final mean GP uncertainty", String.format(Locale.ROOT, "%.4g", last.meanStd()));
		row(m, "total beam path", String.format(Locale.ROOT, "%.0f grid px (%.0f image px)", run.pathLength(), run
			.pathLength() * r.maps().grid().step()));
		return """
			<!DOCTYPE html>
			<html lang="en"><head><meta charset="utf-8"><title>STEM Discovery: %s</title>
			<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}
			img{max-width:100%%;border:1px solid #ccc}td{padding:2px 10px;border-bottom:1px solid #eee}
			figure{margin:1.5em 0}figcaption{color:#555}</style></head><body>
			<h1>Automated experiment on %s</h1>
			<p>Workflow %s. A simulated microscope reveals the target map only where Bayesian optimization sends
			the beam. <em>Discovered</em> = share of feature pixels (target above its threshold; Otsu unless set)
			within the discovery radius of a measured point.</p>
			<h2>Results</h2><table>%s</table>
			<figure><img src="image.png" alt="raw image"><figcaption>The image.</figcaption></figure>
			<figure><img src="map.png" alt="target map"><figcaption>The target: %s on the window grid.</figcaption></figure>
			<figure><img src="overlay.png" alt="overlay"><figcaption>The target over the image.</figcaption></figure>
			<figure><img src="candidates.png" alt="candidate maps"><figcaption>All candidate maps and their selection
			scores.</figcaption></figure>
			<figure><img src="bo-progress.png" alt="BO progress"><figcaption>Bayesian optimization after several steps:
			measured points (colour = step, cyan = beam path), GP mean, GP uncertainty.</figcaption></figure>
			<figure><img src="discovery.png" alt="discovery curves"><figcaption>Discovery and SSIM against points
			measured.</figcaption></figure>
			<h2>Parameters</h2><table>%s</table>
			<p>Files: <a href="steps.csv">steps.csv</a> (one row per step), <a href="points.csv">points.csv</a>
			(measured points in beam order, grid coordinates), <a href="run.json">run.json</a> (every parameter, seed,
			point and metric), <a href="mean.tif">mean.tif</a> and <a href="std.tif">std.tif</a> (GP maps per step).</p>
			</body></html>
			""".formatted(esc(imageName), esc(imageName), esc(r.workflow()), m, esc(r.maps().names().get(r.chosen())), p);
	}

	private static void row(StringBuilder sb, String k, String v) {
		sb.append("<tr><td>").append(k).append("</td><td>").append(v).append("</td></tr>\n");
	}

	private static String count(int points) {
		return points < 0 ? "not reached" : Integer.toString(points);
	}

	private static String esc(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
