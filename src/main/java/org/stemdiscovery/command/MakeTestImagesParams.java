package org.stemdiscovery.command;

import java.util.ArrayList;
import java.util.List;

import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Memory;

/**
 * {@code stem-discovery make-test-images}: the parameters, declared once in {@link #SPEC}.
 *
 * @param sizes sides of the square images, each {@value #MIN_SIZE} to {@value #MAX_SIZE} px
 */
public record MakeTestImagesParams(List<Integer> sizes, long seed, boolean all) {

	/** The scenes need 64 px to show their feature; above 4096 px a run would only exhaust the memory. */
	public static final int MIN_SIZE = 64, MAX_SIZE = 4096;

	/** At most this many sizes in one run. */
	public static final int MAX_SIZES = 32;

	/**
	 * Bytes one scene of side {@code n} holds while it is generated and written (noisy, clean and target floats, the
	 * mask and the work arrays: about 24 bytes per pixel), in long arithmetic.
	 */
	public static long bytesPerScene(long n) {
		return 24 * n * n;
	}

	public static final Spec SPEC = new Spec("make-test-images", "Make Test Images",
		"synthetic STEM images with ground truth (pillars, wall, graphene)",
		"For each scene (pillars, wall, graphene) and size N writes NAME_N.tif (the noisy HAADF-like image, 32-bit), " +
			"NAME_N_mask.tif (the feature of interest, 8-bit 0/1: pillars, wall region, defect surroundings), " +
			"NAME_N_atoms.csv (ground-truth columns: x (column), y (row), class; origin at pixel (0,0)'s centre) and " +
			"NAME_N.json (every parameter, the class names and the seed). With --all also NAME_N_clean.tif (noise-free) " +
			"and NAME_N_target.tif (smooth map for BO). The same seed always gives the same files.",
		List.of(
			Param.text("sizes", "256,512").unit("px")
				.help("comma-separated sides of the square images, each " + MIN_SIZE + " to " + MAX_SIZE + " px"),
			Param.integer("seed", 0).help("seed of the scenes and the noise"),
			Param.flag("all").help("also write the noise-free image and the smooth target")));

	public MakeTestImagesParams {
		sizes = List.copyOf(sizes);
	}

	public static MakeTestImagesParams from(Values v) {
		return new MakeTestImagesParams(sizes(v.text("sizes")), v.integer("seed"), v.flag("all"));
	}

	/** "256,512" as sizes, each checked, so a huge size is refused before anything is generated. */
	static List<Integer> sizes(String text) {
		List<Integer> out = new ArrayList<>();
		for (String s : text.split(",")) {
			int n;
			try {
				n = Integer.parseInt(s.trim());
			}
			catch (NumberFormatException e) {
				throw new InputException("sizes '" + s.trim() + "' is not a whole number; write e.g. 256,512");
			}
			if (n < MIN_SIZE || n > MAX_SIZE) throw new InputException("sizes " + n + " px is out of range" + (n > MAX_SIZE ?
				" (one " + n + " x " + n + " scene needs about " + Memory.bytes(bytesPerScene(n)) + " of memory)" : "") +
				"; choose " + MIN_SIZE + " to " + MAX_SIZE);
			out.add(n);
		}
		if (out.size() > MAX_SIZES) throw new InputException("sizes lists " + out.size() + " sizes; give at most " +
			MAX_SIZES);
		return out;
	}

	/** Every file a run writes, for the output folder's check. */
	public List<String> files() {
		List<String> f = new ArrayList<>();
		for (var scene : MakeTestImagesTask.SCENES)
			for (int n : sizes)
				for (String suffix : all ? List.of(".tif", "_mask.tif", "_clean.tif", "_target.tif", "_atoms.csv", ".json")
					: List.of(".tif", "_mask.tif", "_atoms.csv", ".json"))
					f.add(scene.name() + "_" + n + suffix);
		return f;
	}
}
