package org.stemdiscovery.vae;

import org.stemdiscovery.torch.TorchEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;

import org.stemdiscovery.image.InputException;

/**
 * A rotation- and translation-invariant variational autoencoder (Bepler et al. 2019, as AtomAI's rVAE).
 *
 * <p>Encoder: the patch, flattened, through fully connected tanh layers to the mean and log standard
 * deviation of every latent (log σ, i.e. half the log-variance, as AtomAI). Decoder: a function of the pixel
 * coordinates on [−1, 1]² — rotated by the angle latent φ and shifted by (dx, dy)·scale — and of the content
 * latents, evaluated at every pixel by an MLP. Because orientation and position enter only through the
 * coordinates, the content latents cannot encode them.
 *
 * <p>The first decoder layer is {@code tanh((c·R(φ) + d)·Wc + bc + z·Wz)}; we fold the rotation into
 * {@code R(φ)·Wc} and the shift, content and bias into one per-patch row, so the per-pixel work is a single
 * batched product of the coordinates (x, y, 1) with a 3 × hidden matrix per patch: the same function as
 * AtomAI's without materialising rotated coordinates or adding a bias over every pixel.
 *
 * <p>Weights are drawn from our own seeded generator (PyTorch's default {@code nn.Linear} law, uniform in
 * ±1/√fan-in), so a seed fixes the model without touching the engine's global random state. The model owns
 * native memory: close it.
 */
public final class Rvae implements AutoCloseable {

	private final RvaeArchitecture arch;
	private final NDManager manager;
	private final Map<String, NDArray> params = new LinkedHashMap<>();
	private final NDArray coords;
	/** Data scaling learnt from the training stack: x ↦ (x − offset) / scale. */
	private float offset, scale;

	private Rvae(RvaeArchitecture arch, NDManager manager) {
		this.arch = arch;
		this.manager = manager;
		this.coords = owned(manager.create(coordinateGrid(arch.width(), arch.height()), new Shape(arch.pixels(), 3)));
		this.offset = 0f;
		this.scale = 1f;
	}

	/** A new, untrained model with weights drawn from {@code seed}, on PyTorch's default threads for training. */
	public static Rvae create(RvaeArchitecture arch, long seed) {
		return create(arch, seed, 0);
	}

	/** As {@link #create(RvaeArchitecture, long)} on {@code threads} PyTorch threads (0: the default for training). */
	public static Rvae create(RvaeArchitecture arch, long seed, int threads) {
		Rvae m = new Rvae(arch, TorchEngine.newManager(TorchEngine.Work.TRAINING, threads));
		SplittableRandom rnd = new SplittableRandom(seed);
		for (Map.Entry<String, long[]> e : m.shapes().entrySet()) {
			long[] s = e.getValue();
			int fanIn = (int) (s.length >= 2 ? fanIn(s) : m.fanInOfBias(e.getKey()));
			double bound = 1 / Math.sqrt(fanIn);
			float[] v = new float[(int) new Shape(s).size()];
			for (int i = 0; i < v.length; i++)
				v[i] = (float) rnd.nextDouble(-bound, bound);
			m.params.put(e.getKey(), owned(m.manager.create(v, new Shape(s))));
		}
		return m;
	}

	/** Rebuilds a model from saved parameters; shapes must match the architecture. */
	static Rvae of(RvaeArchitecture arch, float offset, float scale, Map<String, float[]> values, String source,
		int threads) {
		Rvae m = new Rvae(arch, TorchEngine.newManager(TorchEngine.Work.TRAINING, threads));
		m.offset = offset;
		m.scale = scale;
		for (Map.Entry<String, long[]> e : m.shapes().entrySet()) {
			float[] v = values.get(e.getKey());
			long n = new Shape(e.getValue()).size();
			if (v == null || v.length != n) {
				m.close();
				throw new InputException(source + " does not fit its own architecture (parameter '" + e.getKey() + "' has " +
					(v == null ? "no values" : v.length + " values, not " + n) +
					"); the file is damaged or from another version: train the model again");
			}
			m.params.put(e.getKey(), owned(m.manager.create(v, new Shape(e.getValue()))));
		}
		if (values.size() != m.params.size()) {
			m.close();
			throw new InputException(source + " holds " + values.size() + " parameter arrays where its architecture needs " +
				m.params.size() + "; train the model again");
		}
		return m;
	}

