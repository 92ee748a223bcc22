package org.stemdiscovery.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.stemdiscovery.experiment.ExperimentRun;
import org.stemdiscovery.experiment.ExperimentStep;
import org.stemdiscovery.image.Grid;

/**
 * A measurement-driven experiment as pictures and a page a person reads in a browser: the survey, the measured
 * patches on the frame with the beam's path and order, the GP's mean and uncertainty after a few batches, the dose
 * map, features found against random patches and a serpentine raster, and what the run cost against a full raster.
 * The page refers only to files in its folder.
 */
public final class ExperimentReport {

	public static final String HTML = "report.html", SURVEY = "survey.png", PATCHES = "patches.png",
		PROGRESS = "gp-progress.png", DOSE = "dose.png", DISCOVERY = "discovery.png";

	/** Every picture and page it may write (discovery.png only with a ground truth). */
	public static final List<String> FILES = List.of(HTML, SURVEY, PATCHES, PROGRESS, DOSE, DISCOVERY);

	private ExperimentReport() {}

	/**
	 * @param files the run's data files the page links to, with what each holds
	 */
	public static void write(Path dir, String source, ExperimentRun run, String summary, List<String[]> files)
		throws IOException {
		int scale = scale(run.width(), run.height());
		BufferedImage survey = Pictures.enlarge(Pictures.grey(run.survey(), run.width(), run.height()), scale);
		Pictures.savePng(survey, dir.resolve(SURVEY));
		Pictures.savePng(patches(run, run.steps().size() - 1, scale, true), dir.resolve(PATCHES));
		Pictures.savePng(progress(run), dir.resolve(PROGRESS));
		Pictures.savePng(Pictures.enlarge(Pictures.heat(run.dose().toFloats(), run.width(), run.height()), scale), dir
			.resolve(DOSE));
		if (run.found() != null) Pictures.savePng(discovery(run), dir.resolve(DISCOVERY));
		Files.writeString(dir.resolve(HTML), html(source, run, summary, files));
	}

	/** Enlargement that makes a small frame about 512 px wide; large frames stay as they are. */
	private static int scale(int w, int h) {
		return Math.max(1, 512 / Math.max(w, h));
	}

	/**
	 * The survey, dimmed, with the patches measured up to batch {@code last} placed on it: outlines coloured by batch,
	 * the beam's path between patch centres and, with {@code numbers}, the order of measurement.
	 */
	private static BufferedImage patches(ExperimentRun run, int last, int scale, boolean numbers) {
		int w = run.width(), h = run.height(), p = run.settings().patch();
		BufferedImage img = Pictures.enlarge(Pictures.grey(run.survey(), w, h), scale);
		Graphics2D g = img.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(new Color(0, 0, 0, 120)); // dimmed, so the measured patches stand out
		g.fillRect(0, 0, img.getWidth(), img.getHeight());
		BufferedImage mosaic = Pictures.enlarge(Pictures.grey(finite(run.mosaic()), w, h), scale);
		for (int s = 0; s <= last; s++) {
			ExperimentStep step = run.steps().get(s);
			for (int i = 0; i < step.x().length; i++) {
				// the frame holds every candidate patch; the clamp only guards the drawing
				int left = Math.max(0, Math.min(w - p, (int) Math.round(step.x()[i] - (p - 1) / 2.0)));
				int top = Math.max(0, Math.min(h - p, (int) Math.round(step.y()[i] - (p - 1) / 2.0)));
				g.drawImage(mosaic.getSubimage(left * scale, top * scale, p * scale, p * scale), left * scale, top * scale, null);
			}
		}
		double px = Double.NaN, py = Double.NaN;
		int shown = 0, total = run.steps().get(last).measurements(), every = Math.max(1, total / 40);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
		for (int s = 0; s <= last; s++) {
			ExperimentStep step = run.steps().get(s);
			Color c = new Color(Pictures.heatRgb(0.3 + 0.7 * s / Math.max(1, run.steps().size() - 1)));
			for (int i = 0; i < step.x().length; i++) {
				double x = (step.x()[i] + 0.5) * scale, y = (step.y()[i] + 0.5) * scale, half = p * scale / 2.0;
				g.setStroke(new BasicStroke(1.2f));
				g.setColor(c);
				g.draw(new Rectangle2D.Double(x - half, y - half, 2 * half, 2 * half));
				if (!Double.isNaN(px)) {
					g.setColor(new Color(0, 200, 255, 170));
					g.setStroke(new BasicStroke(1.5f));
					g.draw(new Line2D.Double(px, py, x, y));
				}
				shown++;
				if (numbers && (shown == 1 || shown % every == 0 || shown == total)) {
					g.setColor(Color.WHITE);
					g.drawString(Integer.toString(shown), (float) x + 2, (float) y - 2);
				}
				px = x;
				py = y;
			}
		}
		g.dispose();
		return img;
	}

