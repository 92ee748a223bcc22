package org.stemdiscovery.fiji;

import java.nio.file.Files;
import java.nio.file.Path;

import ij.macro.Interpreter;

/**
 * Runs an ImageJ macro file in batch mode the way ImageJ's -batch does, but reports macro errors: exit
 * code 3 with the message on stderr instead of a modal dialog that would hang a headless run.
 * Usage: {@code java -Dplugins.dir=DIR -cp ... MacroLauncher macro.ijm [argument]}.
 */
public final class MacroLauncher {

	private MacroLauncher() {}

	public static void main(String[] args) throws Exception {
		String code = Files.readString(Path.of(args[0]));
		Interpreter.batchMode = true;
		Interpreter interpreter = new Interpreter();
		interpreter.setIgnoreErrors(true);
		interpreter.run(code, args.length > 1 ? args[1] : "");
		String error = interpreter.getErrorMessage();
		if (error != null) {
			System.err.println("MACRO ERROR: " + error);
			System.exit(3);
		}
		System.out.println("MACRO OK");
		System.exit(0);
	}
}
