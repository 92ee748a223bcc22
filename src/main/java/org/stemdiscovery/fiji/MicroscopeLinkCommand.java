package org.stemdiscovery.fiji;

import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

import ij.IJ;
import ij.macro.Interpreter;
import ij.text.TextWindow;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.stemdiscovery.command.ServeParams;
import org.stemdiscovery.command.Spec;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.link.LinkConfig;
import org.stemdiscovery.link.LinkLog;
import org.stemdiscovery.link.LinkServer;

/**
 * Plugins › STEM Discovery › Microscope Link: the microscope link ({@link LinkServer}, docs/PROTOCOL.md) inside
 * Fiji. It opens a log window of the server's requests; each session gets its own {@link ExperimentLiveView} (the
 * survey with the measured patches and the beam path, GP mean and uncertainty), redrawn after every batch. Closing
 * the log window stops the server: the window is what holds it, so no state outlives it.
 */
@Plugin(type = Command.class, label = "Microscope Link")
public class MicroscopeLinkCommand extends StemCommand {

	@Parameter(label = "Host (address to bind)", persist = false) private String host;
	@Parameter(label = "Port", persist = false) private int port;
	@Parameter(label = "Sessions folder", persist = false) private String sessions;
	@Parameter(label = "Token (empty = none on loopback)", persist = false) private String token;
	@Parameter(label = "Largest request body (MiB)", persist = false) private int maxBodyMb;
	@Parameter(label = "Threads (0 = all cores)", persist = false) private int threads;

	@Override
	public Spec spec() {
		return ServeParams.SPEC;
	}

	@Override
	protected void execute() {
		if (GraphicsEnvironment.isHeadless() || Interpreter.isBatchMode() || IJ.getInstance() == null)
			throw new InputException(title() + " runs in Fiji's window (closing its log stops it); without one, run " +
				"'stem-discovery serve'");
		LinkConfig config = LinkConfig.of(ServeParams.from(values()));
		TextWindow log = new TextWindow(title() + " - requests", "", 640, 360);
		LinkLog lines = new LinkLog() {
			@Override
			public void line(String text) {
				String stamped = LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "  " + text;
				EventQueue.invokeLater(() -> log.append(stamped));
			}

			@Override
			public void failure(String text, Throwable t) {
				line(text);
				java.io.StringWriter trace = new java.io.StringWriter();
				t.printStackTrace(new java.io.PrintWriter(trace));
				IJ.log(title() + ": " + text + "\n" + trace);
			}
		};
		LinkServer server = new LinkServer(config, lines, id -> new ExperimentLiveView("Microscope link - session " + id,
			true, null));
		try {
			for (String s : server.start())
				lines.line("resumed session " + s);
		}
		catch (IOException e) {
			server.close();
			log.close();
			throw new InputException("cannot listen on " + config.host() + ":" + config.port() + " (" + e.getMessage() +
				"); close the other Microscope Link window, or choose another port");
		}
		lines.line("listening on " + server.url() + (config.loopback() ? "" : " (token " + config.token() + ")") +
			"; sessions in " + config.sessions().toAbsolutePath().normalize() + "; close this window to stop");
		log.addWindowListener(new WindowAdapter() {
			@Override
			public void windowClosed(WindowEvent e) {
				// not on the event thread: closing waits for requests in flight
				new Thread(server::close, "stem-discovery-link-stop").start();
			}
		});
		IJ.log(title() + ": " + server.url());
	}
}
