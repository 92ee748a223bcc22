package org.stemdiscovery.cli;

import java.util.List;

import org.stemdiscovery.atoms.AtomNetTrainer;
import org.stemdiscovery.command.Result;
import org.stemdiscovery.command.Spec;
import org.stemdiscovery.command.TrainAtomFinderParams;
import org.stemdiscovery.command.TrainAtomFinderTask;
import org.stemdiscovery.command.Values;

/**
 * {@code stem-discovery train-atom-finder}: runs {@link TrainAtomFinderTask} into {@code --out};
 * {@code scripts/train-atom-finder} calls it with {@code --out src/main/resources/models --force}.
 */
final class TrainAtomFinderVerb implements Verb {

	@Override
	public Spec spec() {
		return TrainAtomFinderParams.SPEC;
	}

	@Override
	public List<String> outputs(Values values) {
		return List.of(AtomNetTrainer.WEIGHTS, AtomNetTrainer.RECIPE);
	}

	@Override
	public void run(Call call) throws Exception {
		Result r = TrainAtomFinderTask.run(TrainAtomFinderParams.from(call.values()), call.out(), call.stdout());
		call.println(r.summary());
	}
}
