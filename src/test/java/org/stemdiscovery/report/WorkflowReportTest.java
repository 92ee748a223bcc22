package org.stemdiscovery.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemdiscovery.bo.BoSettings;
import org.stemdiscovery.fft.SlidingFftSettings;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.io.Csv;
import org.stemdiscovery.io.Json;
import org.stemdiscovery.io.Tiff;
import org.stemdiscovery.io.TiffImage;
import org.stemdiscovery.workflow.AeWorkflow;
import org.stemdiscovery.workflow.UnmixedFftMaps;
import org.stemdiscovery.workflow.WorkflowResult;

class WorkflowReportTest {

	@TempDir
	Path dir;

	/** Issue 7: the report's files exist, are non-empty, and the HTML refers only to files in the folder. */
	@Test
	void reportIsSelfContained() throws Exception {
		TiffImage img = Tiff.read(Path.of("test-images/pillars_256.tif"));
		BoSettings bo = BoSettings.defaults().withBatch(5, 6, 1).withThreads(1);
		WorkflowResult r = new AeWorkflow(new UnmixedFftMaps(SlidingFftSettings.of(32, 8), "nmf", 2, 0, 200, 1), 0, bo)
			.run(img.pixels(), img.width(), img.height(), null, Progress.NONE);
		WorkflowReport.write(dir, "pillars_256.tif", img.pixels(), img.width(), img.height(), r, Map.of("k", 2));
		for (String f : WorkflowReport.FILES)
			assertTrue(Files.size(dir.resolve(f)) > 100, f + " is empty");
		String html = Files.readString(dir.resolve(WorkflowReport.HTML));
		Matcher m = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
		int refs = 0;
		while (m.find()) {
			String ref = m.group(1);
			assertTrue(!ref.contains("/") && !ref.contains(":"), "not a file of the folder: " + ref);
			assertTrue(Files.exists(dir.resolve(ref)), "missing: " + ref);
			refs++;
		}
		assertTrue(refs >= 10, refs + " references");
		// the tables agree with the run
		assertEquals(r.run().steps().size(), Csv.read(dir.resolve(RunFiles.STEPS)).rows().size());
		assertEquals(r.run().last().points(), Csv.read(dir.resolve(RunFiles.POINTS)).rows().size());
		Map<String, Object> record = Json.parseObject(Files.readString(dir.resolve(RunFiles.RUN)));
		assertEquals(r.chosen() + 1, ((Number) record.get("chosenMap")).intValue());
		assertEquals(r.run().steps().size(), Tiff.read(dir.resolve(RunFiles.MEAN)).planes());
	}
}
