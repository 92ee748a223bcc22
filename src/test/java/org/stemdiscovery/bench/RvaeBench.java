package org.stemdiscovery.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.Csv;
import org.stemdiscovery.io.Json;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;
import org.stemdiscovery.vae.AtomPatches;
import org.stemdiscovery.vae.PatchStack;
import org.stemdiscovery.vae.Rvae;
import org.stemdiscovery.vae.RvaeArchitecture;
import org.stemdiscovery.vae.RvaeTrainer;
import org.stemdiscovery.vae.RvaeTraining;
import org.stemdiscovery.vae.TrainingHistory;

/**
 * rVAE parity and speed against AtomAI's own rVAE ({@code ../shared/peers/rvae_atomai.py}), same image, same
 * crop rule, same architecture and priors: 2000 atom-centred patches, 2 × 128 encoder and decoder, 2 content
 * latents, rotation + translation (scale 0.1), angle prior 0.1 with AtomAI's KL (spread only), unit-variance
 * Gaussian ("mse"), Adam 1e-4, batch 100, 2 threads.
 *
 * <pre>
 * scripts/bench Rvae [--sizes 32,64] [--epochs 5,3] [--n 2000] [--threads 2] [--peer]
 *                    [--image ../shared/reference/synthetic/pillars_512.tif] [--atoms ..._atoms.csv]
 * </pre>
 * With {@code --peer} the AtomAI script runs right before ours for each size (needs Debian's python3-torch
 * and AtomAI's source in /tmp/atomai_src, see ../shared/peers/README.md); {@code --peer-json a.json,b.json}
 * reads earlier peer outputs instead. The threads setting must reach DJL before the engine starts, so this
 * main sets it first.
 */
public final class RvaeBench {

