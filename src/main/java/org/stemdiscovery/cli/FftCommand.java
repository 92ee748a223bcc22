package org.stemdiscovery.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.stemdiscovery.fft.FftStack;
import org.stemdiscovery.fft.SlidingFft;
import org.stemdiscovery.fft.SlidingFftSettings;
import org.stemdiscovery.fft.Taper;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.Json;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;

/** {@code stem-discovery fft}: the sliding FFT stack of one image, with its window grid. */
final class FftCommand implements Subcommand {

	static final String STACK = "fft-stack.tif", GRID = "grid.json";
	static final Set<String> FLAGS = Set.of("no-log", "remove-mean", "force");
	static final Set<String> VALUED = Set.of("image", "window", "step", "zoom", "taper", "threads", "out");

	@Override
	public String name() {
		return "fft";
	}

	@Override
	public String summary() {
		return "sliding-window FFT stack of an image (writes fft-stack.tif, grid.json)";
	}

	@Override
	public String help() {
		return """
			usage: stem-discovery fft --image IN.tif --out DIR [options]

			Local FFT magnitudes of square windows slid over a 2-D image: the image is rescaled to [0,1],
			each window is tapered, transformed, log(1+|F|)-scaled and shifted so the zero frequency sits
			at the frame centre. Only windows that lie fully inside the image are used.

			  --image PATH     2-D grey-level TIFF (8, 16 or 32 bit)
			  --out DIR        output folder: fft-stack.tif (frames in window order, grid in its Info)
			                   and grid.json (window geometry and settings)
			  --window PX      window side in pixels (default 64)
			  --step PX        distance between windows in pixels (default 16)
			  --zoom Z         keep the central 1/Z of the frequencies (default 1 = all)
			  --taper NAME     hann (default) or none
			  --no-log         store |F| instead of log(1+|F|)
			  --remove-mean    subtract each window's mean before the FFT
			  --threads N      worker threads (default: all cores)
			  --force          replace fft-stack.tif and grid.json if DIR already has them
			""";
	}

	@Override
	public int run(String[] argv, PrintStream out) throws IOException {
		Args args = new Args(name(), argv, FLAGS, VALUED);
		Path image = args.path("image");
		Path dir = args.path("out");
		SlidingFftSettings settings = settings(args, 64, 16);
		OutputFolder.prepare(dir, args.flag("force"), STACK, GRID);
		FftStack stack = compute(image, settings, threads(args));
		write(stack, image, dir);
		out.printf("%d windows of %d px (grid %d x %d), frames %d x %d px -> %s%n", stack.size(), settings.window(),
			stack.grid().cols(), stack.grid().rows(), stack.frameSize(), stack.frameSize(), dir.resolve(STACK));
		return 0;
	}

	static SlidingFftSettings settings(Args args, int window, int step) {
		return SlidingFftSettings.of(args.integer("window", window), args.integer("step", step))
			.withZoom(args.integer("zoom", 1)).withTaper(Taper.parse(args.string("taper", "hann")))
			.withLog(!args.flag("no-log")).withRemoveMean(args.flag("remove-mean"));
	}

	static int threads(Args args) {
		int t = args.integer("threads", Runtime.getRuntime().availableProcessors());
		if (t < 1) throw new InputException("--threads " + t + " must be at least 1");
		return t;
	}

	static FftStack compute(Path image, SlidingFftSettings settings, int threads) {
		TiffImage img = Tiff.read(image);
		if (img.planes() > 1) throw new InputException(image.getFileName() + " has " + img.planes() +
			" planes; the sliding FFT needs one 2-D image (save a single plane from Fiji)");
		return new SlidingFft(settings, threads).compute(img.img(), Progress.NONE);
	}

	/** Writes the stack (grid and settings in its Info) and grid.json. */
	static void write(FftStack stack, Path source, Path dir) throws IOException {
		Map<String, String> info = new LinkedHashMap<>();
		info.put("stemdiscovery.source", source.getFileName().toString());
		info.putAll(stack.grid().toProperties());
		info.putAll(stack.settings().toProperties());
		int f = stack.frameSize();
		Tiff.writeFloat(dir.resolve(STACK), stack.data(), f, f, stack.size(), info);
		Map<String, Object> json = new LinkedHashMap<>(info);
		json.put("frames", stack.size());
		Files.writeString(dir.resolve(GRID), Json.write(json));
	}
}
