package org.stemdiscovery.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.stemdiscovery.decompose.Decomposition;
import org.stemdiscovery.decompose.NFindr;
import org.stemdiscovery.decompose.NFindrSettings;
import org.stemdiscovery.decompose.Nmf;
import org.stemdiscovery.decompose.NmfSettings;
import org.stemdiscovery.decompose.Samples;
import org.stemdiscovery.decompose.Svd;
import org.stemdiscovery.fft.FftStack;
import org.stemdiscovery.fft.SlidingFft;
import org.stemdiscovery.fft.SlidingFftSettings;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.Json;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;

/**
 * Time to reach scikit-learn's NMF reconstruction error on the 3721 × 1024 sliding FFT stack of
 * pillars_512 (window 32, step 8), ours against scikit-learn's 'cd' solver run by the peer script in the same
 * run; also N-FINDR and truncated SVD against the peer's numpy versions.
 *
 * <pre>scripts/bench Decompose [--repeats 3] [--threads 2] [--work /tmp/dec] [--ejml]</pre>
 * {@code --ejml} also times EJML's direct SVD and Gram eigen-decomposition once (about 20 s).
 */
public final class DecomposeBench {

	private DecomposeBench() {}

	public static void main(String[] args) throws Exception {
		int repeats = intArg(args, "--repeats", 3), threads = intArg(args, "--threads", 2);
		Path work = Path.of(strArg(args, "--work", "/tmp/dec"));
		Path shared = Path.of(System.getProperty("stemdiscovery.home", ".")).resolve("../shared");
		Path image = shared.resolve("reference/synthetic/pillars_512.tif");
		Path peers = shared.resolve("peers");
		Files.createDirectories(work);
		Path npy = work.resolve("pillars_512_w32s8.npy");
		String python = "/usr/bin/python3";
		if (!Files.exists(npy)) exec(python, peers.resolve("sliding_fft.py").toString(), image.toString(), "--window", "32",
			"--step", "8", "--taper", "hann", "--out", work.resolve("pillars_512_w32s8").toString());

		TiffImage img = Tiff.read(image);
		FftStack fft = new SlidingFft(SlidingFftSettings.of(32, 8), threads).compute(img.img(), Progress.NONE);
		Samples x = Samples.of(fft);
		double sum = 0;
		for (float v : x.data())
			sum += v;
		Map<String, Object> peerFft = Json.parseObject(Files.readString(work.resolve("pillars_512_w32s8.json")));
		@SuppressWarnings("unchecked")
		double peerSum = ((Number) ((Map<String, Object>) peerFft.get("fingerprint")).get("sum")).doubleValue();
		System.out.printf("stack %d x %d, sum %.3f (peer's .npy %.3f, relative difference %.1e), threads %d, load %s%n",
			x.n(), x.d(), sum, peerSum, Math.abs(sum - peerSum) / peerSum, threads, load());

		List<Double> skCd = new ArrayList<>(), skNf = new ArrayList<>(), skSvd = new ArrayList<>(), skSvds = new ArrayList<>();
		double target = Double.NaN, nfErr = Double.NaN;
		int[] init = null, peerEnds = null;
		int skIter = 0;
		for (int r = 0; r < repeats; r++) {
			Map<String, Object> j = Json.parseObject(exec(python, peers.resolve("decompose.py").toString(), npy.toString(),
				"--k", "3", "--max-iter", "1000", "--methods", "nmf_cd", "svd", "nfindr"));
			Map<String, Object> cd = method(j, "nmf_cd"), nf = method(j, "nfindr"), svd = method(j, "svd");
			skCd.add(num(cd, "seconds"));
			skNf.add(num(nf, "seconds"));
			skSvd.add(num(svd, "seconds"));
			skSvds.add(num(svd, "svds_seconds"));
			target = num(cd, "rel_err");
			skIter = (int) num(cd, "n_iter");
			nfErr = num(nf, "rel_err");
			init = ints(nf, "init_idx");
			peerEnds = ints(nf, "endmember_idx");
		}

		// Ours: NMF until the relative error is at most scikit-learn's final one (same k, init, tol).
		List<Double> ours = new ArrayList<>(), oursOne = new ArrayList<>();
		Decomposition last = null, lastOne = null;
		NmfSettings base = NmfSettings.of(3).withMaxIter(20_000).withThreads(threads).withStopBelow(target);
		new Nmf(base.withMaxIter(50)).unmix(x, Progress.NONE); // JIT warm-up
		for (int r = 0; r < repeats; r++) {
			long t0 = System.nanoTime();
			last = new Nmf(base).unmix(x, Progress.NONE);
			ours.add((System.nanoTime() - t0) / 1e9);
			t0 = System.nanoTime();
			lastOne = new Nmf(base.withSweeps(1)).unmix(x, Progress.NONE);
			oursOne.add((System.nanoTime() - t0) / 1e9);
		}
		List<Double> nfOurs = new ArrayList<>(), nfAtgp = new ArrayList<>(), svdOurs = new ArrayList<>();
		Decomposition nf = null, atgp = null, svd = null;
		for (int r = 0; r < repeats; r++) {
			long t0 = System.nanoTime();
			nf = new NFindr(NFindrSettings.of(3).withStartAt(init).withThreads(threads)).unmix(x, Progress.NONE);
			nfOurs.add((System.nanoTime() - t0) / 1e9);
			t0 = System.nanoTime();
			atgp = new NFindr(NFindrSettings.of(3).withThreads(threads)).unmix(x, Progress.NONE);
			nfAtgp.add((System.nanoTime() - t0) / 1e9);
			t0 = System.nanoTime();
			svd = new Svd(3, 0, threads).unmix(x, Progress.NONE);
			svdOurs.add((System.nanoTime() - t0) / 1e9);
		}

		System.out.printf("%nNMF k 3, target = scikit-learn cd's final relative error %.8f (%d iterations)%n", target,
			skIter);
		System.out.println("| what | median s | runs s | ratio to peer | detail |");
		System.out.println("|---|---|---|---|---|");
		row("scikit-learn NMF cd (1000 it. cap, tol 1e-4)", skCd, skCd, "error " + fmt(target));
		row("ours NMF, 8 sweeps, to that error", ours, skCd, "error " + fmt(last.relativeError()) + ", " +
			last.iterations() + " iterations");
		row("ours NMF, 1 sweep (= sklearn cd), to that error", oursOne, skCd, "error " + fmt(lastOne.relativeError()) +
			", " + lastOne.iterations() + " iterations");
		row("peer N-FINDR (numpy, PCA by full SVD)", skNf, skNf, "error " + fmt(nfErr) + ", endmembers " +
			Arrays.toString(peerEnds));
		row("ours N-FINDR, same start", nfOurs, skNf, "error " + fmt(nf.relativeError()) + ", endmembers " +
			Arrays.toString(nf.endmembers()));
		row("ours N-FINDR, ATGP start", nfAtgp, skNf, "error " + fmt(atgp.relativeError()) + ", endmembers " +
			Arrays.toString(atgp.endmembers()));
		row("numpy SVD (full, gesdd)", skSvd, skSvd, "");
		row("scipy svds (ARPACK, k 3)", skSvds, skSvd, "");
		row("ours truncated SVD k 3", svdOurs, skSvd, "error " + fmt(svd.relativeError()) + ", σ " +
			Arrays.toString(svd.singularValues()));
		if (Arrays.asList(args).contains("--ejml")) ejml(x);
		System.out.println("load average at the end: " + load());
	}

