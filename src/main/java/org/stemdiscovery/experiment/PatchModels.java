package org.stemdiscovery.experiment;

import org.stemdiscovery.atoms.AtomFinders;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Registry;
import org.stemdiscovery.workflow.DescriptorSettings;

/**
 * The workflows' models for the measurement-driven experiment, by the numbers (and older spellings) of
 * {@link org.stemdiscovery.workflow.Workflow#REGISTRY}, so both doors choose the online model as they choose the
 * offline workflow. The FFT's window and step come from the experiment's patch and candidate spacing.
 */
public final class PatchModels {

	/** Builds a workflow's fitter from the settings it needs. */
	@FunctionalInterface
	public interface Factory {
		ModelFitter fitter(ModelSettings settings);
	}

	public static final Registry<Factory> REGISTRY = Registry.<Factory>of("workflow")
		.add("1", s -> {
			if (!s.online().surveyTraining()) throw new InputException("workflow 1 unmixes the survey and cannot learn " +
				"during discovery; turn survey training on, or choose workflow 2 or 3");
			DescriptorSettings d = s.descriptors();
			return FftUnmixModel.fitter(d.fft(), d.method(), d.components(), d.seed(), d.iterations(), d.threads());
		}, "1 (fft + unmixing)")
		.add("2", s -> FftRvaeModel.fitter(s.descriptors().fft(), s.descriptors().rvae(), s.online(), s.descriptors()
			.threads()), "2 (fft + rvae)")
		.add("3", s -> {
			DescriptorSettings d = s.descriptors();
			AtomFinders.REGISTRY.canonical(d.atomFinder()); // an unknown finder is refused before the survey is taken
			return AtomLatentModel.fitter(() -> AtomFinders.open(d.atomFinder(), AtomFinders.Options.defaults()), d
				.atomFinder(), d.patch(), d.rvae(), s.online());
		}, "3 (atoms + rvae)");

	private PatchModels() {}

	/** The fitter of workflow {@code workflow} ("1", "2", "3" or an older spelling). */
	public static ModelFitter fitter(String workflow, ModelSettings settings) {
		return REGISTRY.get(workflow).fitter(settings);
	}
}
