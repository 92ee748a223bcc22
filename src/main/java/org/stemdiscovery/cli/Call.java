package org.stemdiscovery.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.stemdiscovery.command.Values;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;

/**
 * One run of a verb: the checked parameter values, the files given, the output folder (already prepared:
 * it exists and holds none of the verb's outputs unless {@code --force}) and where to print.
 */
record Call(String verb, Values values, Map<String, Path> files, Path out, boolean force, PrintStream stdout) {

	/** A file option's path; {@code null} when an optional one was not given. */
	Path file(String name) {
		return files.get(name);
	}

	/** Reads a TIFF given as {@code --name}, with a one-line message when it is missing or unreadable. */
	TiffImage tiff(String name) {
		Path p = files.get(name);
		if (p == null) return null;
		return Tiff.read(p);
	}

	/** Reads a single-plane TIFF given as {@code --name}; a stack is refused with what to do. */
	TiffImage plane(String name) {
		Path p = files.get(name);
		return p == null ? null : plane(p, verb);
	}

	/** The smallest plane any verb can work on; verbs with windows or patches ask for more themselves. */
	static final int MIN_SIDE = 8;

	/** Reads a single-plane TIFF for {@code verb}; a stack or a plane of a few pixels is refused with what to do. */
	static TiffImage plane(Path p, String verb) {
		TiffImage img = Tiff.read(p);
		if (img.planes() > 1) throw new InputException(p.getFileName() + " has " + img.planes() + " planes; " + verb +
			" needs one 2-D image (save a single plane from Fiji)");
		if (img.width() < MIN_SIDE || img.height() < MIN_SIDE) throw new InputException(p.getFileName() + " is " +
			img.width() + " x " + img.height() + " px; " + verb + " needs a 2-D image of at least " + MIN_SIDE + " x " +
			MIN_SIDE + " px");
		return img;
	}

	void println(String line) {
		stdout.println(line);
	}

	/** Writes {@code text} into the output folder. */
	void writeString(String file, String text) throws IOException {
		Files.writeString(out.resolve(file), text);
	}
}