	/**
	 * A copy of {@code a} in memory that PyTorch allocated itself (64-byte aligned), the original closed. Arrays
	 * made from Java data may sit at other alignments, and the BLAS then takes other code paths with other
	 * rounding: runs with one seed were not reproducible until every array the products read was PyTorch's own.
	 */
	static NDArray owned(NDArray a) {
		NDArray c = a.duplicate();
		a.close();
		return c;
	}

	/** Parameter names and shapes, in a fixed order (the order they are saved in). */
	Map<String, long[]> shapes() {
		// Weights are (out, in), as torch's linear wants them, so the bias add is fused into the product.
		Map<String, long[]> s = new LinkedHashMap<>();
		long in = arch.pixels();
		if (arch.convolutional()) {
			long channels = 1;
			for (int i = 0; i < arch.encoderLayers(); i++) {
				s.put("conv" + i + ".w", new long[] { arch.encoderHidden(), channels, 3, 3 });
				s.put("conv" + i + ".b", new long[] { arch.encoderHidden() });
				channels = arch.encoderHidden();
			}
			in = channels * arch.pixels();
		}
		else {
			for (int i = 0; i < arch.encoderLayers(); i++) {
				s.put("enc" + i + ".w", new long[] { arch.encoderHidden(), in });
				s.put("enc" + i + ".b", new long[] { arch.encoderHidden() });
				in = arch.encoderHidden();
			}
		}
		s.put("mu.w", new long[] { arch.latents(), in });
		s.put("mu.b", new long[] { arch.latents() });
		s.put("logsd.w", new long[] { arch.latents(), in });
		s.put("logsd.b", new long[] { arch.latents() });
		int hd = arch.decoderHidden();
		s.put("coord.w", new long[] { hd, 2 });
		s.put("coord.b", new long[] { hd });
		s.put("latent.w", new long[] { hd, arch.content() });
		for (int i = 0; i < arch.decoderLayers(); i++) {
			s.put("dec" + i + ".w", new long[] { hd, hd });
			s.put("dec" + i + ".b", new long[] { hd });
		}
		s.put("out.w", new long[] { 1, hd });
		s.put("out.b", new long[] { 1 });
		return s;
	}

	/** A bias is initialised like its layer's weights: from the fan-in of that layer. */
	private long fanInOfBias(String name) {
		String layer = name.substring(0, name.lastIndexOf('.'));
		return fanIn(shapes().get(layer + ".w"));
	}

	/** Inputs per output of a weight (out, in) or (out, in, kh, kw). */
	private static long fanIn(long[] weightShape) {
		long f = 1;
		for (int i = 1; i < weightShape.length; i++)
			f *= weightShape[i];
		return f;
	}

	public RvaeArchitecture architecture() {
		return arch;
	}

	/** Number of trainable values. */
	public long parameterCount() {
		long n = 0;
		for (long[] s : shapes().values())
			n += new Shape(s).size();
		return n;
	}

	float offset() {
		return offset;
	}

	float scale() {
		return scale;
	}

	/** Fixes the data scaling to the range of the training stack, so later stacks are scaled the same way. */
	void fitScaling(PatchStack stack) {
		float[] r = stack.range();
		if (!(r[1] > r[0])) throw new InputException("every pixel of the stack is " + r[0] +
			"; an rVAE needs patches that differ from each other");
		offset = r[0];
		scale = r[1] - r[0];
	}

	Map<String, NDArray> params() {
		return params;
	}