	public static void main(String[] argv) throws Exception {
		Map<String, String> a = args(argv);
		int threads = Integer.parseInt(a.getOrDefault("threads", "2"));
		System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
		System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
		Path image = Path.of(a.getOrDefault("image", "../shared/reference/synthetic/pillars_512.tif"));
		Path atoms = Path.of(a.getOrDefault("atoms", image.toString().replace(".tif", "_atoms.csv")));
		int[] sizes = ints(a.getOrDefault("sizes", "32,64"));
		int[] epochs = ints(a.getOrDefault("epochs", "5,3"));
		int n = Integer.parseInt(a.getOrDefault("n", "2000"));
		String[] peerJson = a.containsKey("peer-json") ? a.get("peer-json").split(",") : null;

		TiffImage img = Tiff.read(image);
		Csv.Table t = Csv.read(atoms);
		double[] x = t.rows().stream().mapToDouble(r -> r[t.column("x")]).toArray();
		double[] y = t.rows().stream().mapToDouble(r -> r[t.column("y")]).toArray();
		System.out.printf("image %s (%d x %d), %d atoms, %d threads, load %.2f%n", image.getFileName(), img.width(),
			img.height(), x.length, threads, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		System.out.println("| size | epochs | impl | s/epoch (median) | CPU-s/epoch (median) | final loss (-ELBO) | final reconstruction |");
		System.out.println("|---|---|---|---|---|---|---|");
		for (int s = 0; s < sizes.length; s++) {
			int size = sizes[s], e = epochs[Math.min(s, epochs.length - 1)];
			Map<String, Object> peer = null;
			if (a.containsKey("peer")) peer = runPeer(image, atoms, size, n, e, threads);
			else if (peerJson != null && s < peerJson.length) peer = Json.parseObject(Files.readString(Path.of(peerJson[s])));
			double[] ours = ours(img, x, y, size, n, e);
			System.out.printf("| %d | %d | STEM Discovery (DJL %s) | %.2f | %.2f | %.4f | %.4f |%n", size, e, "PyTorch 2.7.1",
				ours[0], ours[1], ours[2], ours[3]);
			if (peer != null) {
				double ps = median(list(peer.get("seconds_per_epoch"))), pc = median(list(peer.get("cpu_seconds_per_epoch")));
				double pl = ((Number) peer.get("final_loss")).doubleValue();
				System.out.printf("| %d | %s | AtomAI %s (torch %s) | %.2f | %.2f | %.4f | - |%n", size, peer.get("epochs"),
					peer.get("atomai_version"), ((Map<?, ?>) peer.get("versions")).get("torch"), ps, pc, pl);
				System.out.printf("ratios (ours / AtomAI) at %d px: wall %.2f, CPU %.2f, final loss %.4f (%+.1f %%)%n", size,
					ours[0] / ps, ours[1] / pc, ours[2] / pl, 100 * (ours[2] / pl - 1));
			}
		}
	}

	/** Trains ours; returns median s/epoch, median CPU-s/epoch, final loss, final reconstruction term. */
	private static double[] ours(TiffImage img, double[] x, double[] y, int size, int n, int epochs) {
		AtomPatches all = AtomPatches.cut(Arrays.copyOf(img.pixels(), img.width() * img.height()), img.width(),
			img.height(), x, y, size);
		PatchStack stack = pick(all.patches(), n, 0);
		RvaeArchitecture arch = RvaeArchitecture.defaults(size, size, 2);
		RvaeTraining tr = new RvaeTraining(epochs, 100, 1e-4, 0, 0.1, false, 1.0);
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		List<Double> cpu = new ArrayList<>();
		long[] last = { os.getProcessCpuTime() };
		try (Rvae model = Rvae.create(arch, 0)) {
			TrainingHistory h = new RvaeTrainer(tr).train(model, stack, Progress.NONE, (e, loss, rec) -> {
				long now = os.getProcessCpuTime();
				cpu.add((now - last[0]) / 1e9);
				last[0] = now;
				System.err.printf("  ours %d px epoch %d loss %.4f%n", size, e, loss);
			});
			return new double[] { median(h.seconds()), median(cpu.stream().mapToDouble(Double::doubleValue).toArray()),
				h.finalLoss(), h.finalReconstruction() };
		}
	}

	/** {@code n} patches drawn without replacement (with, if fewer) by a seeded generator, like the peer. */
	private static PatchStack pick(PatchStack all, int n, long seed) {
		SplittableRandom r = new SplittableRandom(seed);
		int[] idx = new int[all.count()];
		Arrays.setAll(idx, i -> i);
		for (int i = idx.length - 1; i > 0; i--) {
			int j = r.nextInt(i + 1), tmp = idx[i];
			idx[i] = idx[j];
			idx[j] = tmp;
		}
		int p = all.pixels();
		float[] d = new float[n * p];
		for (int k = 0; k < n; k++)
			System.arraycopy(all.data(), (n <= idx.length ? idx[k] : r.nextInt(all.count())) * p, d, k * p, p);
		return new PatchStack(d, all.width(), all.height(), n);
	}

	private static Map<String, Object> runPeer(Path image, Path atoms, int size, int n, int epochs, int threads)
		throws Exception {
		Path script = Path.of("../shared/peers/rvae_atomai.py");
		ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", script.toString(), "--image", image.toString(), "--atoms",
			atoms.toString(), "--size", Integer.toString(size), "--n", Integer.toString(n), "--epochs",
			Integer.toString(epochs), "--batch", "100", "--threads", Integer.toString(threads));
		pb.redirectError(ProcessBuilder.Redirect.INHERIT);
		Process p = pb.start();
		String line, json = null;
		try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
			while ((line = r.readLine()) != null)
				if (line.startsWith("{")) json = line;
		}
		if (p.waitFor() != 0 || json == null) throw new IllegalStateException("the AtomAI peer failed (see above)");
		return Json.parseObject(json);
	}

	private static double[] list(Object o) {
		return ((List<?>) o).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
	}

	static double median(double[] v) {
		double[] s = v.clone();
		Arrays.sort(s);
		return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
	}

	private static int[] ints(String s) {
		return Arrays.stream(s.split(",")).mapToInt(v -> Integer.parseInt(v.trim())).toArray();
	}

	private static Map<String, String> args(String[] argv) {
		Map<String, String> m = new java.util.LinkedHashMap<>();
		for (int i = 0; i < argv.length; i++) {
			String k = argv[i].replaceFirst("^--", "");
			if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) m.put(k, argv[++i]);
			else m.put(k, "true");
		}
		return m;
	}
}
