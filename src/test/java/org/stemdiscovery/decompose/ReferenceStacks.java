package org.stemdiscovery.decompose;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.stemdiscovery.image.Grid;
import org.stemdiscovery.io.Json;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;

/** The golden stacks and decompositions in ../shared/reference (tests skip when it is absent). */
final class ReferenceStacks {

	static final Path ROOT = Path.of("../shared/reference");

	private ReferenceStacks() {}

	static void assumePresent() {
		assumeTrue(Files.isDirectory(ROOT.resolve("decompose")), "no ../shared/reference/decompose here");
	}

	/** reference/fft/NAME_w32s8.tif as samples on its 29 × 29 grid (windows 32, step 8, 256 px image). */
	static Samples stack(String name) {
		assumePresent();
		TiffImage t = Tiff.read(ROOT.resolve("fft/" + name + "_w32s8.tif"));
		int side = 256;
		Grid grid = Grid.ofWindows(side, side, 32, 8);
		return new Samples(t.pixels(), t.planes(), t.width() * t.height(), grid);
	}

	static Map<String, Object> json(String name) throws IOException {
		assumePresent();
		return Json.parseObject(Files.readString(ROOT.resolve("decompose/" + name + "_w32s8.json")));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> method(Map<String, Object> json, String method) {
		return (Map<String, Object>) ((Map<String, Object>) json.get("methods")).get(method);
	}

	static double number(Map<String, Object> m, String key) {
		return ((Number) m.get(key)).doubleValue();
	}

	@SuppressWarnings("unchecked")
	static double[] numbers(Map<String, Object> m, String key) {
		List<Object> l = (List<Object>) m.get(key);
		return l.stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
	}

	static TiffImage maps(String name, String method) {
		assumePresent();
		return Tiff.read(ROOT.resolve("decompose/" + name + "_w32s8_" + method + "_maps.tif"));
	}
}