	NDManager manager() {
		return manager;
	}

	/** Every native array a batch computation reads, to be attached to the batch's manager for its duration. */
	List<NDArray> resident() {
		List<NDArray> all = new ArrayList<>(params.values());
		all.add(coords);
		return all;
	}

	/** Patches {@code from .. from+n-1} of {@code stack}, scaled as the model expects, flattened. */
	float[] scaled(PatchStack stack, int[] order, int from, int n) {
		int p = arch.pixels();
		float[] x = new float[n * p];
		float inv = 1f / scale;
		boolean clamp = arch.reconstruction() == Reconstruction.BERNOULLI;
		for (int i = 0; i < n; i++) {
			int src = (order == null ? from + i : order[from + i]) * p;
			for (int j = 0; j < p; j++) {
				float v = (stack.data()[src + j] - offset) * inv;
				x[i * p + j] = clamp ? Math.min(1f, Math.max(0f, v)) : v;
			}
		}
		return x;
	}

	void checkFits(PatchStack stack) {
		if (stack.width() != arch.width() || stack.height() != arch.height())
			throw new InputException("the model was trained on " + arch.width() + " x " + arch.height() +
				" px patches, but this stack has " + stack.width() + " x " + stack.height() +
				" px patches; cut patches of " + arch.width() + " x " + arch.height() + " px or train a new model");
	}

	// ---- the network (all arrays given here live in the caller's batch manager) ----

	private NDArray p(String name) {
		return params.get(name);
	}

	private static NDArray linear(NDArray x, NDArray w, NDArray b) {
		return Linear.linear(x, w, b).singletonOrThrow();
	}

	/** Mean and log σ of the latents for patches {@code x} (B × pixels). */
	NDArray[] encode(NDArray x) {
		NDArray h = x;
		if (arch.convolutional()) {
			long b = x.getShape().get(0);
			h = x.reshape(b, 1, arch.height(), arch.width());
			Shape one = new Shape(1, 1);
			for (int i = 0; i < arch.encoderLayers(); i++)
				h = Activation.leakyRelu(Conv2d.conv2d(h, p("conv" + i + ".w"), p("conv" + i + ".b"), one, one, one, 1)
					.singletonOrThrow(), 0.1f);
			h = h.reshape(b, -1);
		}
		else {
			for (int i = 0; i < arch.encoderLayers(); i++)
				h = linear(h, p("enc" + i + ".w"), p("enc" + i + ".b")).tanh();
		}
		return new NDArray[] { linear(h, p("mu.w"), p("mu.b")), linear(h, p("logsd.w"), p("logsd.b")) };
	}

	/** Decoder output (values, or logits for Bernoulli) at every pixel, B × pixels, for latents z (B × L). */
	NDArray decode(NDArray z) {
		long b = z.getShape().get(0);
		int g = arch.geometric();
		NDArray wc = p("coord.w");
		NDArray w0 = wc.get(":, 0"), w1 = wc.get(":, 1");
		// per-patch bias of the first layer: bc + z·Wzᵀ (+ d·Wcᵀ for the shift)
		NDArray bias = linear(z.get(":, " + g + ":"), p("latent.w"), p("coord.b"));
		if (arch.translation()) {
			int t = arch.rotation() ? 1 : 0;
			NDArray d = z.get(":, " + t + ":" + (t + 2)).mul((float) arch.translationScale());
			bias = bias.add(d.matMul(wc.transpose()));
		}
		// (x, y)·[[cos, sin], [−sin, cos]]·Wcᵀ = x·(cos w0 + sin w1) + y·(−sin w0 + cos w1)
		NDArray phi = arch.rotation() ? z.get(":, 0:1") : z.getManager().zeros(new Shape(b, 1));
		NDArray c = phi.cos(), s = phi.sin();
		NDArray r0 = c.mul(w0).add(s.mul(w1));
		NDArray r1 = c.mul(w1).sub(s.mul(w0));
		// (x, y, 1) · [r0; r1; bias]: rotation, shift, content and bias in one batched product
		NDArray h = coords.matMul(NDArrays.stack(new NDList(r0, r1, bias), 1)).tanh();
		for (int i = 0; i < arch.decoderLayers(); i++)
			h = linear(h, p("dec" + i + ".w"), p("dec" + i + ".b")).tanh();
		return linear(h, p("out.w"), p("out.b")).reshape(b, arch.pixels());
	}

