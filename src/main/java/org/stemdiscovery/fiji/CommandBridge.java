package org.stemdiscovery.fiji;

import java.util.ArrayList;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.macro.Interpreter;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import ij.plugin.frame.Recorder;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;
import org.stemdiscovery.image.CancelledException;
import org.stemdiscovery.image.InputException;

/**
 * The one ImageJ 1 plugin behind every menu entry in {@code plugins.config}: its argument names a SciJava
 * command class, which it runs with the current image, the macro options (or a recorded dialog), and
 * shows the output images and tables. This makes each command usable from Fiji's menu, plain ImageJ 1,
 * recorded macros and batch mode alike.
 */
public class CommandBridge implements PlugIn {

	@Override
	public void run(String className) {
		// Macro options are visible only on the calling macro thread: read them before anything else.
		String options = Macro.getOptions();
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		// ImageJ loads plugin jars with its own class loader; SciJava finds its plugins through the context one.
		thread.setContextClassLoader(CommandBridge.class.getClassLoader());
		try {
			execute(className, options);
		}
		catch (InputException e) {
			fail(e.getMessage());
		}
		catch (CancelledException e) {
			Recorder.disableCommandRecording();
			IJ.showStatus("STEM Discovery: cancelled");
		}
		catch (Exception e) {
			Throwable cause = e;
			while (cause.getCause() != null && !(cause instanceof InputException))
				cause = cause.getCause();
			if (cause instanceof InputException) fail(cause.getMessage());
			else if (cause instanceof CancelledException) IJ.showStatus("STEM Discovery: cancelled");
			else {
				IJ.log("STEM Discovery: " + className + " failed:\n" + stackTrace(e));
				fail("the command failed unexpectedly (" + cause + "); details are in the Log window");
			}
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	private void execute(String className, String options) throws Exception {
		Context context = Contexts.get();
		CommandInfo info = context.service(CommandService.class).getCommand(className);
		if (info == null) throw new IllegalStateException("no SciJava command " + className +
			" was found; is the STEM Discovery jar complete (META-INF/json/org.scijava.plugin.Plugin)?");
		ModuleService modules = context.service(ModuleService.class);
		Module module = modules.createModule(info);
		String title = info.getLabel() != null ? info.getLabel() : info.getTitle();

		List<ModuleItem<?>> fields = new ArrayList<>();
		for (ModuleItem<?> item : info.inputs()) {
			if (ImagePlus.class.isAssignableFrom(item.getType())) {
				ImagePlus current = WindowManager.getCurrentImage();
				if (current == null) throw new InputException(title + " needs an image; open one first");
				module.setInput(item.getName(), current);
				setField(module, item, current);
			}
			else if (ModuleDialog.editable(item.getType())) {
				fields.add(item);
			}
		}
		ModuleDialog dialog = new ModuleDialog(title, fields, module.getDelegateObject() instanceof StemCommand sc ? sc
			.spec() : null);
		if (options != null) dialog.fromOptions(module, options);
		else if (IJ.getInstance() != null && !fields.isEmpty()) {
			if (!dialog.show(module, true)) {
				Recorder.disableCommandRecording();
				return;
			}
		}
		// else: batch or headless run without options: the defaults, never a dialog that would hang.
		for (ModuleItem<?> item : info.inputs())
			module.resolveInput(item.getName());
		if (module.getDelegateObject() instanceof StemCommand sc) sc.logReasons = false;
		modules.run(module, false).get();
		if (module.getDelegateObject() instanceof org.scijava.Cancelable c && c.isCanceled()) {
			if (c.getCancelReason() != null && !c.getCancelReason().equals(new CancelledException().getMessage()))
				throw new InputException(c.getCancelReason());
			throw new CancelledException();
		}
		showOutputs(info, module);
	}

	@SuppressWarnings("unchecked")
	private static void setField(Module module, ModuleItem<?> item, Object value) {
		((ModuleItem<Object>) item).setValue(module, value);
	}

	/** Shows output images (in batch mode they become the current image) and tables under their labels. */
	private static void showOutputs(CommandInfo info, Module module) {
		for (ModuleItem<?> item : info.outputs()) {
			Object value = module.getOutput(item.getName());
			if (value instanceof ImagePlus imp) imp.show();
			else if (value instanceof ResultsTable rt) rt.show(item.getLabel() != null ? item.getLabel() : item.getName());
		}
	}

	/**
	 * Reports bad input. In a macro the message aborts the macro: without an ImageJ window (batch runs) it
	 * goes to stderr and the macro's error message, never to a modal dialog that would hang the run.
	 */
	static void fail(String message) {
		Recorder.disableCommandRecording();
		Interpreter interp = Interpreter.getInstance();
		if (interp != null && IJ.isMacro()) {
			System.err.println("STEM Discovery: " + message);
			if (IJ.getInstance() == null) interp.setIgnoreErrors(true);
			interp.abort("STEM Discovery: " + message);
		}
		else if (IJ.getInstance() == null) {
			System.err.println("STEM Discovery: " + message);
		}
		else {
			IJ.error("STEM Discovery", message);
		}
	}

	private static String stackTrace(Throwable t) {
		java.io.StringWriter w = new java.io.StringWriter();
		t.printStackTrace(new java.io.PrintWriter(w));
		return w.toString();
	}
}
