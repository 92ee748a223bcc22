package org.stemdiscovery.command;

import java.util.List;

import org.stemdiscovery.atoms.AtomNetTrainer.Recipe;

/**
 * {@code stem-discovery train-atom-finder}: the parameters of an atom-finder training run, declared once in
 * {@link #SPEC}. Every default is the recipe of the shipped weights ({@link Recipe#shipped()}); the option
 * names are those {@code scripts/train-atom-finder} always took.
 */
public record TrainAtomFinderParams(int seed, int images, int epochs, int batch, int crop, int base, int levels,
	double lr, double brightWeight, int validation, int validationSide, int threads) {

	private static final Recipe SHIPPED = Recipe.shipped();

	public static final Spec SPEC = new Spec("train-atom-finder", "Train Atom Finder",
		"train the atom-finder network on synthetic lattices (writes atomnet.params, atomnet.json)",
		"Trains AtomNet (a small U-Net) on synthetic random-lattice images (square, perovskite, hexagonal, honeycomb; " +
			"6-30 px between columns; dose 2-300) and writes its weights, atomnet.params, with atomnet.json: the " +
			"recipe, the loss per epoch, F1 and position error of the whole finder on held-out scenes, and the time. " +
			"The defaults reproduce the bundled weights (about 15 min on 2 cores); use the result with " +
			"'stem-discovery atoms --model DIR/atomnet.params'.",
		List.of(
			Param.integer("seed", (int) SHIPPED.seed()).min(0).help("seed of the training and validation scenes"),
			Param.integer("images", SHIPPED.images()).range(1, 100_000).help("synthetic training images"),
			Param.integer("epochs", SHIPPED.epochs()).range(1, 100_000).help("passes over the training images"),
			Param.integer("batch", SHIPPED.batch()).range(1, 4096).help("images per optimiser step (at most --images)"),
			Param.integer("crop", SHIPPED.crop()).range(32, 4096).unit("px")
				.help("side of the training images; a multiple of 2^(levels-1)"),
			Param.integer("base", SHIPPED.base()).range(1, 256).help("channels of the first level, doubled per level"),
			Param.integer("levels", SHIPPED.levels()).range(1, 6).help("levels of the U-Net"),
			Param.real("lr", SHIPPED.learningRate()).range(1e-6, 1).help("Adam's initial learning rate (cosine decay " +
				"to 1/20)"),
			Param.real("bright-weight", SHIPPED.brightWeight()).range(0, 1e6)
				.help("loss weight of bright columns (background and atoms weigh 1)"),
			Param.integer("validation", SHIPPED.validationImages()).range(1, 10_000).help("held-out validation scenes"),
			Param.integer("validation-side", SHIPPED.validationSide()).range(64, 4096).unit("px")
				.help("side of each validation scene"),
			Threads.torchParam()));

	public static TrainAtomFinderParams from(Values v) {
		return new TrainAtomFinderParams(v.integer("seed"), v.integer("images"), v.integer("epochs"), v.integer("batch"),
			v.integer("crop"), v.integer("base"), v.integer("levels"), v.real("lr"), v.real("bright-weight"), v.integer(
				"validation"), v.integer("validation-side"), v.integer("threads"));
	}

	/** The core's recipe; checks what only the combination decides (batch ≤ images, crop fits the levels). */
	public Recipe recipe() {
		return new Recipe(seed, images, epochs, batch, crop, base, levels, lr, brightWeight, validation,
			validationSide);
	}
}
