package org.stemdiscovery.link;

import java.io.IOException;
import java.nio.file.Path;

/** Lets the Fiji screenshot main write a frame for the replay microscope as the link's test does. */
public final class PythonClientTestAccess {

	private PythonClientTestAccess() {}

	public static void writeNpy(Path path, float[] pixels, int width, int height) throws IOException {
		PythonClientTest.writeNpy(path, pixels, width, height);
	}
}
