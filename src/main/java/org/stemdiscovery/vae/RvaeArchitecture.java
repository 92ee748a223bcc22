package org.stemdiscovery.vae;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stemdiscovery.image.InputException;

/**
 * The shape of an rVAE: what a saved model must match to be loaded and applied to a stack.
 *
 * @param width, height     patch size in pixels
 * @param content           number of content latents z1..zk
 * @param rotation          whether the first latent is an angle φ that rotates the decoder's coordinates
 * @param translation       whether two latents (dx, dy) shift the decoder's coordinates
 * @param translationScale  factor from the translation latents to a shift on the [−1, 1] coordinate grid
 *                          (AtomAI's {@code translation_prior}, 0.1 = a shift of ±5 % of the patch per unit latent)
 * @param convolutional     encoder of 3 × 3 convolutions ({@code encoderHidden} filters, leaky ReLU 0.1, as
 *                          AtomAI's {@code conv_encoder}) instead of fully connected tanh layers
 * @param encoderLayers, encoderHidden encoder: layers of {@code encoderHidden} units (or filters)
 * @param decoderLayers, decoderHidden coordinate decoder: hidden layers after the coordinate/latent layer
 * @param reconstruction    likelihood of the data given the decoder output
 */
public record RvaeArchitecture(int width, int height, int content, boolean rotation, boolean translation,
	double translationScale, boolean convolutional, int encoderLayers, int encoderHidden, int decoderLayers, int decoderHidden,
	Reconstruction reconstruction) {

	public RvaeArchitecture {
		if (width < 2 || height < 2) throw new InputException("patches of " + width + " x " + height +
			" px are too small; use at least 2 x 2 px (8 x 8 or more in practice)");
		if (content < 1 || content > 16) throw new InputException("content latents " + content +
			" must be between 1 and 16; 2 is usual");
		if (!(translationScale > 0) || !Double.isFinite(translationScale)) throw new InputException(
			"translation scale " + translationScale + " must be a positive number (0.1 is usual)");
		if (encoderLayers < 1 || encoderHidden < 1) throw new InputException("the encoder needs at least one layer of " +
			"at least one unit; got " + encoderLayers + " x " + encoderHidden);
		if (decoderLayers < 0 || decoderHidden < 1) throw new InputException("the decoder needs at least one unit " +
			"and zero or more hidden layers; got " + decoderLayers + " x " + decoderHidden);
		if (reconstruction == null) throw new InputException("choose a reconstruction: gaussian or bernoulli");
	}

	/** AtomAI's default rVAE for {@code width × height} patches: 2 × 128 encoder and decoder, rotation and translation. */
	public static RvaeArchitecture defaults(int width, int height, int content) {
		return new RvaeArchitecture(width, height, content, true, true, 0.1, false, 2, 128, 2, 128, Reconstruction.GAUSSIAN);
	}

	public RvaeArchitecture withHidden(int encoder, int decoder) {
		return new RvaeArchitecture(width, height, content, rotation, translation, translationScale, convolutional, encoderLayers,
			encoder, decoderLayers, decoder, reconstruction);
	}

	public RvaeArchitecture withConvolutionalEncoder(boolean on) {
		return new RvaeArchitecture(width, height, content, rotation, translation, translationScale, on, encoderLayers,
			encoderHidden, decoderLayers, decoderHidden, reconstruction);
	}

	public RvaeArchitecture withRotation(boolean on) {
		return new RvaeArchitecture(width, height, content, on, translation, translationScale, convolutional, encoderLayers,
			encoderHidden, decoderLayers, decoderHidden, reconstruction);
	}

	public RvaeArchitecture withTranslation(boolean on) {
		return new RvaeArchitecture(width, height, content, rotation, on, translationScale, convolutional, encoderLayers,
			encoderHidden, decoderLayers, decoderHidden, reconstruction);
	}

	public RvaeArchitecture withReconstruction(Reconstruction r) {
		return new RvaeArchitecture(width, height, content, rotation, translation, translationScale, convolutional, encoderLayers,
			encoderHidden, decoderLayers, decoderHidden, r);
	}

	/** Pixels per patch. */
	public int pixels() {
		return width * height;
	}

	/** Latents before the content ones: angle and/or dx, dy. */
	public int geometric() {
		return (rotation ? 1 : 0) + (translation ? 2 : 0);
	}

	/** All latents: geometric then content. */
	public int latents() {
		return geometric() + content;
	}

	/** Names of the latents in encoder order: angle, dx, dy (when on), z1..zk. */
	public List<String> latentNames() {
		List<String> names = new ArrayList<>();
		if (rotation) names.add("angle");
		if (translation) {
			names.add("dx");
			names.add("dy");
		}
		for (int i = 1; i <= content; i++)
			names.add("z" + i);
		return names;
	}

	/** Plain values for the model's JSON. */
	public Map<String, Object> toMap() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("width", width);
		m.put("height", height);
		m.put("content", content);
		m.put("rotation", rotation);
		m.put("translation", translation);
		m.put("translationScale", translationScale);
		m.put("convolutional", convolutional);
		m.put("encoderLayers", encoderLayers);
		m.put("encoderHidden", encoderHidden);
		m.put("decoderLayers", decoderLayers);
		m.put("decoderHidden", decoderHidden);
		m.put("reconstruction", reconstruction.label());
		return m;
	}

	/** Reads {@link #toMap()}; a missing or malformed entry is an {@link InputException} naming it. */
	public static RvaeArchitecture fromMap(Map<String, Object> m, String source) {
		return new RvaeArchitecture(integer(m, "width", source), integer(m, "height", source),
			integer(m, "content", source), bool(m, "rotation", source), bool(m, "translation", source),
			number(m, "translationScale", source), bool(m, "convolutional", source), integer(m, "encoderLayers", source),
			integer(m, "encoderHidden", source), integer(m, "decoderLayers", source),
			integer(m, "decoderHidden", source), Reconstruction.parse(String.valueOf(get(m, "reconstruction", source))));
	}

	private static Object get(Map<String, Object> m, String key, String source) {
		Object v = m.get(key);
		if (v == null) throw new InputException(source + " lacks the architecture entry '" + key +
			"'; it was not written by Train rVAE of this version: train the model again");
		return v;
	}

	private static double number(Map<String, Object> m, String key, String source) {
		Object v = get(m, key, source);
		if (v instanceof Number n) return n.doubleValue();
		throw new InputException(source + ": architecture entry '" + key + "' is '" + v + "', not a number");
	}

	private static int integer(Map<String, Object> m, String key, String source) {
		return (int) Math.round(number(m, key, source));
	}

	private static boolean bool(Map<String, Object> m, String key, String source) {
		Object v = get(m, key, source);
		if (v instanceof Boolean b) return b;
		throw new InputException(source + ": architecture entry '" + key + "' is '" + v + "', not true/false");
	}
}
