package org.stemdiscovery.cli;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.stemdiscovery.command.ServeParams;
import org.stemdiscovery.command.Spec;
import org.stemdiscovery.command.Values;
import org.stemdiscovery.link.LinkConfig;
import org.stemdiscovery.link.LinkLog;
import org.stemdiscovery.link.LinkServer;

/**
 * {@code stem-discovery serve}: the microscope link ({@link LinkServer}) until Ctrl-C. Prints one line with the URL
 * (and the token, for a bind beyond loopback), one line per resumed session, then one line per request on stderr.
 */
final class ServeVerb implements Verb {

	@Override
	public Spec spec() {
		return ServeParams.SPEC;
	}

	@Override
	public boolean needsOut() {
		return false;
	}

	/** Nothing in --out: the sessions' journals go to --sessions. */
	@Override
	public List<String> outputs(Values values) {
		return List.of();
	}

	@Override
	public void run(Call call) throws Exception {
		LinkConfig config = LinkConfig.of(ServeParams.from(call.values()));
		LinkServer server = new LinkServer(config, LinkLog.to(System.err), null);
		CountDownLatch stopped = new CountDownLatch(1);
		// Ctrl-C: close the journals and the sessions' worker pools before the JVM goes
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.close();
			stopped.countDown();
		}, "stem-discovery-link-stop"));
		List<String> resumed;
		try {
			resumed = server.start();
		}
		catch (java.net.BindException e) {
			throw new org.stemdiscovery.image.InputException("cannot listen on " + config.host() + ":" + config.port() +
				" (" + e.getMessage() + "); choose another --port, or stop the server that has it");
		}
		catch (java.io.IOException | java.io.UncheckedIOException e) { // the sessions folder, not the port
			throw new org.stemdiscovery.image.InputException("cannot use the sessions folder " + config.sessions() + " (" + e
				.getMessage() + "); choose a writable --sessions folder");
		}
		for (String s : resumed)
			call.println("resumed session " + s);
		call.println("microscope link on " + server.url() + (config.loopback() ? "" : " (token " + config.token() +
			")") + "; sessions in " + config.sessions().toAbsolutePath().normalize() + "; Ctrl-C stops it");
		stopped.await();
	}
}
