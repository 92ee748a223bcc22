package org.stemdiscovery.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.process.FloatProcessor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.stemdiscovery.command.WorkflowParams;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;
import org.stemdiscovery.report.WorkflowReport;

/** Run AE Workflow's Fiji door: the spec's defaults and checks, before any work. */
class RunWorkflowCommandTest {

	private static Context context;

	@TempDir
	Path dir;

	@BeforeAll
	static void start() {
		context = new Context(CommandService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	private static ImagePlus testImage() {
		TiffImage t = Tiff.read(Path.of("test-images/pillars_256.tif"));
		return new ImagePlus("pillars_256.tif", new FloatProcessor(t.width(), t.height(), t.pixels().clone()));
	}

	/** Before, the dialog found an occupied report folder only after minutes of work; now nothing runs. */
	@Test
	void anOccupiedReportFolderIsRefusedBeforeAnyWork() throws Exception {
		Files.writeString(dir.resolve(WorkflowReport.HTML), "an earlier report");
		long t0 = System.nanoTime();
		CommandModule m = context.service(CommandService.class).run(RunWorkflowCommand.class, true, "image", testImage(),
			"report", dir.toString(), "threads", 1).get();
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("already holds report.html"), m.getCancelReason());
		assertNull(m.getOutput("stepTable"), "no experiment ran");
		assertTrue((System.nanoTime() - t0) / 1e9 < 5, "refused at once");
	}

	/** Before, the dialog's length was 5 cells for every workflow; now workflow 3 gets its 3 cells there too. */
	@Test
	void theDialogsLengthIsTheWorkflowsOwn() throws Exception {
		RunWorkflowCommand cmd = new RunWorkflowCommand();
		Field length = RunWorkflowCommand.class.getDeclaredField("length");
		length.setAccessible(true);
		assertEquals("auto", length.get(cmd));
		Field workflow = RunWorkflowCommand.class.getDeclaredField("workflow");
		workflow.setAccessible(true);
		workflow.set(cmd, "3 (atoms + rVAE)");
		assertEquals(3, WorkflowParams.from(cmd.values()).bo().lengthScale());
	}
}
