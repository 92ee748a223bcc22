package org.stemdiscovery.atoms;

import org.stemdiscovery.torch.TorchEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.stemdiscovery.io.Csv;

/** The real images in ../shared/data (tests skip when it is absent) and where tests leave pictures. */
final class TestData {

	static final Path DATA = Path.of("../shared/data");
	static final Path PICTURES = Path.of("target/atoms-overlays");

	private TestData() {}

	static Path real(String name) {
		Path p = DATA.resolve(name);
		Assumptions.assumeTrue(Files.isRegularFile(p), "../shared/data/" + name + " is absent");
		return p;
	}

	static List<double[]> referenceAtoms(Path csv) {
		Csv.Table t = Csv.read(csv);
		int x = t.column("x"), y = t.column("y");
		List<double[]> out = new ArrayList<>();
		for (double[] r : t.rows())
			out.add(new double[] { r[x], r[y] });
		return out;
	}

	/** Torch threads for tests: one, as the machine is shared. */
	static void oneThread() {
		System.setProperty(TorchEngine.PROPERTY, "1");
	}
}
