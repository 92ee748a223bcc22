package org.stemdiscovery.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.stemdiscovery.atoms.AtomFinder;
import org.stemdiscovery.atoms.AtomModel;
import org.stemdiscovery.atoms.DcnnAtomFinder;
import org.stemdiscovery.atoms.FinderSettings;
import org.stemdiscovery.atoms.FoundAtom;
import org.stemdiscovery.atoms.LatticeSpacing;
import org.stemdiscovery.atoms.LogAtomFinder;
import org.stemdiscovery.atoms.Matching;
import org.stemdiscovery.atoms.NearestNeighbours;
import org.stemdiscovery.atoms.Scoring;
import org.stemdiscovery.torch.TorchEngine;
import org.stemdiscovery.atoms.TrainingData;
import org.stemdiscovery.io.Csv;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;
import org.stemdiscovery.report.AtomPictures;
import org.stemdiscovery.report.Pictures;
import org.stemdiscovery.sim.RandomLatticeScene;
import org.stemdiscovery.sim.SyntheticImage;

/**
 * {@code scripts/bench Atoms [runs]}: speed of the network finder on a 1024×1024 image (inference plus
 * post-processing; threads from -Dai.djl.pytorch.num_threads, default 2), F1 of dcnn vs LoG at several
 * noise levels, and the real images of ../shared/data (overlays to bench-out/atoms/).
 */
public final class AtomsBench {

	public static void main(String[] args) throws Exception {
		int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
		Path out = Path.of("bench-out/atoms");
		Files.createDirectories(out);
		System.out.printf("threads %d (-D%s), cores %d%n", TorchEngine.threads(TorchEngine.Work.INFERENCE), TorchEngine.PROPERTY, Runtime
			.getRuntime().availableProcessors());
		try (AtomModel model = AtomModel.bundled()) {
			DcnnAtomFinder dcnn = new DcnnAtomFinder(model, FinderSettings.defaults());
			LogAtomFinder log = LogAtomFinder.automatic();
			speed(dcnn, log, runs);
			noise(dcnn, log);
			real(List.of(new Object[] { "dcnn", dcnn }, new Object[] { "dcnn+augment", new DcnnAtomFinder(model,
				FinderSettings.defaults().withAugment(true)) }, new Object[] { "log", log }), out);
		}
	}

	private static void speed(AtomFinder dcnn, AtomFinder log, int runs) {
		SyntheticImage s = new RandomLatticeScene(12, 12, 50, 50, 0.02).generate(1024, 1024, 1);
		System.out.println("\n## Speed, 1024 x 1024 px (median of " + runs + " runs after one warm-up)");
		System.out.println("| method | torch threads | median s | min s | atoms |");
		System.out.println("|---|---|---|---|---|");
		String configured = Integer.toString(TorchEngine.threads(TorchEngine.Work.INFERENCE));
		for (var e : List.of(new Object[] { "dcnn", dcnn, "1" }, new Object[] { "dcnn", dcnn, "2" }, new Object[] { "log",
			log, "-" })) {
			AtomFinder f = (AtomFinder) e[1];
			System.setProperty(TorchEngine.PROPERTY, e[2].equals("-") ? configured : (String) e[2]);
			TorchEngine.start(TorchEngine.Work.INFERENCE);
			int n = f.find(s.noisy(), 1024, 1024).size();
			double[] t = new double[runs];
			for (int r = 0; r < runs; r++) {
				long t0 = System.nanoTime();
				f.find(s.noisy(), 1024, 1024);
				t[r] = (System.nanoTime() - t0) / 1e9;
			}
			Arrays.sort(t);
			System.out.printf("| %s | %s | %.3f | %.3f | %d |%n", e[0], e[2], t[runs / 2], t[0], n);
		}
		System.setProperty(TorchEngine.PROPERTY, configured);
		TorchEngine.start(TorchEngine.Work.INFERENCE);
	}

