package org.stemdiscovery.fiji;

import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.stemdiscovery.image.CancelledException;
import org.stemdiscovery.image.InputException;

/**
 * Base of the STEM Discovery commands: bad input and a user's cancel end the command as a SciJava
 * cancellation with a one-line reason ({@code module.isCanceled()}, {@code getCancelReason()}), logged as one
 * line, never as a stack trace. The bridge turns the reason into an ImageJ error or a macro abort.
 */
public abstract class StemCommand extends ContextCommand {

	@Parameter
	private LogService log;

	/** Off when the bridge runs the command: it reports the reason itself, once. */
	boolean logReasons = true;

	/** The command's work; throw {@link InputException} for bad input. */
	protected abstract void execute();

	@Override
	public final void run() {
		try {
			execute();
		}
		catch (InputException e) {
			if (logReasons && log != null) log.error(title() + ": " + e.getMessage());
			cancel(e.getMessage());
		}
		catch (CancelledException e) {
			cancel(e.getMessage());
		}
	}

	/** The label of the command's {@code @Plugin}, for messages. */
	protected String title() {
		org.scijava.plugin.Plugin p = getClass().getAnnotation(org.scijava.plugin.Plugin.class);
		return p != null && !p.label().isEmpty() ? p.label() : getClass().getSimpleName();
	}
}
