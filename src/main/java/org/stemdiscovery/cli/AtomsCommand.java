package org.stemdiscovery.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.stemdiscovery.atoms.AtomFinder;
import org.stemdiscovery.atoms.AtomModel;
import org.stemdiscovery.atoms.AtomTable;
import org.stemdiscovery.atoms.DcnnAtomFinder;
import org.stemdiscovery.atoms.Detection;
import org.stemdiscovery.atoms.FinderSettings;
import org.stemdiscovery.atoms.FoundAtom;
import org.stemdiscovery.atoms.LogAtomFinder;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;

/** {@code stem-discovery atoms}: atomic columns of one image, by the network or the LoG baseline. */
final class AtomsCommand implements Subcommand {

	static final String ATOMS = "atoms.csv", PROBABILITY = "probability.tif";
	static final Set<String> FLAGS = Set.of("refine", "augment", "force");
	static final Set<String> VALUED = Set.of("image", "method", "model", "out", "threshold", "max-shift", "edge",
		"tile", "sigma", "snr");

	@Override
	public String name() {
		return "atoms";
	}

	@Override
	public String summary() {
		return "find atomic columns (writes atoms.csv, probability.tif)";
	}

	@Override
	public String help() {
		return """
			usage: stem-discovery atoms --image IN.tif --out DIR [options]

			Finds atomic columns in a 2-D STEM image. The dcnn method runs a small U-Net (bundled, trained on
			synthetic lattices with 6-30 px between neighbouring columns) that labels each pixel background,
			atom column or bright (dopant/heavy) column; the log method is the classical Laplacian-of-Gaussian
			baseline. Coordinates: x = column, y = row, in pixels, origin at the centre of the top-left pixel.

			  --image PATH       2-D grey-level TIFF (8, 16 or 32 bit)
			  --out DIR          output folder: atoms.csv (x,y,class,probability; class 0 atom, 1 bright)
			                     and probability.tif (plane 1: P(atom column), plane 2: P(bright) for dcnn)
			  --method NAME      dcnn (default) or log
			  --model SPEC       default (bundled weights), an AtomNet .params file, or a TorchScript .pt
			                     taking (N,1,H,W) standardised images to (N,2|3,H,W) class logits
			  --threshold P      probability threshold of the dcnn method (default 0.5)
			  --refine           refine positions by a 2-D Gaussian fit (always on for log)
			  --max-shift PX     refinement moves longer than this are rejected (default 1.5)
			  --edge PX          drop atoms closer than this to the border (default 1)
			  --tile PX          tile side for the network (default 1088; larger images are tiled)
			  --augment          average the network over mirrored copies (4x slower, steadier when noisy)
			  --sigma PX         log: blob scale (default: from the FFT lattice spacing)
			  --snr K            log: peaks must exceed K noise levels (default 3)
			  --force            replace atoms.csv and probability.tif if DIR has them
			Threads: -Dai.djl.pytorch.num_threads=N (default 2) via STEM_DISCOVERY_JAVA_OPTS.
			""";
	}

	@Override
	public int run(String[] argv, PrintStream out) throws Exception {
		Args args = new Args(name(), argv, FLAGS, VALUED);
		Path image = args.path("image");
		Path dir = args.path("out");
		String method = args.string("method", "dcnn");
		if (!method.equals("dcnn") && !method.equals("log")) throw new InputException("--method " + method +
			" is unknown; choose dcnn or log");
		FinderSettings s = new FinderSettings(args.number("threshold", 0.5), args.flag("refine") || method.equals("log"),
			args.number("max-shift", 1.5), args.number("edge", 1), 3, args.integer("tile", 1088), args.flag("augment"));
		TiffImage img = Tiff.read(image);
		if (img.planes() > 1) throw new InputException(image.getFileName() + " has " + img.planes() +
			" planes; the atom finder needs one 2-D image (save a single plane from Fiji)");
		AtomFinder.check(img.pixels(), img.width(), img.height());
		OutputFolder.prepare(dir, args.flag("force"), ATOMS, PROBABILITY);
		long t0 = System.nanoTime();
		Detection d;
		String modelName;
		if (method.equals("dcnn")) {
			try (AtomModel model = AtomModel.named(args.string("model", "default"))) {
				modelName = model.name();
				d = new DcnnAtomFinder(model, s).detect(img.pixels(), img.width(), img.height(), Progress.NONE);
			}
		}
		else {
			modelName = "LoG";
			d = new LogAtomFinder(args.number("sigma", 0), 0, args.number("snr", 3), s).detect(img.pixels(), img.width(), img
				.height(), Progress.NONE);
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		AtomTable.write(dir.resolve(ATOMS), d.atoms());
		Map<String, String> info = new LinkedHashMap<>();
		info.put("stemdiscovery.source", image.getFileName().toString());
		info.put("stemdiscovery.atoms.method", method);
		info.put("stemdiscovery.atoms.model", modelName);
		s.toMap().forEach((k, v) -> info.put("stemdiscovery.atoms." + k, String.valueOf(v)));
		int w = img.width(), h = img.height(), planes = d.bright() == null ? 1 : 2;
		float[] maps = new float[planes * w * h];
		System.arraycopy(d.probability(), 0, maps, 0, w * h);
		if (planes == 2) System.arraycopy(d.bright(), 0, maps, w * h, w * h);
		Tiff.writeFloat(dir.resolve(PROBABILITY), maps, w, h, planes, info);
		long bright = d.atoms().stream().filter(a -> a.cls() == FoundAtom.BRIGHT).count();
		out.printf("%d atoms (%d bright) by %s in %.2f s -> %s%n", d.atoms().size(), bright, modelName, seconds, dir
			.resolve(ATOMS));
		return 0;
	}
}
