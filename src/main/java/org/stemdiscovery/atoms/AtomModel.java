package org.stemdiscovery.atoms;

import org.stemdiscovery.torch.TorchEngine;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;

import org.stemdiscovery.image.InputException;

/**
 * A segmentation network ready for inference: the contract is an {@code (N, 1, H, W)} float image,
 * normalised to zero mean and unit standard deviation, in; {@code (N, C, H, W)} class scores (logits) out,
 * C = 2 (background, atom) or 3 (background, atom, bright column). Either the bundled {@link AtomNet}
 * weights, an {@link AtomNet} weights file written by {@link #save}, or a user's TorchScript {@code .pt}.
 */
public final class AtomModel implements AutoCloseable {

	/** Resource path of the shipped weights and of their recipe. */
	public static final String BUNDLED = "/models/atomnet.params", BUNDLED_RECIPE = "/models/atomnet.json";
	private static final byte[] MAGIC = "STEMDISCOVERY-ATOMNET-1".getBytes(StandardCharsets.US_ASCII);

	private final String name;
	private final NDManager manager;
	private final Model model;
	private final Block block;
	private final int classes, multiple;

	private AtomModel(String name, NDManager manager, Model model, Block block, int multiple) {
		this.name = name;
		this.manager = manager;
		this.model = model;
		this.block = block;
		this.multiple = multiple;
		this.classes = probeClasses();
	}

	/** The weights shipped in the jar. */
	public static AtomModel bundled() {
		return bundled(0);
	}

	/** The weights shipped in the jar, PyTorch on {@code threads} threads (0: {@link TorchEngine}'s default). */
	public static AtomModel bundled(int threads) {
		InputStream in = AtomModel.class.getResourceAsStream(BUNDLED);
		if (in == null) throw new InputException("the jar has no bundled atom-finder weights (" + BUNDLED +
			"); rebuild with scripts/train-atom-finder or give --model PATH");
		try (InputStream s = in) {
			return fromWeights("bundled AtomNet", s, threads);
		}
		catch (IOException e) {
			throw new InputException("cannot read the bundled atom-finder weights: " + e.getMessage());
		}
	}

	/** "default" or empty: the bundled weights; otherwise a weights file or a TorchScript model. */
	public static AtomModel named(String spec) {
		return named(spec, 0);
	}

	/** As {@link #named(String)}, PyTorch on {@code threads} threads (0: {@link TorchEngine}'s default). */
	public static AtomModel named(String spec, int threads) {
		return spec == null || spec.isBlank() || spec.equals("default") ? bundled(threads) : load(Path.of(spec), threads);
	}

	/** An AtomNet weights file (from {@link #save}) or a TorchScript {@code .pt} file. */
	public static AtomModel load(Path path) {
		return load(path, 0);
	}

	private static AtomModel load(Path path, int threads) {
		if (!Files.isRegularFile(path)) throw new InputException("model file " + path + " does not exist; give an " +
			"existing .pt (TorchScript) or .params file, or 'default' for the bundled model");
		byte[] head = new byte[MAGIC.length];
		try (InputStream in = Files.newInputStream(path)) {
			int n = in.readNBytes(head, 0, head.length);
			if (n == head.length && Arrays.equals(head, MAGIC)) {
				try (InputStream all = Files.newInputStream(path)) {
					return fromWeights(path.getFileName().toString(), all, threads);
				}
			}
		}
		catch (IOException e) {
			throw new InputException("cannot read model file " + path + ": " + e.getMessage());
		}
		return torchScript(path, threads);
	}

	private static AtomModel torchScript(Path path, int threads) {
		TorchEngine.start(TorchEngine.Work.INFERENCE, threads);
		Model model = Model.newInstance("user-atom-model", Device.cpu(), "PyTorch");
		try {
			model.load(path);
		}
		catch (IOException | MalformedModelException | RuntimeException e) {
			model.close();
			throw new InputException("model file " + path.getFileName() + " is neither a TorchScript model nor AtomNet " +
				"weights (" + firstLine(e) + "); export it with torch.jit.save or train one with scripts/train-atom-finder");
		}
		try {
			return new AtomModel(path.getFileName().toString(), model.getNDManager(), model, model.getBlock(), 1);
		}
		catch (RuntimeException e) {
			model.close();
			throw e;
		}
	}

