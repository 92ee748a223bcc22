package org.stemdiscovery.fiji;

import ij.IJ;

import org.scijava.Context;
import org.scijava.command.CommandService;

/**
 * The SciJava context the bridge runs commands in: Fiji's own when imagej-legacy is present, otherwise
 * one made once (≈0.3 s) and kept for the life of ImageJ.
 */
final class Contexts {

	private Contexts() {}

	static Context get() {
		if (legacyPresent()) {
			Object c = IJ.runPlugIn("org.scijava.Context", "");
			if (c instanceof Context context) return context;
		}
		return Own.CONTEXT;
	}

	private static boolean legacyPresent() {
		try {
			Class.forName("net.imagej.legacy.LegacyService", false, Contexts.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException e) {
			return false;
		}
	}

	/** Lazily created on first use, after the bridge has set the context class loader. */
	private static final class Own {
		static final Context CONTEXT = new Context(CommandService.class);
	}
}
