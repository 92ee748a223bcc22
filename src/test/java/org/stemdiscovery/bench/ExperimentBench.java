package org.stemdiscovery.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.stemdiscovery.command.ExperimentParams;
import org.stemdiscovery.command.ExperimentTask;
import org.stemdiscovery.experiment.Baselines;
import org.stemdiscovery.experiment.DigitalTwin;
import org.stemdiscovery.experiment.ExperimentListener;
import org.stemdiscovery.experiment.ExperimentRun;
import org.stemdiscovery.experiment.ExperimentSession;
import org.stemdiscovery.experiment.ExperimentSettings;
import org.stemdiscovery.experiment.ExperimentStep;
import org.stemdiscovery.experiment.Features;
import org.stemdiscovery.experiment.MeasuredExperiment;
import org.stemdiscovery.image.GaussianBlur;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;
import org.stemdiscovery.sim.Atom;
import org.stemdiscovery.sim.DomainWallScene;
import org.stemdiscovery.sim.GrapheneScene;
import org.stemdiscovery.sim.PillarScene;
import org.stemdiscovery.sim.SyntheticImage;

/**
 * Measurement-driven experiments on digital twins, against the baselines of the same run: for each scene and
 * seed, the measurements BO needed to find every feature (and 90 % of them), the measurements random patches
 * needed (same candidates, same seed), the dose at that point against a full raster at the measurement dose,
 * decision time per step and encoding time per patch. Medians over the seeds.
 *
 * <pre>scripts/bench Experiment [--seeds 20] [--scenes pillars,wall,graphene,si-dopant,si-trimer] [--threads 2]
 *   [--budget N] [--set name=value,...]</pre>
 * The real graphene frames' features are their Si columns: local maxima (Gaussian σ 2 px, 9 px neighbourhood)
 * brighter than 1.5 × the median column — read from ../shared/data.
 */
public final class ExperimentBench {

	private record Scene(String name, float[] pixels, int width, int height, Features truth, String workflow,
		Map<String, Object> params) {}