	/** Reconstruction term per patch (B): Σ (x̂ − x)² / (2σ²), or the binary cross-entropy of the logits. */
	NDArray reconstruction(NDArray out, NDArray x, RvaeTraining t) {
		if (arch.reconstruction() == Reconstruction.GAUSSIAN)
			return out.sub(x).square().sum(new int[] { 1 }).mul((float) (0.5 / (t.noise() * t.noise())));
		// max(o, 0) − o·x + log(1 + e^−|o|): the stable form of BCE with logits
		return out.maximum(0f).sub(out.mul(x)).add(out.abs().neg().exp().add(1f).log()).sum(new int[] { 1 });
	}

	/**
	 * KL divergence per patch (B) of the posterior from the prior: N(0, 1) for content and translation,
	 * N(0, σφ) for the angle (its mean term only with {@code penaliseAngleMean}).
	 */
	NDArray kl(NDArray mu, NDArray logsd, RvaeTraining t, NDManager m) {
		int l = arch.latents();
		float[] wVar = new float[l], wMu = new float[l];
		java.util.Arrays.fill(wVar, 0.5f);
		java.util.Arrays.fill(wMu, 0.5f);
		float constant = -0.5f * l;
		if (arch.rotation()) {
			double p2 = t.anglePrior() * t.anglePrior();
			wVar[0] = (float) (1 / (2 * p2));
			wMu[0] = t.penaliseAngleMean() ? wVar[0] : 0f;
			constant += (float) Math.log(t.anglePrior());
		}
		NDArray v = m.create(wVar), u = m.create(wMu);
		return logsd.neg().add(logsd.mul(2f).exp().mul(v)).add(mu.square().mul(u)).sum(new int[] { 1 }).add(constant);
	}

	/**
	 * Pixel coordinates on [−1, 1]² (x grows to the right, y upwards: row 0 is y = 1) with a third column of
	 * ones that carries the first decoder layer's per-patch bias through the same product.
	 */
	static float[] coordinateGrid(int w, int h) {
		float[] c = new float[w * h * 3];
		for (int r = 0; r < h; r++)
			for (int col = 0; col < w; col++) {
				int i = 3 * (r * w + col);
				c[i] = -1f + 2f * col / (w - 1);
				c[i + 1] = 1f - 2f * r / (h - 1);
				c[i + 2] = 1f;
			}
		return c;
	}

	// ---- use of a trained model ----

	/** The posterior of every patch of {@code stack}. */
	public Latents encode(PatchStack stack) {
		checkFits(stack);
		int l = arch.latents(), n = stack.count();
		double[][] mean = new double[n][l], std = new double[n][l];
		int chunk = 256;
		for (int from = 0; from < n; from += chunk) {
			int b = Math.min(chunk, n - from);
			try (NDManager sub = manager.newSubManager()) {
				resident().forEach(a -> a.tempAttach(sub));
				NDArray x = owned(sub.create(scaled(stack, null, from, b), new Shape(b, arch.pixels())));
				NDArray[] e = encode(x);
				float[] mu = e[0].toFloatArray(), ls = e[1].toFloatArray();
				for (int i = 0; i < b; i++)
					for (int j = 0; j < l; j++) {
						mean[from + i][j] = mu[i * l + j];
						std[from + i][j] = Math.exp(ls[i * l + j]);
					}
			}
		}
		toPatchUnits(mean, std);
		return new Latents(arch.latentNames(), mean, std);
	}

