package org.stemdiscovery.cli;

import java.util.List;

import org.stemdiscovery.command.MakeTestImagesParams;
import org.stemdiscovery.command.MakeTestImagesTask;
import org.stemdiscovery.command.Spec;
import org.stemdiscovery.command.Values;

/** {@code stem-discovery make-test-images}: {@link MakeTestImagesTask} into {@code --out}. */
final class MakeTestImagesVerb implements Verb {

	@Override
	public Spec spec() {
		return MakeTestImagesParams.SPEC;
	}

	@Override
	public List<String> outputs(Values values) {
		return MakeTestImagesParams.from(values).files();
	}

	@Override
	public void run(Call call) throws Exception {
		call.println(MakeTestImagesTask.run(MakeTestImagesParams.from(call.values()), OutputFolder.create(call.out()))
			.summary());
	}
}
