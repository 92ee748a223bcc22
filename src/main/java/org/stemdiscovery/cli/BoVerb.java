package org.stemdiscovery.cli;

import java.util.List;

import org.stemdiscovery.command.BoParams;
import org.stemdiscovery.command.BoTask;
import org.stemdiscovery.command.Result;
import org.stemdiscovery.command.Spec;
import org.stemdiscovery.command.Values;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.TiffImage;
import org.stemdiscovery.report.RunFiles;

/** {@code stem-discovery bo}: renders {@link BoTask} as steps.csv, points.csv, run.json, mean.tif and std.tif. */
final class BoVerb implements Verb {

	@Override
	public Spec spec() {
		return BoParams.SPEC;
	}

	/** The map a simulated experiment explores; the sweep reads the same. */
	static final FileOption TARGET = FileOption.required("target", "T.tif",
		"2-D target map TIFF (the quantity to discover, bright = interesting)");

	@Override
	public List<FileOption> inputs() {
		return List.of(TARGET);
	}

	@Override
	public List<String> outputs(Values values) {
		return List.of(RunFiles.STEPS, RunFiles.POINTS, RunFiles.RUN, BoTask.MEAN_FILE, BoTask.STD_FILE);
	}

	@Override
	public void run(Call call) throws Exception {
		TiffImage img = call.plane("target");
		BoParams params = BoParams.from(call.values());
		Result r = BoTask.run(img.pixels(), img.width(), img.height(), img.info(), call.file("target").getFileName()
			.toString(), params, Progress.NONE, s -> call.println(BoTask.stepLine(s)));
		ResultFiles.table(call.out(), RunFiles.STEPS, r.table(BoTask.STEPS));
		ResultFiles.table(call.out(), RunFiles.POINTS, r.table(BoTask.POINTS));
		ResultFiles.json(call.out(), RunFiles.RUN, r.metadata());
		ResultFiles.image(call.out(), r.image(BoTask.MEAN));
		ResultFiles.image(call.out(), r.image(BoTask.STD));
		call.println(r.summary() + " -> " + call.out());
	}
}
