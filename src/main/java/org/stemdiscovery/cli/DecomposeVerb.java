package org.stemdiscovery.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stemdiscovery.command.DecomposeParams;
import org.stemdiscovery.command.DecomposeTask;
import org.stemdiscovery.command.FftTask;
import org.stemdiscovery.command.Result;
import org.stemdiscovery.command.Spec;
import org.stemdiscovery.command.Values;
import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.Json;
import org.stemdiscovery.io.TiffImage;

/**
 * {@code stem-discovery decompose}: renders {@link DecomposeTask} as components.tif, abundances.tif,
 * decomposition.csv and decomposition.json.
 */
final class DecomposeVerb implements Verb {

	static final String TABLE = "decomposition.csv", SUMMARY = "decomposition.json";

	@Override
	public Spec spec() {
		return DecomposeParams.SPEC;
	}

	@Override
	public List<FileOption> inputs() {
		return List.of(FileOption.required("stack", "PATH", "multi-plane TIFF, one descriptor per plane (e.g. the " +
			"fft-stack.tif of 'stem-discovery fft'); its window grid comes from its Info or a grid.json beside it"));
	}

	@Override
	public List<String> outputs(Values values) {
		return List.of(DecomposeTask.COMPONENTS_FILE, DecomposeTask.ABUNDANCES_FILE, TABLE, SUMMARY);
	}

	@Override
	public void run(Call call) throws Exception {
		Path path = call.file("stack");
		TiffImage stack = call.tiff("stack");
		Result r = DecomposeTask.run(stack.pixels(), stack.planes(), stack.width(), stack.height(), grid(stack, path),
			path.getFileName().toString(), stack.info().get(FftTask.SOURCE_KEY), DecomposeParams.from(call.values()),
			Progress.NONE);
		ResultFiles.image(call.out(), r.image(DecomposeTask.COMPONENTS));
		ResultFiles.image(call.out(), r.image(DecomposeTask.ABUNDANCES));
		ResultFiles.table(call.out(), TABLE, r.table(DecomposeTask.TABLE));
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("stack", path.toString());
		summary.putAll(r.metadata());
		ResultFiles.json(call.out(), SUMMARY, summary);
		call.println(r.summary() + " -> " + call.out());
	}

	/** The grid from the stack's Info, else from the grid.json 'fft' writes beside it, else none. */
	static Grid grid(TiffImage stack, Path path) throws IOException {
		if (Grid.isIn(stack.info())) return Grid.fromProperties(stack.info());
		Path json = path.toAbsolutePath().resolveSibling(FftVerb.GRID);
		if (!Files.isRegularFile(json)) return null;
		Map<String, String> props = new LinkedHashMap<>();
		Json.parseObject(Files.readString(json)).forEach((k, v) -> props.put(k, String.valueOf(v)));
		return Grid.isIn(props) ? Grid.fromProperties(props) : null;
	}
}
