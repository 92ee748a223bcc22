package org.stemdiscovery.cli;

import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.bo.Sweep;
import org.stemdiscovery.command.BoParams;
import org.stemdiscovery.command.Result;
import org.stemdiscovery.command.Spec;
import org.stemdiscovery.command.SweepParams;
import org.stemdiscovery.command.SweepTask;
import org.stemdiscovery.command.Threads;
import org.stemdiscovery.command.Values;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.TiffImage;
import org.stemdiscovery.report.LinePlot;

/** {@code stem-discovery sweep}: renders {@link SweepTask} as sweep.csv and two PNG plots. */
final class SweepVerb implements Verb {

	static final String TABLE = "sweep.csv", SSIM_PNG = "ssim-vs-uncertainty.png", DISCOVERY_PNG = "discovery-vs-points.png";

	@Override
	public Spec spec() {
		return SweepParams.SPEC;
	}

	@Override
	public List<FileOption> inputs() {
		return List.of(BoVerb.TARGET);
	}

	@Override
	public List<String> outputs(Values values) {
		return List.of(TABLE, SSIM_PNG, DISCOVERY_PNG);
	}

	@Override
	public void run(Call call) throws Exception {
		TiffImage img = call.plane("target");
		SweepParams p = SweepParams.from(call.values());
		List<BoSettings> settings = SweepTask.settings(p);
		String name = call.file("target").getFileName().toString();
		call.println(String.format("%d runs of %d points on %s, %d at a time", settings.size(), settings.get(0)
			.totalPoints(), name, Threads.resolve(p.parallel())));
		List<Sweep.Row> rows = SweepTask.simulate(img.pixels(), img.width(), img.height(), p, Progress.NONE);
		Result r = SweepTask.result(rows, name);
		ResultFiles.table(call.out(), TABLE, r.table(SweepTask.TABLE), BoParams.DISCOVERED);
		png(call.out().resolve(SSIM_PNG), SweepTask.ssimPlot(rows));
		png(call.out().resolve(DISCOVERY_PNG), SweepTask.discoveryPlot(rows));
		for (Sweep.Row row : rows)
			call.println(SweepTask.rowLine(row));
		call.println("-> " + call.out());
	}

	private static void png(Path file, SweepTask.Plot plot) throws java.io.IOException {
		LinePlot p = new LinePlot(plot.title(), plot.xLabel(), plot.yLabel());
		for (SweepTask.Curve c : plot.curves())
			p.add(c.label(), c.x(), c.y());
		ImageIO.write(p.draw(900, 560), "png", file.toFile());
	}
}
