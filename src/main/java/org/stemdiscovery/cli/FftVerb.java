package org.stemdiscovery.cli;

import java.util.List;

import org.stemdiscovery.command.FftParams;
import org.stemdiscovery.command.FftTask;
import org.stemdiscovery.command.Result;
import org.stemdiscovery.command.Scale;
import org.stemdiscovery.command.Spec;
import org.stemdiscovery.command.Values;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.TiffImage;

/** {@code stem-discovery fft}: renders {@link FftTask} as fft-stack.tif, grid.json and windows.csv. */
final class FftVerb implements Verb {

	static final String GRID = "grid.json", WINDOWS = "windows.csv";

	@Override
	public Spec spec() {
		return FftParams.SPEC;
	}

	@Override
	public List<FileOption> inputs() {
		return List.of(FileOption.required("image", "IN.tif", "2-D grey-level TIFF (8, 16 or 32 bit)"));
	}

	@Override
	public List<String> outputs(Values values) {
		return List.of(FftTask.STACK_FILE, GRID, WINDOWS);
	}

	@Override
	public void run(Call call) throws Exception {
		TiffImage img = call.plane("image");
		Result r = FftTask.run(img.img(), call.file("image").getFileName().toString(), Scale.NONE, FftParams.from(call
			.values()), Progress.NONE);
		ResultFiles.image(call.out(), r.image(FftTask.STACK));
		ResultFiles.json(call.out(), GRID, r.metadata());
		ResultFiles.table(call.out(), WINDOWS, r.table(FftTask.WINDOWS));
		call.println(r.summary() + " -> " + call.out().resolve(FftTask.STACK_FILE));
	}
}
