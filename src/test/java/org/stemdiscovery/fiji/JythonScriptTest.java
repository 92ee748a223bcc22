package org.stemdiscovery.fiji;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.python.core.PySystemState;
import org.python.util.PythonInterpreter;

/** The shipped Jython script, run headless as a user would run it outside Fiji's script editor. */
class JythonScriptTest {

	@Test
	void theWorkflowScriptRunsTheCommandAndReadsItsTable() {
		PySystemState state = new PySystemState();
		state.argv.clear();
		state.argv.append(new org.python.core.PyString("scripts/run_workflow.py"));
		state.argv.append(new org.python.core.PyString(Path.of("test-images/pillars_256.tif").toAbsolutePath().toString()));
		StringWriter out = new StringWriter();
		try (PythonInterpreter py = new PythonInterpreter(null, state)) {
			py.setOut(out);
			py.setErr(out);
			py.execfile("scripts/run_workflow.py");
		}
		String printed = out.toString();
		assertTrue(printed.matches("(?s).*steps=11 points=101 discovered=(0\\.[5-9]\\d*|1\\.000).*"), printed);
	}
}
