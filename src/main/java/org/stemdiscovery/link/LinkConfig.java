package org.stemdiscovery.link;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import org.stemdiscovery.command.ServeParams;
import org.stemdiscovery.command.Threads;
import org.stemdiscovery.image.InputException;

/**
 * How a {@link LinkServer} runs.
 *
 * @param token        bearer token every request must carry; empty = none (only allowed on loopback)
 * @param maxBodyBytes the largest request body accepted (413 beyond)
 * @param threads      request threads
 */
public record LinkConfig(String host, int port, Path sessions, String token, long maxBodyBytes, int threads) {

	public LinkConfig {
		if (token.isEmpty() && !isLoopback(host)) throw new InputException("host " + host + " is not loopback: give " +
			"a token (every request then carries 'Authorization: Bearer TOKEN')");
		if (threads < 1) throw new InputException("threads " + threads + " must be at least 1");
	}

	/** From the spec's values; a non-loopback bind without a token gets a generated one (the door prints it). */
	public static LinkConfig of(ServeParams p) {
		String token = p.token();
		if (token.isEmpty() && !isLoopback(p.host())) {
			byte[] b = new byte[24];
			new SecureRandom().nextBytes(b);
			token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
		}
		return new LinkConfig(p.host(), p.port(), Path.of(p.sessions()), token, p.maxBodyMb() * 1024L * 1024L, Threads
			.resolve(p.threads()));
	}

	public boolean loopback() {
		return isLoopback(host);
	}

	static boolean isLoopback(String host) {
		try {
			return InetAddress.getByName(host).isLoopbackAddress();
		}
		catch (UnknownHostException e) {
			throw new InputException("host '" + host + "' is not an address of this machine; e.g. 127.0.0.1, or 0.0.0.0 " +
				"for every interface");
		}
	}
}
