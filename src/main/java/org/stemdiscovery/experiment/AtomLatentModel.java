package org.stemdiscovery.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.stemdiscovery.atoms.AtomFinder;
import org.stemdiscovery.atoms.Detection;
import org.stemdiscovery.atoms.FoundAtom;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.vae.PatchStack;
import org.stemdiscovery.workflow.RvaeEncoding;

/**
 * Workflow 3 at a microscope: atoms found on the survey, atom-centred patches encoded by an rVAE. A measured
 * patch is searched for atoms by the same finder; its value is the mean latent of the atoms whose atom patch
 * lies inside it (cut from the measured patch), plus "bright column", the highest bright-class probability of
 * the finder over the patch (the dopant / heavy-atom detector; 0 for a finder without that class). The survey's
 * map of a candidate window is the same aggregation over the survey's atoms whose atom patch lies inside that
 * window, with the bright map's maximum over the window: a patch identical to a window gets the survey's value
 * as far as the finder finds the same atoms in the patch alone as in the whole survey.
 *
 * <p>No atom whose patch fits: the value is the latent of the patch's central crop (atom-patch sized), for the
 * patch and for a survey window alike. It stays finite, follows the same rule on both sides, and the rVAE still
 * sees what is there (a vacancy, an amorphous region) instead of a made-up zero.
 *
 * <p>The finder is opened once, when the survey is fitted, and kept until {@link #close}: every measured patch
 * needs it, and re-opening would reload the network for each patch. Finding atoms in a patch is remembered by
 * the patch's identity (the session passes the same arrays again when it re-encodes after learning), so the
 * network runs once per measurement.
 */
public final class AtomLatentModel implements PatchModel {

	/** The crops a patch contributes (atom patches, or its centre) and its highest bright-class probability. */
	private record Found(List<float[]> crops, float bright, int atoms) {}

	private final AtomFinder finder;
	private final String finderName;
	private final OnlineRvae rvae;
	private final int patch, atomPatch;
	private final List<String> names = new ArrayList<>();
	private final Map<float[], Found> found = new IdentityHashMap<>();
	private int surveyAtoms, surveyCrops;

	private AtomLatentModel(AtomFinder finder, String finderName, OnlineRvae rvae, int patch, int atomPatch) {
		this.finder = finder;
		this.finderName = finderName;
		this.rvae = rvae;
		this.patch = patch;
		this.atomPatch = atomPatch;
		names.addAll(rvae.names());
		names.add("bright column");
	}

	/**
	 * @param finder    opens the atom finder when the survey is fitted; the model closes it
	 * @param atomPatch side of the atom-centred patches in px (at most the measured patch)
	 */
	public static ModelFitter fitter(Supplier<AtomFinder> finder, String finderName, int atomPatch, RvaeEncoding rvae,
		OnlineTraining online) {
		return (survey, width, height, candidates, progress) -> {
			int p = candidates.window();
			if (p < AtomFinder.MIN_SIDE) throw new InputException("patch " + p + " px is too small for workflow 3; the " +
				"atom finder needs at least " + AtomFinder.MIN_SIDE + " px patches");
			if (atomPatch < 4 || atomPatch > p) throw new InputException("atom patch " + atomPatch + " px must lie " +
				"between 4 px and the " + p + " px patch; e.g. " + Math.max(4, p / 2));
			AtomFinder f = finder.get();
			OnlineRvae net = null;
			try {
				net = new OnlineRvae(atomPatch, rvae, online);
				AtomLatentModel model = new AtomLatentModel(f, finderName, net, p, atomPatch);
				return new SurveyFit(model, model.surveyMaps(survey, width, height, candidates, progress), candidates);
			}
			catch (RuntimeException e) {
				if (net != null) net.close();
				f.close();
				throw e;
			}
		};
	}

