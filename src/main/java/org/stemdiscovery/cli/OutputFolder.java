package org.stemdiscovery.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.stemdiscovery.image.InputException;

/** An output folder that a command may write into without destroying what a user already has there. */
public final class OutputFolder {

	private OutputFolder() {}

	/**
	 * Refuses, before any work, a folder that is a file or, unless {@code force}, already holds one of
	 * {@code files}. Creates nothing: a refused or failed run leaves no empty folder behind.
	 */
	public static Path check(Path dir, boolean force, String... files) {
		if (Files.exists(dir) && !Files.isDirectory(dir))
			throw new InputException("--out " + dir + " is a file, not a folder; choose a folder name");
		if (!force) for (String f : files)
			if (Files.exists(dir.resolve(f))) throw new InputException(dir + " already holds " + f +
				"; choose another --out folder or add --force to replace it");
		if (Files.isDirectory(dir) && !Files.isWritable(dir)) throw new InputException("cannot write into " + dir +
			"; choose another --out");
		return dir;
	}

	/** Creates the folder (and its parents) when the first result is about to be written. */
	public static Path create(Path dir) {
		try {
			Files.createDirectories(dir);
		}
		catch (IOException e) {
			throw new InputException("cannot create the output folder " + dir + ": " + e.getMessage());
		}
		return dir;
	}
}