	/** NaN (not measured) as the smallest measured value, so the contrast stretch ignores it. */
	private static float[] finite(float[] data) {
		float lo = Float.POSITIVE_INFINITY;
		for (float v : data)
			if (!Float.isNaN(v)) lo = Math.min(lo, v);
		float[] out = data.clone();
		for (int i = 0; i < out.length; i++)
			if (Float.isNaN(out[i])) out[i] = Float.isInfinite(lo) ? 0 : lo;
		return out;
	}

	/** As the workflow report's bo-progress: rows = batches; patches so far, GP mean, GP uncertainty on the candidates. */
	private static BufferedImage progress(ExperimentRun run) {
		int n = run.steps().size();
		int[] shown = n <= 4 ? IntStream.range(0, n).toArray() : new int[] { 0, n / 3, 2 * n / 3, n - 1 };
		Grid g = run.candidates();
		int frameScale = Math.max(1, scale(run.width(), run.height()) / 2); // three pictures side by side
		int side = Math.max(run.width(), run.height()) * frameScale, gridScale = Math.max(1, side / Math.max(g.cols(), g
			.rows()));
		List<BufferedImage> rows = new ArrayList<>();
		for (int s : shown) {
			ExperimentStep step = run.steps().get(s);
			if (step.mean() == null) continue;
			rows.add(Pictures.row(List.of(patches(run, s, frameScale, false), Pictures.enlarge(Pictures.heat(step.mean(), g
				.cols(), g.rows()), gridScale), Pictures.enlarge(Pictures.heat(step.std(), g.cols(), g.rows()), gridScale)),
				List.of(String.format(Locale.ROOT, "batch %d: %d measurements", step.step(), step.measurements()),
					"GP mean of " + run.names().get(run.target()), String.format(Locale.ROOT, "GP std, mean %.3g", step
						.meanStd()))));
		}
		return Pictures.column(rows);
	}

	/** Features found against measurements: BO, random patches and the serpentine raster of the same budget. */
	private static BufferedImage discovery(ExperimentRun run) {
		LinePlot plot = new LinePlot("Features found inside measured patches", "measurements", "features found")
			.add("Bayesian optimization", count(run.found().length), toDouble(run.found()))
			.add("random patches", count(run.randomFound().length), toDouble(run.randomFound()))
			.add("serpentine raster", count(run.rasterFound().length), toDouble(run.rasterFound()));
		double[] all = new double[run.found().length];
		java.util.Arrays.fill(all, run.features());
		plot.add("all " + run.features() + " features", count(all.length), all);
		return plot.draw(760, 420);
	}

	private static double[] count(int n) {
		return IntStream.rangeClosed(1, n).asDoubleStream().toArray();
	}

	private static double[] toDouble(int[] a) {
		return IntStream.of(a).asDoubleStream().toArray();
	}