	private float[] surveyMaps(float[] survey, int width, int height, Grid candidates, Progress progress) {
		int n = candidates.size(), k = names.size(), l = k - 1;
		float[] maps = new float[k * n];
		if (!rvae.online().surveyTraining()) {
			Arrays.fill(maps, Float.NaN);
			return maps;
		}
		progress.report(0, "finding atoms in the survey");
		Detection d = finder.detect(survey, width, height, progress);
		progress.checkCancelled();
		List<float[]> crops = new ArrayList<>();
		List<int[]> starts = new ArrayList<>();
		int h = atomPatch / 2;
		for (FoundAtom a : d.atoms()) {
			int left = (int) Math.round(a.x()) - h, top = (int) Math.round(a.y()) - h;
			if (left < 0 || top < 0 || left + atomPatch > width || top + atomPatch > height) continue;
			crops.add(crop(survey, width, left, top, atomPatch));
			starts.add(new int[] { left, top });
		}
		surveyAtoms = d.atoms().size();
		surveyCrops = crops.size();
		if (crops.size() < 2) throw new InputException("only " + crops.size() + " atoms with a whole " + atomPatch +
			" px atom patch were found in the survey; workflow 3 needs an atomically resolved survey (or a smaller atom " +
			"patch, or survey training off)");
		progress.report(0.1, "training the rVAE on " + crops.size() + " survey atom patches");
		rvae.trainOnSurvey(PatchStack.of(crops, atomPatch, atomPatch), progress);
		double[][] latents = new double[crops.size()][];
		for (int i = 0; i < latents.length; i++)
			latents[i] = rvae.encode(crops.get(i));
		for (int c = 0; c < n; c++) {
			int wl = candidates.left(candidates.col(c)), wt = candidates.top(candidates.row(c));
			double[] sum = new double[l];
			int count = 0;
			for (int i = 0; i < latents.length; i++) {
				int[] s = starts.get(i);
				if (s[0] < wl || s[1] < wt || s[0] + atomPatch > wl + patch || s[1] + atomPatch > wt + patch) continue;
				for (int j = 0; j < l; j++)
					sum[j] += latents[i][j];
				count++;
			}
			if (count == 0) {
				int o = (patch - atomPatch) / 2;
				sum = rvae.encode(crop(survey, width, wl + o, wt + o, atomPatch));
				count = 1;
			}
			for (int j = 0; j < l; j++)
				maps[j * n + c] = (float) (sum[j] / count);
			maps[l * n + c] = d.bright() == null ? 0 : max(d.bright(), width, wl, wt, patch);
		}
		return maps;
	}

	/** Atoms in one measured patch and their crops (remembered by the patch's identity). */
	private Found find(float[] pixels) {
		Detection d = finder.detect(pixels, patch, patch, Progress.NONE);
		List<float[]> crops = new ArrayList<>();
		int h = atomPatch / 2;
		for (FoundAtom a : d.atoms()) {
			int left = (int) Math.round(a.x()) - h, top = (int) Math.round(a.y()) - h;
			if (left < 0 || top < 0 || left + atomPatch > patch || top + atomPatch > patch) continue;
			crops.add(crop(pixels, patch, left, top, atomPatch));
		}
		int atoms = crops.size();
		if (crops.isEmpty()) {
			int o = (patch - atomPatch) / 2;
			crops.add(crop(pixels, patch, o, o, atomPatch));
		}
		return new Found(crops, d.bright() == null ? 0 : max(d.bright(), patch, 0, 0, patch), atoms);
	}

	private static float[] crop(float[] image, int width, int left, int top, int size) {
		float[] out = new float[size * size];
		for (int y = 0; y < size; y++)
			System.arraycopy(image, (top + y) * width + left, out, y * size, size);
		return out;
	}

	private static float max(float[] map, int width, int left, int top, int size) {
		float m = Float.NEGATIVE_INFINITY;
		for (int y = top; y < top + size; y++)
			for (int x = left; x < left + size; x++)
				m = Math.max(m, map[y * width + x]);
		return m;
	}

	@Override
	public List<String> names() {
		return names;
	}

	@Override
	public int defaultTarget() {
		return names.indexOf("latent z1");
	}

	@Override
	public int patch() {
		return patch;
	}

	@Override
	public float[] encode(float[] pixels) {
		Found f = found.computeIfAbsent(pixels, this::find);
		int l = names.size() - 1;
		double[] sum = new double[l];
		for (float[] c : f.crops()) {
			double[] z = rvae.encode(c);
			for (int j = 0; j < l; j++)
				sum[j] += z[j];
		}
		float[] out = new float[l + 1];
		for (int j = 0; j < l; j++)
			out[j] = (float) (sum[j] / f.crops().size());
		out[l] = f.bright();
		return out;
	}

	@Override
	public boolean learn(List<float[]> patches, Progress progress) {
		return rvae.learnIfDue(() -> {
			List<float[]> crops = new ArrayList<>();
			for (float[] p : patches)
				crops.addAll(found.computeIfAbsent(p, this::find).crops());
			return PatchStack.of(crops, atomPatch, atomPatch);
		}, progress);
	}

	/** Seconds spent training the rVAE so far (survey and discovery). */
	public double trainingSeconds() {
		return rvae.trainingSeconds();
	}

	@Override
	public Map<String, Object> details() {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("method", "atoms + rvae");
		d.put("atomFinder", finderName);
		d.put("atomPatch", atomPatch);
		d.put("surveyAtoms", surveyAtoms);
		d.put("surveyAtomPatches", surveyCrops);
		int atoms = 0, empty = 0;
		for (Found f : found.values()) {
			atoms += f.atoms();
			if (f.atoms() == 0) empty++;
		}
		d.put("measuredAtomPatches", atoms);
		d.put("patchesWithoutAtoms", empty);
		d.putAll(rvae.details());
		return d;
	}

	@Override
	public void close() {
		try {
			rvae.close();
		}
		finally {
			finder.close();
		}
	}
}