	/** The EJML routes we did not take, timed once: direct SVD of X, and XᵀX with its full eigen-decomposition. */
	static void ejml(Samples x) {
		int n = x.n(), d = x.d();
		DMatrixRMaj m = new DMatrixRMaj(n, d);
		for (int i = 0; i < n * d; i++)
			m.data[i] = x.data()[i];
		long t0 = System.nanoTime();
		SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, d, false, true, true);
		svd.decompose(m.copy());
		long t1 = System.nanoTime();
		DMatrixRMaj g = new DMatrixRMaj(d, d);
		CommonOps_DDRM.multTransA(m, m, g);
		long t2 = System.nanoTime();
		EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
		eig.decompose(g);
		long t3 = System.nanoTime();
		double top = 0;
		for (double s : svd.getSingularValues())
			top = Math.max(top, s);
		System.out.printf("%nEJML 0.41, once: SVD of the %d x %d matrix (V only) %.2f s (σ1 %.6f); XᵀX by multTransA %.2f s; " +
			"symmetric eigen-decomposition of it with vectors %.2f s%n", n, d, (t1 - t0) / 1e9, top, (t2 - t1) / 1e9,
			(t3 - t2) / 1e9);
	}

	static void row(String what, List<Double> t, List<Double> peer, String detail) {
		System.out.printf("| %s | %.3f | %s | %.2f | %s |%n", what, median(t), fmtList(t), median(t) / median(peer), detail);
	}

	static String fmt(double v) {
		return String.format("%.8f", v);
	}

	static String fmtList(List<Double> t) {
		StringBuilder sb = new StringBuilder();
		for (double v : t)
			sb.append(sb.length() > 0 ? ", " : "").append(String.format("%.2f", v));
		return sb.toString();
	}

	static double median(List<Double> t) {
		double[] a = t.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return a.length % 2 == 1 ? a[a.length / 2] : 0.5 * (a[a.length / 2 - 1] + a[a.length / 2]);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> method(Map<String, Object> j, String m) {
		return (Map<String, Object>) ((Map<String, Object>) j.get("methods")).get(m);
	}

	static double num(Map<String, Object> m, String key) {
		return ((Number) m.get(key)).doubleValue();
	}

	@SuppressWarnings("unchecked")
	static int[] ints(Map<String, Object> m, String key) {
		return ((List<Object>) m.get(key)).stream().mapToInt(o -> ((Number) o).intValue()).toArray();
	}

	/** Runs a peer and returns its last stdout line (the JSON result). */
	static String exec(String... cmd) throws IOException, InterruptedException {
		Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (p.waitFor() != 0) throw new IOException(String.join(" ", cmd) + " failed");
		String[] lines = out.trim().split("\n");
		return lines[lines.length - 1];
	}

	static String load() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException e) {
			return "?";
		}
	}

	static int intArg(String[] a, String name, int fallback) {
		for (int i = 0; i + 1 < a.length; i++)
			if (a[i].equals(name)) return Integer.parseInt(a[i + 1]);
		return fallback;
	}

	static String strArg(String[] a, String name, String fallback) {
		for (int i = 0; i + 1 < a.length; i++)
			if (a[i].equals(name)) return a[i + 1];
		return fallback;
	}
}
