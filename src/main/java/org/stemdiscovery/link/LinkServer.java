package org.stemdiscovery.link;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.stemdiscovery.experiment.ExperimentListener;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.io.Json;

/**
 * The microscope link (docs/PROTOCOL.md): the measurement-driven experiment as a local HTTP + JSON service.
 *
 * <p>It runs on the JDK's own {@code com.sun.net.httpserver.HttpServer}: no dependency to ship into Fiji (where a
 * second Jetty or Netty would meet whatever other plugins bring), and enough for what it serves — a handful of
 * instrument scripts on the same machine or network, each request a few kB to a few MB, the time spent in the
 * engine, not in HTTP. Requests run on a fixed pool of {@code threads}; each session has its own lock, so
 * sessions compute side by side and one session's requests run one at a time.
 *
 * <p>Every answer is JSON. A refused request is its 4xx and {@code {"error": "one line"}}; an unexpected failure is
 * a 500 with one line, its stack trace goes to the {@link LinkLog}, and the server keeps serving. Bodies are read
 * only up to the size limit (413 beyond). A token, when set, is required on every request (401), and set it must
 * be on any address but loopback.
 */
public final class LinkServer implements AutoCloseable {

	/** The protocol's major version, the {@code /v1} of every path. */
	public static final int PROTOCOL = 1;

	private static final String NODELAY = "sun.net.httpserver.nodelay";

	/** Snake-case names on the wire from the records' camelCase, nulls written (a client reads x_nm: null). */
	private static final Gson GSON = new GsonBuilder().setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
		.serializeNulls().disableHtmlEscaping().create();

	private final LinkConfig config;
	private final LinkLog log;
	private final SessionRegistry registry;
	private final List<Route> routes;
	private HttpServer http;
	private ExecutorService pool;

	/** @param views a live view per session id (null, or answering null, for none) */
	public LinkServer(LinkConfig config, LinkLog log, Function<String, ExperimentListener> views) {
		this.config = config;
		this.log = log;
		this.registry = new SessionRegistry(config.sessions(), views == null ? id -> null : views);
		this.routes = List.of(
			new Route("GET", "/v1/health", (p, b) -> ok(Map.of("protocol", PROTOCOL, "version", version()))),
			new Route("GET", "/v1/sessions", (p, b) -> ok(Map.of("sessions", registry.all().stream().map(
				LinkSession::status).toList()))),
			new Route("POST", "/v1/sessions", (p, b) -> {
				LinkSession s = registry.create(JsonBody.parse(b));
				return new Route.Answer(201, Map.of("id", s.id(), "status", s.status()));
			}),
			new Route("GET", "/v1/sessions/{id}", (p, b) -> ok(session(p).status())),
			new Route("POST", "/v1/sessions/{id}/next", (p, b) -> ok(session(p).next())),
			new Route("POST", "/v1/sessions/{id}/measurements", (p, b) -> ok(session(p).measure(JsonBody.parse(b)))),
			// the report is run.json's record, written as run.json is (no number is NaN there: it is null)
			new Route("GET", "/v1/sessions/{id}/report", (p, b) -> ok(JsonParser.parseString(Json.write(session(p)
				.report())))),
			new Route("POST", "/v1/sessions/{id}/abort", (p, b) -> ok(Map.of("status", session(p).abort()))));
	}

	private static Route.Answer ok(Object body) {
		return new Route.Answer(200, body);
	}

	private LinkSession session(Map<String, String> path) {
		return registry.get(path.get("id"));
	}

	/** The method and path template of every operation. */
	public List<String> routeTable() {
		return routes.stream().map(r -> r.method() + " " + r.template()).toList();
	}

