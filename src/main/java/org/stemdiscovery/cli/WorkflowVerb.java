package org.stemdiscovery.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.stemdiscovery.command.Spec;
import org.stemdiscovery.command.Values;
import org.stemdiscovery.command.WorkflowParams;
import org.stemdiscovery.command.WorkflowTask;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.TiffImage;
import org.stemdiscovery.report.WorkflowReport;

/** {@code stem-discovery workflow}: {@link WorkflowTask} on a TIFF, rendered as the report in {@code --out}. */
final class WorkflowVerb implements Verb {

	@Override
	public Spec spec() {
		return WorkflowParams.SPEC;
	}

	@Override
	public List<FileOption> inputs() {
		return List.of(FileOption.required("image", "IN.tif", "2-D grey-level TIFF"), FileOption.optional("mask",
			"MASK.tif", "ground-truth mask (0/1 TIFF, the image's size): the report adds how much of it was discovered"));
	}

	@Override
	public List<String> outputs(Values values) {
		return WorkflowReport.FILES;
	}

	@Override
	public void run(Call call) {
		TiffImage image = call.plane("image");
		TiffImage mask = call.plane("mask");
		run(image, call.file("image").getFileName().toString(), mask == null ? null : WorkflowTask.mask(mask.pixels(), mask
			.width(), mask.height(), image.width(), image.height(), call.file("mask").getFileName().toString()),
			WorkflowParams.from(call.values()), call.out(), call.force(), call);
	}

	/** Runs the workflow into {@code dir} and prints its summary and the report's path (also the demo's). */
	static void run(TiffImage image, String name, byte[] mask, WorkflowParams params, Path dir, boolean force,
		Call call) {
		long t0 = System.nanoTime();
		WorkflowTask.Outcome o = WorkflowTask.run(image.pixels(), image.width(), image.height(), name, mask, params, dir,
			force, Progress.NONE);
		call.println(o.result().summary() + String.format(Locale.ROOT, "; %.1f s", (System.nanoTime() - t0) / 1e9));
		call.println("report: " + dir.resolve(WorkflowReport.HTML).toAbsolutePath().normalize());
	}
}
