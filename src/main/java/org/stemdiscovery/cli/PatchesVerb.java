package org.stemdiscovery.cli;

import java.nio.file.Path;
import java.util.List;

import org.stemdiscovery.atoms.AtomTable;
import org.stemdiscovery.command.PatchesParams;
import org.stemdiscovery.command.PatchesTask;
import org.stemdiscovery.command.Result;
import org.stemdiscovery.command.Spec;
import org.stemdiscovery.command.Values;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.TiffImage;

/** {@code stem-discovery patches}: renders {@link PatchesTask} as patches.tif (atoms in its Info) and patches.csv. */
final class PatchesVerb implements Verb {

	static final String TABLE = "patches.csv";

	@Override
	public Spec spec() {
		return PatchesParams.SPEC;
	}

	@Override
	public List<FileOption> inputs() {
		return List.of(FileOption.required("image", "IN.tif", "the 2-D TIFF the atoms were found in"), FileOption
			.required("atoms", "atoms.csv", "CSV with columns x,y[,class,probability] (as written by 'atoms')"));
	}

	@Override
	public List<String> outputs(Values values) {
		return List.of(PatchesTask.STACK_FILE, TABLE);
	}

	@Override
	public void run(Call call) throws Exception {
		TiffImage img = call.plane("image");
		Path atoms = call.file("atoms");
		Result r = PatchesTask.run(img.pixels(), img.width(), img.height(), call.file("image").getFileName().toString(),
			AtomTable.read(atoms), atoms.getFileName().toString(), PatchesParams.from(call.values()), Progress.NONE);
		ResultFiles.image(call.out(), r.image(PatchesTask.STACK));
		ResultFiles.table(call.out(), TABLE, r.table(PatchesTask.TABLE));
		call.println(r.summary() + " -> " + call.out().resolve(PatchesTask.STACK_FILE));
	}
}