	private static AtomModel fromWeights(String name, InputStream raw, int threads) throws IOException {
		TorchEngine.start(TorchEngine.Work.INFERENCE, threads);
		DataInputStream in = new DataInputStream(new BufferedInputStream(raw));
		byte[] head = new byte[MAGIC.length];
		in.readFully(head);
		if (!Arrays.equals(head, MAGIC)) throw new InputException(name + " is not an AtomNet weights file");
		int base = in.readInt(), levels = in.readInt();
		if (base < 1 || base > 256 || levels < 1 || levels > 6) throw new InputException(name + " is damaged (base " +
			base + ", levels " + levels + "); retrain or download it again");
		AtomNet net = new AtomNet(base, levels);
		NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
		try {
			net.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 64, 64));
			net.loadParameters(manager, in);
		}
		catch (MalformedModelException | IOException | RuntimeException e) {
			manager.close();
			throw new InputException(name + " is damaged or truncated (" + firstLine(e) + "); retrain it with " +
				"scripts/train-atom-finder or use --model default");
		}
		net.freezeParameters(true);
		return new AtomModel(name, manager, null, net, net.multiple());
	}

	/** Wraps a network being trained (no copy), for validation. */
	public static AtomModel of(AtomNet net, NDManager manager) {
		return new AtomModel("AtomNet in training", manager.newSubManager(), null, net, net.multiple());
	}

	/** Writes an AtomNet's architecture and parameters in the format {@link #load} reads. */
	public static void save(AtomNet net, OutputStream raw) throws IOException {
		DataOutputStream out = new DataOutputStream(raw);
		out.write(MAGIC);
		out.writeInt(net.base());
		out.writeInt(net.levels());
		net.saveParameters(out);
		out.flush();
	}

	public String name() {
		return name;
	}

	/** Number of output classes: 2 or 3. */
	public int classes() {
		return classes;
	}

	/** Input sides are padded to multiples of this. */
	public int multiple() {
		return Math.max(multiple, 8);
	}

	/** Runs a zero image through the model and checks the contract of the output shape. */
	private int probeClasses() {
		Shape out;
		try {
			out = rawForward(new float[64 * 64], 64, 64).getShape();
		}
		catch (InputException e) {
			throw e;
		}
		catch (RuntimeException e) {
			throw new InputException("model " + name + " fails on a (1, 1, 64, 64) image (" + firstLine(e) + "); the atom" +
				" finder needs a model taking (N, 1, H, W) and giving (N, 2 or 3, H, W) class scores");
		}
		if (out.dimension() != 4 || out.get(0) != 1 || out.get(2) != 64 || out.get(3) != 64 || out.get(1) < 2 ||
			out.get(1) > 3) throw new InputException("model " + name + " gives output shape " + out + " for a (1, 1, 64, 64)" +
				" image; the atom finder needs (N, 2 or 3, H, W) class scores (background, atom[, bright])");
		return (int) out.get(1);
	}

	private NDArray rawForward(float[] pixels, int w, int h) {
		NDArray x = manager.create(pixels, new Shape(1, 1, h, w));
		NDList out = block.forward(new ParameterStore(manager, false), new NDList(x), false);
		if (out.isEmpty()) throw new InputException("model " + name + " gives no output");
		NDArray y = out.get(0);
		float[] copy = y.toFloatArray(); // detach from native memory before the caller closes anything
		Shape s = y.getShape();
		out.close();
		x.close();
		return manager.create(copy, s);
	}

	/**
	 * Per-pixel class probabilities (softmax over the class axis) of one normalised image whose sides are
	 * multiples of {@link #multiple()}: {@code classes × h × w}, class-major.
	 */
	public float[] probabilities(float[] pixels, int w, int h) {
		boolean grad = JniUtils.isGradMode();
		JniUtils.setGradMode(false);
		try (NDManager sub = manager.newSubManager()) {
			NDArray x = sub.create(pixels, new Shape(1, 1, h, w));
			NDList out = block.forward(new ParameterStore(sub, false), new NDList(x), false);
			NDArray p = out.get(0).softmax(1);
			float[] r = p.toFloatArray();
			out.close();
			return r;
		}
		finally {
			JniUtils.setGradMode(grad);
		}
	}

	private static String firstLine(Throwable e) {
		String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		int nl = m.indexOf('\n');
		return (nl > 0 ? m.substring(0, nl) : m).trim();
	}

	@Override
	public void close() {
		if (model != null) model.close();
		else manager.close();
	}
}