	public static void main(String[] args) throws Exception {
		int seeds = 20, threads = 2, budget = -1;
		boolean memory = false;
		List<String> scenes = List.of("pillars", "wall", "graphene", "si-dopant", "si-trimer");
		Map<String, Object> extra = new java.util.LinkedHashMap<>();
		for (int i = 0; i < args.length; i++)
			switch (args[i]) {
				case "--seeds" -> seeds = Integer.parseInt(args[++i]);
				case "--threads" -> threads = Integer.parseInt(args[++i]);
				case "--budget" -> budget = Integer.parseInt(args[++i]);
				case "--memory" -> memory = true;
				case "--scenes" -> scenes = List.of(args[++i].split(","));
				case "--set" -> {
					for (String kv : args[++i].split(",")) {
						String[] p = kv.split("=", 2);
						extra.put(p[0], p[1]);
					}
				}
				default -> throw new IllegalArgumentException("unknown argument " + args[i]);
			}
		boolean heapPerStep = memory;
		System.out.printf(Locale.ROOT, "%-10s %-4s %5s | %-22s | %-22s | %-9s | %-15s | %-15s | %-8s %-8s%n", "scene",
			"wf", "feat", "BO to find all (90%)", "random all (90%)", "ratio", "dose all / ras.", "found@budget",
			"dec ms", "enc ms");
		for (String name : scenes) {
			Scene sc = scene(name, threads);
			if (sc == null) {
				System.out.println(name + ": skipped (../shared/data absent)");
				continue;
			}
			Map<String, Object> given = new java.util.LinkedHashMap<>(sc.params());
			given.putAll(extra);
			given.put("workflow", sc.workflow());
			given.put("threads", threads);
			if (budget > 0) given.put("budget", budget);
			List<Double> boAll = new ArrayList<>(), bo90 = new ArrayList<>(), rAll = new ArrayList<>(), r90 =
				new ArrayList<>(), doseAll = new ArrayList<>(), foundEnd = new ArrayList<>(), dec = new ArrayList<>(), enc =
					new ArrayList<>();
			for (int s = 0; s < seeds; s++) {
				given.put("seed", s);
				ExperimentParams p = ExperimentParams.from(ExperimentParams.SPEC.parse(given));
				ExperimentSettings settings = p.settings();
				DigitalTwin twin = new DigitalTwin(sc.pixels(), sc.width(), sc.height(), Double.NaN, p.twin(), s + 1000L);
				ExperimentListener heap = !heapPerStep || s > 0 ? null : new ExperimentListener() {
					@Override
					public void stepped(ExperimentSession session, ExperimentStep step) {
						Runtime rt = Runtime.getRuntime();
						System.gc();
						System.out.printf(Locale.ROOT, "           heap after step %d (%d measurements): %.1f MB%n", step.step(),
							step.measurements(), (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
					}
				};
				ExperimentRun run = new MeasuredExperiment(settings, false).run(twin, p.fitter(), sc.truth(), Progress.NONE,
					heap);
				Grid g = run.candidates();
				int all = run.measurementsToFind(1), ninety = run.measurementsToFind(0.9);
				int[] random = Baselines.random(sc.truth(), g, g.size(), s);
				boAll.add(all < 0 ? Double.NaN : all);
				bo90.add(ninety < 0 ? Double.NaN : ninety);
				rAll.add((double) first(random, sc.truth().count()));
				r90.add((double) first(random, (int) Math.ceil(0.9 * sc.truth().count() - 1e-9)));
				doseAll.add(all < 0 ? Double.NaN : run.electronsAfter(all) / run.rasterElectrons());
				foundEnd.add((double) run.found()[run.found().length - 1] / sc.truth().count());
				for (ExperimentStep st : run.steps()) {
					if (st.step() > 0) dec.add(st.decisionSeconds() * 1e3);
					enc.add(st.encodeSeconds() * 1e3 / st.ids().length);
				}
			}
			double mAll = median(boAll), mR = median(rAll);
			double[] d = dec.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			System.out.printf(Locale.ROOT, "           decision ms per step: p50 %.1f, p95 %.1f, max %.1f over %d steps%n",
				d.length == 0 ? Double.NaN : d[d.length / 2], d.length == 0 ? Double.NaN : d[(int) (0.95 * (d.length - 1))],
				d.length == 0 ? Double.NaN : d[d.length - 1], d.length);
			System.out.printf(Locale.ROOT, "%-10s %-4s %5d | %9s (%9s) | %9s (%9s) | %9s | %15s | %15s | %-8.1f %-8.2f%n",
				name, sc.workflow(), sc.truth().count(), fmt(mAll), fmt(median(bo90)), fmt(mR), fmt(median(r90)), fmt(mR /
					mAll), fmt(median(doseAll)), fmt(median(foundEnd)), median(dec), median(enc));
			System.out.printf(Locale.ROOT, "           BO to find all per seed: %s (NaN = not within the budget)%n", boAll);
		}
	}

	private static int first(int[] curve, int count) {
		for (int k = 0; k < curve.length; k++)
			if (curve[k] >= count) return k + 1;
		return -1;
	}

	private static String fmt(double v) {
		return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3g", v);
	}

	/** Median; NaN (not reached) counts as larger than every number, so it shows when more than half failed. */
	private static double median(List<Double> v) {
		double[] a = v.stream().mapToDouble(d -> Double.isNaN(d) ? Double.POSITIVE_INFINITY : d).toArray();
		Arrays.sort(a);
		double m = a.length % 2 == 1 ? a[a.length / 2] : 0.5 * (a[a.length / 2 - 1] + a[a.length / 2]);
		return Double.isInfinite(m) ? Double.NaN : m;
	}

	private static Scene scene(String name, int threads) throws Exception {
		return switch (name) {
			case "pillars" -> {
				// The features are the pillars' atoms (class "pillar"): whole objects rather than mask pixels.
				SyntheticImage img = PillarScene.defaults().generate(256, 256, 1);
				int pillar = img.classes().indexOf("pillar");
				List<Atom> in = img.atomsInside().stream().filter(a -> a.cls() == pillar).toList();
				yield new Scene(name, img.clean(), 256, 256, points(in.stream().mapToDouble(Atom::x).toArray(), in.stream()
					.mapToDouble(Atom::y).toArray(), 256, 256), "1", Map.of("budget", 300));
			}
			case "pillars-dense" -> {
				// 256 × 256 candidate patch centres (287 px frame, 32 px patches every px): the decision-time figure
				SyntheticImage img = PillarScene.defaults().generate(287, 287, 1);
				int pillar = img.classes().indexOf("pillar");
				List<Atom> in = img.atomsInside().stream().filter(a -> a.cls() == pillar).toList();
				yield new Scene(name, img.clean(), 287, 287, points(in.stream().mapToDouble(Atom::x).toArray(), in.stream()
					.mapToDouble(Atom::y).toArray(), 287, 287), "1", Map.of("budget", 300, "spacing", 1));
			}
			case "pillars-mask" -> synthetic(name, PillarScene.defaults().generate(256, 256, 1), "1", Map.of("budget", 300));
			case "wall" -> synthetic(name, DomainWallScene.defaults().generate(256, 256, 1), "1", Map.of("budget", 300));
			case "graphene" -> {
				SyntheticImage img = GrapheneScene.defaults().generate(256, 256, 1);
				List<Atom> dopants = img.atomsInside().stream().filter(a -> a.cls() == 1).toList();
				yield new Scene(name, img.clean(), 256, 256, points(dopants.stream().mapToDouble(Atom::x).toArray(), dopants
					.stream().mapToDouble(Atom::y).toArray(), 256, 256), "3", Map.of("budget", 60, "patch", 32, "map", 6));
			}
			case "si-dopant", "si-trimer" -> {
				Path f = Path.of("..", "shared", "data", "graphene_" + name + "_256.tif");
				if (!Files.isRegularFile(f)) yield null;
				TiffImage t = Tiff.read(f);
				yield new Scene(name, t.pixels(), t.width(), t.height(), brightColumns(t.pixels(), t.width(), t.height()),
					"3", Map.of("budget", 60, "patch", 32, "map", 6));
			}
			default -> throw new IllegalArgumentException("unknown scene " + name);
		};
	}

	private static Scene synthetic(String name, SyntheticImage img, String workflow, Map<String, Object> params) {
		boolean[] m = new boolean[img.mask().length];
		for (int i = 0; i < m.length; i++)
			m[i] = img.mask()[i] != 0;
		return new Scene(name, img.clean(), img.width(), img.height(), Features.mask(m, img.width(), img.height()), workflow,
			params);
	}

	private static Features points(double[] x, double[] y, int w, int h) {
		return Features.points(x, y, w, h);
	}

	/** Columns (σ 2 px blur, maxima of a 9 px neighbourhood) brighter than 1.5 × the median column. */
	static Features brightColumns(float[] pixels, int w, int h) {
		float[] g = GaussianBlur.blur(pixels, w, h, 2);
		List<double[]> peaks = new ArrayList<>();
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				float v = g[y * w + x];
				boolean max = v > 0;
				for (int dy = -4; dy <= 4 && max; dy++)
					for (int dx = -4; dx <= 4 && max; dx++) {
						int xx = x + dx, yy = y + dy;
						if (xx >= 0 && yy >= 0 && xx < w && yy < h && g[yy * w + xx] > v) max = false;
					}
				if (max) peaks.add(new double[] { x, y, v });
			}
		double[] vals = peaks.stream().mapToDouble(p -> p[2]).sorted().toArray();
		double median = vals[vals.length / 2];
		List<double[]> bright = peaks.stream().filter(p -> p[2] > 1.5 * median).toList();
		return Features.points(bright.stream().mapToDouble(p -> p[0]).toArray(), bright.stream().mapToDouble(p -> p[1])
			.toArray(), w, h);
	}
}
