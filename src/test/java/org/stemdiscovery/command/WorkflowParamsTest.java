package org.stemdiscovery.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemdiscovery.atoms.AtomFinder;
import org.stemdiscovery.atoms.Detection;
import org.stemdiscovery.bo.BatchMode;
import org.stemdiscovery.bo.Goal;
import org.stemdiscovery.image.CancelledException;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Cancelled;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.report.WorkflowReport;
import org.stemdiscovery.vae.RvaeTraining;
import org.stemdiscovery.workflow.AtomRvaeMaps;
import org.stemdiscovery.workflow.RvaeEncoding;
import org.stemdiscovery.workflow.Workflow;

/** Run AE Workflow's one definition: the rules both doors used to decide apart. */
class WorkflowParamsTest {

	@TempDir
	Path dir;

	private static WorkflowParams params(Map<String, ?> given) {
		return WorkflowParams.from(WorkflowParams.SPEC.parse(given));
	}

	/** Drift: the command line used 3 cells for workflow 3, Fiji 5. Now "auto" is the workflow's own, in every door. */
	@Test
	void theDefaultLengthIsThreeCellsForWorkflowThreeAndFiveOtherwise() {
		assertEquals("auto", WorkflowParams.SPEC.param("length").defaultText());
		assertEquals(5, params(Map.of("workflow", "1")).bo().lengthScale());
		assertEquals(5, params(Map.of("workflow", "2")).bo().lengthScale());
		assertEquals(3, params(Map.of("workflow", "3")).bo().lengthScale());
		assertEquals(3, params(Map.of("workflow", "3 (atoms + rVAE)")).bo().lengthScale(), "the dialog's old spelling");
		assertEquals(7, params(Map.of("workflow", "3", "length", "7")).bo().lengthScale(), "a given length wins");
		assertTrue(params(Map.of("length", "fit")).bo().fitLength());
	}

	/** Drift: 0 threads was refused on the command line and meant every core in Fiji. */
	@Test
	void zeroThreadsMeansEveryCore() {
		WorkflowParams p = params(Map.of("threads", "0"));
		int cores = Runtime.getRuntime().availableProcessors();
		assertEquals(cores, p.bo().threads());
		assertEquals(cores, p.descriptors().threads());
		assertEquals(3, params(Map.of("threads", 3)).bo().threads());
	}

	@Test
	void theWorkflowsComeFromTheRegistryAndOldSpellingsStillWork() {
		assertEquals(Workflow.REGISTRY.names(), WorkflowParams.SPEC.param("workflow").choices());
		assertEquals(List.of("1", "2", "3"), Workflow.REGISTRY.names());
		assertEquals("1", params(Map.of("workflow", "1 (FFT + unmixing)")).workflow());
		assertEquals("2", params(Map.of("workflow", "2 (FFT + rVAE)")).workflow());
		InputException e = assertThrows(InputException.class, () -> params(Map.of("workflow", "4")));
		assertTrue(e.getMessage().contains("choose 1, 2 or 3"), e.getMessage());
		var bo = params(Map.of("goal", "minimise", "batching", "lp", "path", "off", "threshold", "0.5")).bo();
		assertEquals(Goal.MINIMISE, bo.goal());
		assertEquals(BatchMode.LOCAL_PENALISATION, bo.batchMode());
		assertEquals(false, bo.pathPlanning());
		assertEquals(0.5, bo.threshold());
		assertTrue(Double.isNaN(params(Map.of()).bo().threshold()), "otsu");
		assertTrue(Double.isNaN(params(Map.of()).bo().acquisitionParameter()), "the acquisition's default");
	}

	/** The workflow's defaults are what both doors ran before: 29 steps of 10 after one seed, window 32, step 8. */
	@Test
	void defaultsAreTheOldOnes() {
		WorkflowParams p = params(Map.of());
		assertEquals(291, p.bo().totalPoints());
		assertEquals(32, p.descriptors().fft().window());
		assertEquals(8, p.descriptors().fft().step());
		assertEquals(500, p.iterations());
		assertEquals("matern52", p.bo().kernel());
		assertEquals("ei", p.bo().acquisition());
	}

	/** Drift: Fiji checked its report folder only after the whole run. Now the task checks it before any work. */
	@Test
	void anOccupiedReportFolderIsRefusedBeforeAnyWork() throws Exception {
		Files.writeString(dir.resolve(WorkflowReport.HTML), "an earlier report");
		List<String> reported = new ArrayList<>();
		Progress recording = new Progress() {
			@Override
			public void report(double fraction, String message) {
				reported.add(message);
			}

			@Override
			public boolean isCancelled() {
				return false;
			}
		};
		InputException e = assertThrows(InputException.class, () -> WorkflowTask.run(new float[256 * 256], 256, 256,
			"blank", null, params(Map.of()), dir, false, recording));
		assertTrue(e.getMessage().contains(dir + " already holds report.html"), e.getMessage());
		assertEquals(List.of(), reported, "no work was started");
	}

	/** Drift: workflow 3 gave the atom finder no progress, so a cancel waited for every tile. */
	@Test
	void workflowThreePassesItsProgressToTheAtomFinder() {
		Progress cancelled = Cancelled.PROGRESS;
		List<Progress> seen = new ArrayList<>();
		AtomFinder finder = (pixels, w, h, progress) -> {
			seen.add(progress);
			progress.checkCancelled();
			return new Detection(List.of(), new float[w * h], null, w, h);
		};
		AtomRvaeMaps maker = new AtomRvaeMaps(() -> finder, "fake", 16, 4, new RvaeEncoding(2, 16, RvaeTraining.defaults()));
		assertThrows(CancelledException.class, () -> maker.make(new float[64 * 64], 64, 64, cancelled));
		assertEquals(List.of(cancelled), seen);
	}

	/** The BO parameters whose meaning does not depend on the grid are Simulate BO's own definitions. */
	@Test
	void theWorkflowSharesSimulateBosParameters() {
		for (String name : List.of("kernel", "alpha", "noise", "acquisition", "parameter", "goal", "batch", "seeds", "seed",
			"batching", "threshold", "measurement"))
			assertEquals(BoParams.SPEC.param(name), WorkflowParams.SPEC.param(name), name);
		assertEquals("max", WorkflowParams.SPEC.param("goal").value("maximise"), "the spellings bo always accepted");
		assertEquals("max", BoParams.SPEC.param("goal").value("maximize"));
	}
}
