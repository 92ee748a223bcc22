package org.stemdiscovery.command;

import java.util.List;

import org.stemdiscovery.vae.Reconstruction;
import org.stemdiscovery.vae.RvaeArchitecture;
import org.stemdiscovery.vae.RvaeTraining;

/**
 * Train rVAE / {@code stem-discovery rvae}: the parameters, declared once in {@link #SPEC}. The names are the
 * Fiji fields; the command line's older spellings ({@code --latent}, {@code --lr}, {@code --angle-prior},
 * {@code --reconstruction}, {@code --conv-encoder}, {@code --encoder-hidden}, {@code --decoder-hidden}) stay
 * as aliases, and the flags that are on by default are switched off with {@code --no-rotation} and
 * {@code --no-translation}, as before.
 *
 * @param hidden  units (or filters) per encoder layer, and per decoder layer unless {@code decoder} says otherwise
 * @param decoder units per decoder layer; 0 = as {@code hidden}
 * @param threads PyTorch threads; 0 = {@link org.stemdiscovery.torch.TorchEngine}'s default for training
 */
public record RvaeParams(int latents, int epochs, int batch, double rate, int seed, double angle, double noise,
	String likelihood, boolean rotation, boolean translation, boolean convolutional, int hidden, int decoder,
	int manifold, int threads) {

	public static final Spec SPEC = new Spec("rvae", "Train rVAE",
		"rotation-invariant VAE on a stack (writes latents.csv, latent-maps.tif, manifold.tif, loss.csv, model/)",
		"Trains a rotation- and translation-invariant variational autoencoder on every plane of a stack (a sliding " +
			"FFT stack, atom-centred patches, or any stack of equal-sized images) and gives each item's latents: " +
			"angle (rad), dx, dy (px) and z1..zk, with their standard deviations. The latent maps lie on the window " +
			"grid of an FFT stack, around each atom on the source image for an atom-patch stack, or one pixel per " +
			"item otherwise; the manifold decodes a grid of z1, z2. Same seed, same result.",
		List.of(
			Param.integer("latents", 2).range(1, 16).alias("latent").label("Content latents")
				.help("content latents z1..zk"),
			Param.integer("epochs", 100).range(1, 100_000).label("Epochs").help("passes over the stack"),
			Param.integer("batch", 100).range(1, 100_000).label("Batch size").help("patches per step, at most the number of patches"),
			Param.real("rate", 1e-3).range(0, 1).alias("lr").label("Learning rate (Adam)").help("Adam learning rate"),
			Param.integer("seed", 0).label("Seed").help("weights, shuffling and noise: same seed, same result"),
			Param.real("angle", Math.PI / 2).range(0, 2 * Math.PI).unit("rad").alias("angle-prior")
				.label("Angle prior sigma (rad; 0.1 nearly disables rotation)")
				.help("sigma of the N(0, sigma) angle prior; 0.1 nearly switches rotation learning off"),
			Param.real("noise", 0.1).range(0, 1e6).label("Noise sigma of the Gaussian reconstruction")
				.help("Gaussian reconstruction sigma on the [0,1]-scaled data"),
			Param.choice("likelihood", "gaussian", Reconstruction.REGISTRY).alias("reconstruction").label("Likelihood")
				.help("reconstruction likelihood"),
			Param.flag("rotation", true).label("Rotation latent").help("the angle latent"),
			Param.flag("translation", true).label("Translation latents").help("the dx, dy latents"),
			Param.flag("convolutional").alias("conv-encoder").label("Convolutional encoder (3x3, filters = hidden units)")
				.help("3x3 convolutional encoder (filters = hidden units) instead of a dense one"),
			Param.integer("hidden", 128).range(1, 4096).alias("encoder-hidden").label("Hidden units per layer")
				.help("units (or filters) per encoder layer, and per decoder layer unless the decoder's are given"),
			Param.integer("decoder", 0).range(0, 4096).alias("decoder-hidden").label("Decoder units per layer (0 = hidden units)")
				.help("units per decoder layer; 0 = as many as the hidden units"),
			Param.integer("manifold", 8).range(1, 64).label("Manifold size (decoded patches per side)")
				.help("the manifold image shows D x D decoded patches"),
			Threads.torchParam()));

	public static RvaeParams from(Values v) {
		return new RvaeParams(v.integer("latents"), v.integer("epochs"), v.integer("batch"), v.real("rate"),
			v.integer("seed"), v.real("angle"), v.real("noise"), v.text("likelihood"), v.flag("rotation"),
			v.flag("translation"), v.flag("convolutional"), v.integer("hidden"), v.integer("decoder"),
			v.integer("manifold"), v.integer("threads"));
	}

	/** The core's architecture for patches of {@code width × height} px. */
	public RvaeArchitecture architecture(int width, int height) {
		return RvaeArchitecture.defaults(width, height, latents).withHidden(hidden, decoder > 0 ? decoder : hidden)
			.withRotation(rotation).withTranslation(translation).withConvolutionalEncoder(convolutional)
			.withReconstruction(Reconstruction.parse(likelihood));
	}

	/** The core's training settings; they refuse a zero rate, angle prior or noise with the usual value. */
	public RvaeTraining training() {
		return RvaeTraining.defaults().withEpochs(epochs).withBatchSize(batch).withLearningRate(rate).withSeed(seed)
			.withAnglePrior(angle, true).withNoise(noise);
	}
}