	private static String html(String source, ExperimentRun run, String summary, List<String[]> files) {
		ExperimentStep last = run.last();
		double survey = run.surveyElectrons(), total = last.electrons(), raster = run.rasterElectrons();
		StringBuilder cost = new StringBuilder();
		cost.append("<tr><th></th><th>electrons</th><th>share of a full raster</th><th>instrument time (s)</th></tr>\n");
		costRow(cost, "survey", survey, raster, Double.NaN);
		costRow(cost, last.measurements() + " measurements of " + run.settings().patch() + " px", total - survey, raster,
			Double.NaN);
		costRow(cost, "<b>this run</b>", total, raster, last.instrumentSeconds());
		costRow(cost, "full raster of the frame at the measurement dose", raster, raster, run.rasterSeconds());
		StringBuilder found = new StringBuilder();
		if (run.found() != null) {
			found.append("<tr><th>features found</th><th>Bayesian optimization</th><th>random patches</th>")
				.append("<th>serpentine raster</th></tr>\n");
			found.append(String.format(Locale.ROOT, "<tr><td>after %d measurements (of %d)</td><td>%d</td><td>%d</td>" +
				"<td>%d</td></tr>\n", run.found().length, run.features(), run.found()[run.found().length - 1], run
					.randomFound()[run.randomFound().length - 1], run.rasterFound()[run.rasterFound().length - 1]));
			for (double share : new double[] { 0.9, 1.0 })
				found.append(String.format(Locale.ROOT, "<tr><td>measurements to find %.0f%%</td><td>%s</td><td>%s</td>" +
					"<td>%s</td></tr>\n", 100 * share, reached(run.measurementsToFind(share)), reached(run.randomToFind(
						share)), reached(run.rasterToFind(share))));
		}
		StringBuilder links = new StringBuilder();
		for (String[] f : files)
			links.append("<li><a href=\"").append(esc(f[0])).append("\">").append(esc(f[0])).append("</a>: ").append(esc(
				f[1])).append("</li>\n");
		String nm = Double.isNaN(run.pixelSizeNm()) ? "not calibrated (positions in px only)" : String.format(Locale.ROOT,
			"%.6g nm", run.pixelSizeNm());
		return """
			<!DOCTYPE html>
			<html lang="en"><head><meta charset="utf-8"><title>STEM Discovery experiment: %s</title>
			<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}
			img{max-width:100%%;border:1px solid #ccc}td,th{padding:2px 10px;border-bottom:1px solid #eee;text-align:left}
			figure{margin:1.5em 0}figcaption{color:#555}</style></head><body>
			<h1>Automated experiment on %s</h1>
			<p>%s</p>
			<p>A digital twin of the specimen answers each scan with counts at the dose asked for. A low-dose survey of
			the whole frame fits the model; Bayesian optimization then chooses where to measure %d px patches at the full
			dose, steered by <b>%s</b>. Pixel size: %s.</p>
			<h2>Dose and time</h2><table>%s</table>
			%s
			<figure><img src="survey.png" alt="survey"><figcaption>The survey (signal per electron).</figcaption></figure>
			<figure><img src="patches.png" alt="measured patches"><figcaption>The measured patches on the frame
			(outline colour = batch, dark to bright), the beam's path between them (cyan) and the order of
			measurement (numbers).</figcaption></figure>
			<figure><img src="gp-progress.png" alt="GP progress"><figcaption>After several batches: patches measured so
			far, the GP mean and the GP uncertainty over the candidate patch centres.</figcaption></figure>
			<figure><img src="dose.png" alt="dose map"><figcaption>Electrons delivered per pixel, survey and
			measurements together (brighter = more).</figcaption></figure>
			%s
			<h2>Files</h2><ul>%s</ul>
			</body></html>
			""".formatted(esc(source), esc(source), esc(summary), run.settings().patch(), esc(run.names().get(run
				.target())), nm, cost, found.isEmpty() ? "" : "<h2>Features found</h2><table>" + found + "</table>", run
					.found() == null ? "" : "<figure><img src=\"discovery.png\" alt=\"features found\"><figcaption>" +
						"Features of the ground truth inside measured patches, against measurements, beside random " +
						"patches and a serpentine raster of the same budget.</figcaption></figure>", links);
	}

	private static void costRow(StringBuilder sb, String what, double electrons, double raster, double seconds) {
		sb.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.4g</td><td>%.1f%%</td><td>%s</td></tr>\n", what,
			electrons, 100 * electrons / raster, Double.isNaN(seconds) ? "" : String.format(Locale.ROOT, "%.3f",
				seconds)));
	}

	private static String reached(int measurements) {
		return measurements < 0 ? "not reached" : Integer.toString(measurements);
	}

	private static String esc(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
