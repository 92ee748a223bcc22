package org.stemdiscovery.fiji;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.scijava.plugin.Parameter;

/**
 * Macros recorded before the commands moved onto their specs keep working: every macro key each dialog had
 * (the first word of a field's label, as ImageJ's Recorder writes it) is still a key of the same command. The
 * lists are the keys of the commands as they stood before issue 11 (commit 75f1e21).
 */
class MacroKeysTest {

	static final Map<Class<?>, List<String>> BEFORE = Map.of(
		SlidingFftCommand.class, List.of("window", "step", "zoom", "taper", "linear", "subtract", "overlay", "threads"),
		DecomposeCommand.class, List.of("method", "components", "seed", "iterations", "overlay", "shift", "threads"),
		FindAtomsCommand.class, List.of("method", "threshold", "refine", "maximum", "augment", "model", "probability", "roi"),
		ExtractPatchesCommand.class, List.of("size", "table", "csv"),
		TrainRvaeCommand.class, List.of("content", "epochs", "batch", "learning", "seed", "angle", "noise", "likelihood",
			"rotation", "translation", "convolutional", "hidden", "manifold", "model"),
		EncodeRvaeCommand.class, List.of("model", "manifold"),
		SimulateBoCommand.class, List.of("kernel", "length", "acquisition", "parameter", "batch", "steps", "seed", "random",
			"batching", "path", "travel", "threshold", "threads", "overlay", "record"),
		BoSweepCommand.class, List.of("kernels", "acquisitions", "lengths", "seeds", "batch", "steps", "batching",
			"parallel"),
		RunWorkflowCommand.class, List.of("workflow", "window", "step", "method", "components", "latent", "epochs", "patch",
			"cell", "map", "kernel", "length", "acquisition", "batch", "steps", "random", "threads", "report"));

	@Test
	void everyMacroKeyOfBeforeIsStillAKey() {
		for (Map.Entry<Class<?>, List<String>> e : BEFORE.entrySet()) {
			Set<String> now = new HashSet<>();
			for (var f : SpecConsistencyTest.inputs(e.getKey())) {
				Parameter p = f.getAnnotation(Parameter.class);
				String label = p.label().isEmpty() ? f.getName() : p.label();
				now.add(org.stemdiscovery.command.Param.text("field", "").label(label).macroKey());
			}
			for (String key : e.getValue())
				assertTrue(now.contains(key), e.getKey().getSimpleName() + " lost the macro key '" + key + "'; it has " + now);
		}
	}
}
