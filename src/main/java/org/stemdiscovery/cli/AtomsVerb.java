package org.stemdiscovery.cli;

import java.util.List;

import org.stemdiscovery.command.AtomsParams;
import org.stemdiscovery.command.AtomsTask;
import org.stemdiscovery.command.Result;
import org.stemdiscovery.command.Spec;
import org.stemdiscovery.command.Values;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.TiffImage;

/** {@code stem-discovery atoms}: renders {@link AtomsTask} as atoms.csv and probability.tif. */
final class AtomsVerb implements Verb {

	static final String ATOMS = "atoms.csv";

	@Override
	public Spec spec() {
		return AtomsParams.SPEC;
	}

	@Override
	public List<FileOption> inputs() {
		return List.of(FileOption.required("image", "IN.tif", "2-D grey-level TIFF (8, 16 or 32 bit)"));
	}

	@Override
	public List<String> outputs(Values values) {
		return List.of(ATOMS, AtomsTask.PROBABILITY_FILE);
	}

	@Override
	public void run(Call call) throws Exception {
		TiffImage img = call.plane("image");
		Result r = AtomsTask.run(img.pixels(), img.width(), img.height(), call.file("image").getFileName().toString(),
			AtomsParams.from(call.values()), Progress.NONE);
		ResultFiles.table(call.out(), ATOMS, r.table(AtomsTask.TABLE));
		ResultFiles.image(call.out(), r.image(AtomsTask.PROBABILITY));
		call.println(r.summary() + " -> " + call.out().resolve(ATOMS));
	}
}