	/** Resumes the sessions in the sessions folder, then listens. Returns the sessions resumed. */
	public List<String> start() throws IOException {
		List<String> resumed = new ArrayList<>();
		for (SessionStatus s : registry.resumeAll())
			resumed.add(s.id() + " " + s.state() + " (" + s.measurements() + " measurements" + (s.reason() == null ? ""
				: ": " + s.reason()) + ")");
		// Without TCP_NODELAY an answer's body waits for the client's delayed ACK of its headers: 40 ms a request
		// (measured: a repeated next took 44 ms, 1 ms with it). The JDK server reads this once, at its first start.
		if (System.getProperty(NODELAY) == null) System.setProperty(NODELAY, "true");
		http = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 64);
		AtomicInteger n = new AtomicInteger();
		pool = Executors.newFixedThreadPool(config.threads(), r -> {
			Thread t = new Thread(r, "stem-discovery-link-" + n.incrementAndGet());
			t.setDaemon(true); // a Fiji or CLI that ends must not wait for idle request threads
			return t;
		});
		http.setExecutor(pool);
		http.createContext("/", this::handle);
		http.start();
		return resumed;
	}

	/** The port listened on (the one chosen when the config asked for 0). */
	public int port() {
		return http.getAddress().getPort();
	}

	/** {@code http://host:port/v1}. */
	public String url() {
		String h = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
		return "http://" + h + ":" + port() + "/v1";
	}

	public LinkConfig config() {
		return config;
	}

	/** Sessions held (open, ended and broken). */
	public int sessions() {
		return registry.size();
	}

	private void handle(HttpExchange ex) {
		long t0 = System.nanoTime();
		String method = ex.getRequestMethod(), path = ex.getRequestURI().getPath();
		int status;
		try {
			Route.Answer a = answer(ex, method, path);
			status = a.status();
			send(ex, status, GSON.toJson(a.body()));
		}
		catch (LinkException e) {
			status = e.status();
			refuse(ex, status, e.getMessage());
		}
		catch (InputException e) {
			status = 400;
			refuse(ex, status, e.getMessage());
		}
		catch (RuntimeException | Error | IOException e) {
			status = 500;
			log.failure(String.format(Locale.ROOT, "%s %s: unexpected failure: %s", method, path, e), e);
			refuse(ex, status, "unexpected failure: " + JsonBody.oneLine(String.valueOf(e)) + "; the server's log has " +
				"the details");
		}
		finally {
			ex.close();
		}
		log.line(String.format(Locale.ROOT, "%s %s %d %.1f ms", method, path, status, (System.nanoTime() - t0) / 1e6));
	}

	private Route.Answer answer(HttpExchange ex, String method, String path) throws IOException {
		if (!config.token().isEmpty() && !authorised(ex.getRequestHeaders().getFirst("Authorization"))) {
			ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
			throw new LinkException(401, "this server needs 'Authorization: Bearer TOKEN' with the token it was started " +
				"with");
		}
		List<String> allowed = new ArrayList<>();
		for (Route r : routes) {
			Map<String, String> names = r.match(path);
			if (names == null) continue;
			if (r.method().equals(method)) return r.handler().handle(names, method.equals("POST") ? body(ex) : "");
			allowed.add(r.method());
		}
		if (allowed.isEmpty()) throw LinkException.notFound("no such path " + path + "; see docs/PROTOCOL.md");
		ex.getResponseHeaders().set("Allow", String.join(", ", allowed));
		throw new LinkException(405, method + " is not allowed on " + path + "; use " + String.join(" or ", allowed));
	}

	private boolean authorised(String header) {
		if (header == null) return false;
		byte[] given = header.trim().getBytes(StandardCharsets.UTF_8), want = ("Bearer " + config.token()).getBytes(
			StandardCharsets.UTF_8);
		return MessageDigest.isEqual(given, want); // in constant time: a token is not guessed byte by byte
	}

	/** The body, read only up to the limit: a larger one is drained (so the client reads the 413) and refused. */
	private String body(HttpExchange ex) throws IOException {
		long limit = config.maxBodyBytes();
		String declared = ex.getRequestHeaders().getFirst("Content-Length");
		InputStream in = ex.getRequestBody();
		if (declared != null && parseLong(declared) > limit) throw tooLarge(in, limit);
		ByteArrayOutputStream out = new ByteArrayOutputStream(declared == null ? 8192 : (int) Math.max(0, Math.min(
			limit, parseLong(declared))));
		byte[] buf = new byte[65536];
		for (int r; (r = in.read(buf)) >= 0;) {
			if (out.size() + (long) r > limit) throw tooLarge(in, limit);
			out.write(buf, 0, r);
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	private static long parseLong(String s) {
		try {
			return Long.parseLong(s.trim());
		}
		catch (NumberFormatException e) {
			throw LinkException.badRequest("Content-Length '" + s + "' is not a number");
		}
	}

	/** Drains at most 1 GiB more, so a client that sends its whole body before reading still gets the answer. */
	private static LinkException tooLarge(InputStream in, long limit) throws IOException {
		byte[] buf = new byte[65536];
		long left = 1L << 30;
		for (int r; left > 0 && (r = in.read(buf)) >= 0;)
			left -= r;
		String size = limit >= 1 << 20 ? (limit >> 20) + " MiB" : (limit >> 10) + " kB";
		return new LinkException(413, "the body is over the server's limit of " + size + "; send smaller arrays, or " +
			"start the server with a larger --max-body-mb");
	}

	private void refuse(HttpExchange ex, int status, String message) {
		send(ex, status, GSON.toJson(Map.of("error", JsonBody.oneLine(message))));
	}

	private void send(HttpExchange ex, int status, String json) {
		byte[] b = json.getBytes(StandardCharsets.UTF_8);
		try {
			ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
			ex.sendResponseHeaders(status, b.length);
			try (OutputStream o = ex.getResponseBody()) {
				o.write(b);
			}
		}
		catch (IOException e) { // the client went away; its session is as the journal says
			log.line("could not answer " + ex.getRequestURI() + ": " + e.getMessage());
		}
	}

	private static String version() {
		String v = LinkServer.class.getPackage().getImplementationVersion();
		return v == null ? "development" : v;
	}

	/** Stops listening (requests in progress get up to a second), then closes every session and its journal. */
	@Override
	public void close() {
		if (http != null) http.stop(1);
		if (pool != null) {
			pool.shutdown();
			try {
				pool.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		registry.close();
	}
}