	private static void noise(AtomFinder dcnn, AtomFinder log) {
		System.out.println("\n## F1 (mean error px) on 8 random lattices of 192 px per level, 6-30 px spacing");
		System.out.println("| dose (counts/peak) | read noise | dcnn F1 | dcnn err | log F1 | log err |");
		System.out.println("|---|---|---|---|---|---|");
		double[][] levels = { { 300, 0.01 }, { 50, 0.03 }, { 10, 0.07 }, { 4, 0.1 }, { 2, 0.15 } };
		for (double[] l : levels) {
			RandomLatticeScene scene = RandomLatticeScene.training().atNoise(l[0], l[1]);
			Matching a = pooled(dcnn, scene), b = pooled(log, scene);
			System.out.printf("| %.0f | %.2f | %.3f | %.2f | %.3f | %.2f |%n", l[0], l[1], a.f1(), a.meanError(), b.f1(), b
				.meanError());
		}
	}

	private static boolean inside(double[] p, TiffImage img, double border) {
		return p[0] >= border && p[1] >= border && p[0] <= img.width() - 1 - border && p[1] <= img.height() - 1 - border;
	}

	private static Matching pooled(AtomFinder f, RandomLatticeScene scene) {
		int tp = 0, fp = 0, fn = 0;
		double err = 0;
		for (int i = 0; i < 8; i++) {
			SyntheticImage s = scene.generate(192, 192, 123_456 + i);
			List<double[]> truth = TrainingData.truth(s);
			Matching m = Scoring.interior(f.find(s.noisy(), 192, 192), truth, 192, 192, Matching.radiusFor(truth));
			tp += m.truePositives();
			fp += m.falsePositives();
			fn += m.falseNegatives();
			err += m.truePositives() > 0 ? m.meanError() * m.truePositives() : 0;
		}
		return new Matching(tp, fp, fn, err / Math.max(1, tp), List.of());
	}

	private static void real(List<Object[]> finders, Path out) throws Exception {
		Path data = Path.of("../shared/data");
		if (!Files.isDirectory(data)) {
			System.out.println("\n(../shared/data absent: real images skipped)");
			return;
		}
		System.out.println("\n## Real images");
		System.out.println("| image | method | atoms | bright | median NN px | FFT spacing px | NN/FFT | no neighbour" +
			" within 1.5 FFT spacings | F1 vs reference (all / inside 5 px) | s |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|");
		for (String name : List.of("graphene_si-dopant_256", "mos2_monolayer_512", "srtio3_adf_999x1012")) {
			TiffImage img = Tiff.read(data.resolve(name + ".tif"));
			List<double[]> ref = null;
			Path csv = data.resolve(name + "_atoms.csv");
			if (Files.isRegularFile(csv)) {
				ref = new ArrayList<>();
				for (double[] r : Csv.read(csv).rows())
					ref.add(new double[] { r[0], r[1] });
			}
			double d = LatticeSpacing.estimate(img.pixels(), img.width(), img.height());
			List<double[]> refInside = ref == null ? null : ref.stream().filter(r -> inside(r, img, 5)).toList();
			for (var e : finders) {
				long t0 = System.nanoTime();
				List<FoundAtom> found = ((AtomFinder) e[1]).find(img.pixels(), img.width(), img.height());
				double sec = (System.nanoTime() - t0) / 1e9;
				double[] nn = NearestNeighbours.distances(found);
				double med = NearestNeighbours.median(nn);
				long lonely = Arrays.stream(nn).filter(v -> v > 1.5 * d).count();
				long bright = found.stream().filter(a -> a.cls() == FoundAtom.BRIGHT).count();
				// F1 on the whole image, and inside a 5 px border (the reference lists nothing closer to the border).
				String f1 = ref == null ? "-" : String.format("%.3f / %.3f", Matching.of(found, ref, Matching.radiusFor(ref))
					.f1(), Matching.of(found.stream().filter(a -> inside(new double[] { a.x(), a.y() }, img, 5)).toList(),
						refInside, Matching.radiusFor(ref)).f1());
				System.out.printf("| %s | %s | %d | %d | %.2f | %.2f | %.3f | %d | %s | %.2f |%n", name, e[0], found.size(),
					bright, med, d, med / d, lonely, f1, sec);
				Pictures.savePng(AtomPictures.overlay(img.pixels(), img.width(), img.height(), found, ref), out.resolve(name +
					"-" + e[0] + ".png"));
			}
		}
	}
}
