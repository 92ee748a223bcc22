package org.stemdiscovery.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.stemdiscovery.image.InputException;

/** An output folder that a command may write into without destroying what a user already has there. */
public final class OutputFolder {

	private OutputFolder() {}

	/**
	 * Creates {@code dir} if needed and refuses, unless {@code force}, when any of {@code files} already
	 * exists in it.
	 */
	public static Path prepare(Path dir, boolean force, String... files) {
		if (Files.exists(dir) && !Files.isDirectory(dir))
			throw new InputException("--out " + dir + " is a file, not a folder; choose a folder name");
		if (!force) for (String f : files)
			if (Files.exists(dir.resolve(f))) throw new InputException(dir + " already holds " + f +
				"; choose another --out folder or add --force to replace it");
		try {
			Files.createDirectories(dir);
		}
		catch (IOException e) {
			throw new InputException("cannot create the output folder " + dir + ": " + e.getMessage());
		}
		if (!Files.isWritable(dir)) throw new InputException("cannot write into " + dir + "; choose another --out");
		return dir;
	}
}
