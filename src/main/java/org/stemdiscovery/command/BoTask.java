package org.stemdiscovery.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.bo.Experiment;
import org.stemdiscovery.bo.Run;
import org.stemdiscovery.bo.SimulatedMicroscope;
import org.stemdiscovery.bo.StepRecord;
import org.stemdiscovery.bo.TimeModel;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Memory;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.report.RunFiles;

/**
 * The work of Simulate BO: the simulated experiment on a target map, then its neutral results: the GP mean and
 * standard deviation after every step (one plane per step), the tables of steps and of measured points, and
 * the run record (the metadata) from which the run replays exactly.
 */
public final class BoTask {

	/** Suffixes and files of the stacks; titles of the tables. */
	public static final String MEAN = "bo-mean", MEAN_FILE = RunFiles.MEAN, STD = "bo-std", STD_FILE = RunFiles.STD,
		STEPS = "BO steps", POINTS = "BO points";
	/** Info keys of the stacks. */
	public static final String TARGET_KEY = RunFiles.TARGET_KEY, SETTINGS_KEY = RunFiles.SETTINGS_KEY;

	private BoTask() {}

	/** Simulates the run and returns its results; {@code onStep} (may be {@code null}) sees every step. */
	public static Result run(float[] target, int width, int height, Map<String, String> targetInfo, String targetName,
		BoParams params, Progress progress, Consumer<StepRecord> onStep) {
		Run run = simulate(target, width, height, params, progress, onStep);
		return result(run, targetName, windowGrid(targetInfo, width, height));
	}

	/** The experiment itself: a simulated microscope that reveals the target where the beam goes. */
	public static Run simulate(float[] target, int width, int height, BoParams params, Progress progress,
		Consumer<StepRecord> onStep) {
		BoSettings s = params.settings();
		s.checkGrid(width, height);
		checkStacks(width, height, s.steps());
		return new Experiment(s).run(new SimulatedMicroscope(target, width, height, s.measurementNoise(), s.seed(),
			TimeModel.defaults()), target, true, progress, onStep);
	}

	/**
	 * Refuses, before the run, a run whose maps would not fit: the mean and standard deviation of every step are
	 * kept (one plane each per step, in the records and again in the two stacks written), 16 bytes per pixel and
	 * step in all, counted in long arithmetic.
	 */
	static void checkStacks(int width, int height, int steps) {
		long planes = steps + 1L, area = (long) width * height, values = area * planes;
		long fitSteps = Math.max(0, Math.min(Memory.MAX_ARRAY / area, Memory.available() / (16 * area)) - 1);
		String what = "keeping the mean and std maps of " + planes + " steps of " + width + " x " + height + " px";
		if (values > Memory.MAX_ARRAY) throw new InputException(what + " needs " + values + " values per stack, more " +
			"than one stack holds; choose at most " + fitSteps + " steps");
		Memory.require(what, 16 * values, Memory.available(), "at most " + fitSteps + " steps fit");
	}

	/**
	 * The window grid a target map lies on (a map made from a Sliding FFT Stack, one pixel per window), read
	 * from the map's Info; {@code null} when it carries none or another size.
	 */
	public static Grid windowGrid(Map<String, String> info, int width, int height) {
		if (info == null || !Grid.isIn(info)) return null;
		Grid g = Grid.fromProperties(info);
		return g.cols() == width && g.rows() == height ? g : null;
	}

	/** The results of a finished run; {@code grid} (may be {@code null}) places points on the source image. */
	public static Result result(Run run, String targetName, Grid grid) {
		int w = run.width(), h = run.height(), n = run.steps().size();
		float[] mean = new float[w * h * n], std = new float[w * h * n];
		for (StepRecord r : run.steps())
			if (r.mean() != null) {
				System.arraycopy(r.mean(), 0, mean, r.step() * w * h, w * h);
				System.arraycopy(r.std(), 0, std, r.step() * w * h, w * h);
			}
		Map<String, String> info = new LinkedHashMap<>();
		info.put(TARGET_KEY, targetName);
		info.put(SETTINGS_KEY, run.settings().label());
		return new Result(List.of(new FloatImage(MEAN, MEAN_FILE, mean, w, h, n, info), new FloatImage(STD, STD_FILE, std, w,
			h, n, info)), List.of(steps(run), points(run, grid)), run.toMap(targetName), summary(run));
	}

	/** One row per step: points so far, SSIM of the mean, uncertainty, discovery, path, time, length scale. */
	public static Table steps(Run run) {
		Table.Builder t = Table.builder(STEPS, Run.STEP_COLUMNS.toArray(String[]::new));
		for (StepRecord r : run.steps())
			t.row(java.util.Arrays.stream(Run.stepRow(r)).boxed().toArray());
		return t.build();
	}

	/**
	 * One row per measured point: on the map ({@code x, y}), its value, its step, and on the source image
	 * ({@code image_x, image_y}: the window centre when the map lies on a window grid, else the pixel itself).
	 */
	public static Table points(Run run, Grid grid) {
		Table.Builder t = Table.builder(POINTS, "x", "y", "value", "step", "image_x", "image_y");
		for (StepRecord r : run.steps())
			for (int i = 0; i < r.x().length; i++) {
				double[] p = onImage(grid, r.x()[i], r.y()[i]);
				t.row(r.x()[i], r.y()[i], r.values()[i], r.step(), p[0], p[1]);
			}
		return t.build();
	}

	/**
	 * Source-image pixel coordinates (pixel index, as the Grid counts) of a map pixel: the window centre when
	 * the map lies on a window grid, else the pixel itself.
	 */
	public static double[] onImage(Grid grid, int x, int y) {
		return grid == null ? new double[] { x, y } : new double[] { grid.centreX(x), grid.centreY(y) };
	}

	/** One line per step, as the command line prints them while the run goes on. */
	public static String stepLine(StepRecord r) {
		return String.format(Locale.ROOT, "step %3d: %5d points, SSIM %.4f, mean std %.4g, discovered %.3f, path %.1f px, " +
			"%.1f ms", r.step(), r.points(), r.ssim(), r.meanStd(), r.discovered(), r.pathLength(), r.computeSeconds() *
				1e3);
	}

	static String summary(Run run) {
		return String.format(Locale.ROOT, "%d points; discovered %.3f of %d feature pixels (threshold %.4g); SSIM %.4f",
			run.last().points(), run.last().discovered(), run.featurePixels(), run.threshold(), run.last().ssim());
	}
}
