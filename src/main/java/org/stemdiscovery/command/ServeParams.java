package org.stemdiscovery.command;

import java.util.List;

/**
 * Microscope Link / {@code stem-discovery serve}: the parameters of the microscope link (the engine as a local
 * HTTP + JSON service, docs/PROTOCOL.md), declared once in {@link #SPEC} for the command line and the Fiji command.
 *
 * @param token      the bearer token every request must carry; empty = none on loopback, a generated one elsewhere
 * @param maxBodyMb  the largest request body accepted, in MiB (a 4096² float32 survey in base64 is 85 MiB)
 * @param threads    request threads; each session is worked on by one at a time, so this bounds the sessions
 *                   that compute at once
 */
public record ServeParams(String host, int port, String sessions, String token, int maxBodyMb, int threads) {

	public static final String DEFAULT_SESSIONS = "stem-discovery-sessions";

	public static final Spec SPEC = new Spec("serve", "Microscope Link",
		"the microscope link: the experiment as a local HTTP + JSON service that instrument scripts drive",
		"Serves the measurement-driven experiment over HTTP + JSON (docs/PROTOCOL.md, docs/openapi.yaml) until " +
			"stopped (Ctrl-C): an instrument script sends a survey, asks where to measure next, and sends back what it " +
			"measured. Every session keeps a journal in --sessions; a restarted server resumes the open ones. Bound to " +
			"loopback unless --host says otherwise; any other address requires a token (--token, or one is generated and " +
			"printed) that every request carries as 'Authorization: Bearer TOKEN'.",
		List.of(
			Param.text("host", "127.0.0.1").label("Host (address to bind)")
				.help("address to listen on; anything but loopback requires a token"),
			Param.integer("port", 8765).range(0, 65535).label("Port").help("TCP port; 0 = any free port"),
			Param.text("sessions", DEFAULT_SESSIONS).label("Sessions folder")
				.help("folder of the sessions' journals (created when missing); open sessions there are resumed"),
			Param.text("token", "").label("Token (empty = none on loopback)")
				.help("bearer token every request must carry; empty: none on loopback, generated for any other address"),
			Param.integer("max-body-mb", 64).range(1, 4096).unit("MiB").label("Largest request body (MiB)")
				.help("a larger request body is refused (413)"),
			Threads.param()));

	public static ServeParams from(Values v) {
		return new ServeParams(v.text("host").trim(), v.integer("port"), v.text("sessions").trim(), v.text("token")
			.trim(), v.integer("max-body-mb"), v.integer("threads"));
	}
}
