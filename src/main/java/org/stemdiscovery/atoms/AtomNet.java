package org.stemdiscovery.atoms;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A small U-Net: {@code levels} resolutions with {@code base·2^level} channels, two 3×3 convolutions with
 * batch norm and ReLU per level, 2×2 max pooling down, and up by a 1×1 convolution to four times the
 * channels followed by a pixel shuffle (the PyTorch engine of DJL has no transposed convolution), skip
 * connections by concatenation, and a 1×1 head giving {@link #CLASSES} class scores (logits) per pixel:
 * background, atom column, bright column.
 *
 * <p>Input {@code (N, 1, H, W)} with H and W multiples of {@code 2^(levels−1)}; output {@code (N, 3, H, W)}.
 */
public final class AtomNet extends AbstractBlock {

	public static final int CLASSES = 3;

	private final int base, levels;
	private final List<Block> down = new ArrayList<>(), up = new ArrayList<>(), merge = new ArrayList<>();
	private final Block head;

	public AtomNet(int base, int levels) {
		if (base < 1 || levels < 1 || levels > 6) throw new IllegalArgumentException("base " + base + ", levels " + levels);
		this.base = base;
		this.levels = levels;
		for (int l = 0; l < levels; l++)
			down.add(addChildBlock("down" + l, convPair(base << l)));
		for (int l = levels - 2; l >= 0; l--) {
			// From level l+1 (2c channels) to level l: 1x1 conv to 4c channels, shuffled into c channels at 2x size.
			up.add(addChildBlock("up" + l, Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(4 * (base << l))
				.build()));
			merge.add(addChildBlock("merge" + l, convPair(base << l)));
		}
		head = addChildBlock("head", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(CLASSES).build());
	}

	public int base() {
		return base;
	}

	public int levels() {
		return levels;
	}

	/** Image sides must be multiples of this. */
	public int multiple() {
		return 1 << (levels - 1);
	}

	private static Block convPair(int channels) {
		SequentialBlock b = new SequentialBlock();
		for (int i = 0; i < 2; i++)
			b.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(channels)
				.optBias(false).build()).add(BatchNorm.builder().build()).add(Activation.reluBlock());
		return b;
	}

	@Override
	protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
		NDArray x = inputs.singletonOrThrow();
		List<NDArray> skips = new ArrayList<>();
		for (int l = 0; l < levels; l++) {
			if (l > 0) x = Pool.maxPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
			x = down.get(l).forward(ps, new NDList(x), training, params).singletonOrThrow();
			skips.add(x);
		}
		for (int i = 0; i < levels - 1; i++) {
			int l = levels - 2 - i;
			x = pixelShuffle(up.get(i).forward(ps, new NDList(x), training, params).singletonOrThrow());
			x = skips.get(l).concat(x, 1);
			x = merge.get(i).forward(ps, new NDList(x), training, params).singletonOrThrow();
		}
		return head.forward(ps, new NDList(x), training, params);
	}

	/** (N, 4C, H, W) → (N, C, 2H, 2W): each group of four channels becomes a 2×2 block of pixels. */
	static NDArray pixelShuffle(NDArray x) {
		Shape s = x.getShape();
		long n = s.get(0), c = s.get(1) / 4, h = s.get(2), w = s.get(3);
		return x.reshape(n, c, 2, 2, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(n, c, 2 * h, 2 * w);
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		Shape s = inputShapes[0];
		return new Shape[] { new Shape(s.get(0), CLASSES, s.get(2), s.get(3)) };
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		Shape s = inputShapes[0];
		long n = s.get(0), h = s.get(2), w = s.get(3);
		List<Shape> skips = new ArrayList<>();
		Shape x = s;
		for (int l = 0; l < levels; l++) {
			if (l > 0) x = new Shape(n, x.get(1), x.get(2) / 2, x.get(3) / 2);
			down.get(l).initialize(manager, dataType, x);
			x = down.get(l).getOutputShapes(new Shape[] { x })[0];
			skips.add(x);
		}
		for (int i = 0; i < levels - 1; i++) {
			int l = levels - 2 - i;
			up.get(i).initialize(manager, dataType, x);
			Shape u = up.get(i).getOutputShapes(new Shape[] { x })[0];
			Shape skip = skips.get(l);
			Shape cat = new Shape(n, skip.get(1) + u.get(1) / 4, skip.get(2), skip.get(3));
			merge.get(i).initialize(manager, dataType, cat);
			x = merge.get(i).getOutputShapes(new Shape[] { cat })[0];
		}
		head.initialize(manager, dataType, x);
		if (h % multiple() != 0 || w % multiple() != 0) throw new IllegalArgumentException("sides " + w + " x " + h +
			" must be multiples of " + multiple());
	}
}