	/**
	 * Turns the translation latents into the shift of the patch content in pixels (x right, y down): the
	 * decoder draws its template at {@code c·R + d}, so the content's centre sits at {@code −d·Rᵀ}.
	 */
	private void toPatchUnits(double[][] mean, double[][] std) {
		if (!arch.translation()) return;
		int t = arch.rotation() ? 1 : 0;
		double sx = arch.translationScale() * (arch.width() - 1) / 2.0;
		double sy = arch.translationScale() * (arch.height() - 1) / 2.0;
		for (int i = 0; i < mean.length; i++) {
			double dx = mean[i][t], dy = mean[i][t + 1];
			double phi = arch.rotation() ? mean[i][0] : 0, c = Math.cos(phi), s = Math.sin(phi);
			double ux = -(dx * c + dy * s), uy = -(-dx * s + dy * c);
			mean[i][t] = ux * sx;
			mean[i][t + 1] = -uy * sy;
			std[i][t] *= sx;
			std[i][t + 1] *= sy;
		}
	}

	/**
	 * Decoded patches, in data units, for content latents {@code z[n][k]} at angle 0 and no shift; patches
	 * back to back.
	 */
	public float[] decode(double[][] z) {
		int n = z.length, l = arch.latents(), g = arch.geometric();
		float[] lat = new float[n * l];
		for (int i = 0; i < n; i++) {
			if (z[i].length != arch.content()) throw new InputException("the model has " + arch.content() +
				" content latents; " + z[i].length + " were given");
			for (int j = 0; j < arch.content(); j++)
				lat[i * l + g + j] = (float) z[i][j];
		}
		float[] out;
		try (NDManager sub = manager.newSubManager()) {
			resident().forEach(a -> a.tempAttach(sub));
			NDArray y = decode(owned(sub.create(lat, new Shape(n, l))));
			if (arch.reconstruction() == Reconstruction.BERNOULLI) y = Activation.sigmoid(y);
			out = y.toFloatArray();
		}
		for (int i = 0; i < out.length; i++)
			out[i] = out[i] * scale + offset;
		return out;
	}

	/**
	 * AtomAI's manifold: decoded patches over a {@code d × d} grid of z1 (columns, increasing to the right) and
	 * z2 (rows, increasing upwards) at the 5 %..95 % quantiles of N(0, 1), other latents 0, as one image of
	 * {@code d·width × d·height} pixels. With one content latent the grid is a single row.
	 */
	public float[] manifold(int d) {
		if (d < 1) throw new InputException("manifold size " + d + " must be at least 1");
		int rows = arch.content() >= 2 ? d : 1;
		double[][] z = new double[d * rows][arch.content()];
		for (int r = 0; r < rows; r++)
			for (int c = 0; c < d; c++) {
				z[r * d + c][0] = quantile(d, c);
				if (rows > 1) z[r * d + c][1] = quantile(d, rows - 1 - r);
			}
		float[] tiles = decode(z);
		int w = arch.width(), h = arch.height(), W = d * w;
		float[] img = new float[W * rows * h];
		for (int r = 0; r < rows; r++)
			for (int c = 0; c < d; c++)
				for (int y = 0; y < h; y++)
					System.arraycopy(tiles, (r * d + c) * w * h + y * w, img, (r * h + y) * W + c * w, w);
		return img;
	}

	/** Height in pixels of {@link #manifold(int)}'s image. */
	public int manifoldHeight(int d) {
		return (arch.content() >= 2 ? d : 1) * arch.height();
	}

	/** The {@code i}-th of {@code d} standard-normal quantiles evenly spaced from 5 % to 95 %. */
	static double quantile(int d, int i) {
		double p = d == 1 ? 0.5 : 0.05 + 0.9 * i / (d - 1);
		return NormalQuantile.of(p);
	}

	@Override
	public void close() {
		manager.close();
	}
}
