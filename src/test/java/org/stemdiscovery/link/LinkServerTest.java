package org.stemdiscovery.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemdiscovery.experiment.DigitalTwin;
import org.stemdiscovery.experiment.Measurement;
import org.stemdiscovery.experiment.PatchRequest;

/**
 * The link end to end over HTTP, in-process on a free port: a noise-free digital twin plays the instrument, and the
 * points must be those of the same session run in-process; retries are harmless; every bad request is refused with
 * its 4xx and one line and leaves the session usable; a restarted server resumes with nothing lost.
 */
class LinkServerTest {

	static final long MiB = 1 << 20;
	static Rig rig;
	static List<List<double[]>> expected;

	@TempDir
	Path dir;

	@BeforeAll
	static void reference() {
		rig = new Rig(128, 5, Rig.small(30, 5, 8));
		expected = rig.inProcess();
	}

	private static String create(LinkClient c, DigitalTwin twin) {
		LinkClient.Reply r = c.post("/sessions", rig.create(twin));
		assertEquals(201, r.status(), r.text());
		return r.json().get("id").getAsString();
	}

	private static void assertSamePoints(List<List<double[]>> want, List<List<double[]>> got) {
		assertEquals(want.size(), got.size(), "batches");
		for (int b = 0; b < want.size(); b++) {
			assertEquals(want.get(b).size(), got.get(b).size(), "batch " + b);
			for (int k = 0; k < want.get(b).size(); k++)
				assertArrayEquals(want.get(b).get(k), got.get(b).get(k), "batch " + b + " point " + k);
		}
	}

	@Test
	void aTwinDrivingTheServerGetsTheInProcessPoints() throws Exception {
		try (LinkServer server = Rig.server(dir, "", MiB, 2)) {
			LinkClient c = new LinkClient(server);
			JsonObject health = c.get("/health").json();
			assertEquals(1, health.get("protocol").getAsInt());
			DigitalTwin twin = rig.twin();
			String id = create(c, twin);
			assertSamePoints(expected, Rig.drive(c, id, twin, 1000));
			JsonObject next = c.post("/sessions/" + id + "/next", "{}").json();
			assertTrue(next.get("done").getAsBoolean());
			assertEquals(0, next.getAsJsonArray("points").size());
			JsonObject status = c.get("/sessions/" + id).json();
			assertEquals("done", status.get("state").getAsString());
			assertEquals(30, status.get("measurements").getAsInt());
			JsonObject report = c.get("/sessions/" + id + "/report").json();
			assertEquals("stem-discovery experiment run 1", report.get("format").getAsString());
			assertEquals(30, report.get("measurements").getAsInt());
			assertEquals(30, report.getAsJsonArray("points").size());
			assertEquals(expected.size(), report.getAsJsonArray("steps").size());
			assertEquals(16, report.getAsJsonObject("parameters").get("patch").getAsInt());
			JsonObject p0 = report.getAsJsonArray("points").get(0).getAsJsonObject();
			assertEquals(expected.get(0).get(0)[1], p0.get("x_px").getAsDouble());
			assertEquals(1, c.get("/sessions").json().getAsJsonArray("sessions").size());
		}
	}

	@Test
	void aPointCarriesItsPositionInEveryConvention() throws Exception {
		try (LinkServer server = Rig.server(dir, "", MiB, 1)) {
			LinkClient c = new LinkClient(server);
			JsonObject body = rig.create(rig.twin());
			body.addProperty("pixel_size_nm", 0.25);
			String id = c.post("/sessions", body).json().get("id").getAsString();
			JsonObject next = c.post("/sessions/" + id + "/next", "{}").json();
			JsonObject p = next.getAsJsonArray("points").get(0).getAsJsonObject();
			double x = p.get("x").getAsDouble(), y = p.get("y").getAsDouble();
			assertEquals(x * 0.25, p.get("x_nm").getAsDouble(), 1e-12);
			assertEquals((y + 0.5) / 128, p.get("fy").getAsDouble(), 1e-12);
			assertEquals((x + 0.5) / 128, p.get("fx").getAsDouble(), 1e-12);
			assertEquals(0, p.get("order").getAsInt());
			assertEquals(16, p.get("patch").getAsInt());
			assertEquals(10.0, p.get("dwell_us").getAsDouble());
			assertTrue(next.get("estimated_seconds").getAsDouble() > 0);
			assertTrue(next.get("estimated_electrons").getAsDouble() > 0);
		}
	}

	@Test
	void postingTheSameMeasurementTwiceIsHarmless() throws Exception {
		try (LinkServer server = Rig.server(dir, "", MiB, 1)) {
			LinkClient c = new LinkClient(server);
			DigitalTwin twin = rig.twin();
			String id = create(c, twin);
			List<PatchRequest> batch = Rig.requests(c.post("/sessions/" + id + "/next", "{}").json());
			List<Measurement> ms = twin.acquire(batch);
			JsonObject part = Rig.measurements(ms.subList(0, 2));
			LinkClient.Reply a = c.post("/sessions/" + id + "/measurements", part);
			LinkClient.Reply b = c.post("/sessions/" + id + "/measurements", part);
			assertEquals(200, b.status(), b.text());
			assertEquals(2, a.json().getAsJsonArray("accepted").size());
			assertEquals(0, b.json().getAsJsonArray("accepted").size());
			assertEquals(2, b.json().getAsJsonArray("ignored").size());
			assertEquals(2, b.json().getAsJsonObject("status").get("measurements").getAsInt());
			assertEquals(3, b.json().getAsJsonObject("status").get("pending").getAsInt());
			LinkClient.Reply rest = c.post("/sessions/" + id + "/measurements", Rig.measurements(ms));
			assertEquals(3, rest.json().getAsJsonArray("accepted").size());
			assertNotNull(rest.json().get("step").getAsJsonObject());
			LinkClient.Reply again = c.post("/sessions/" + id + "/measurements", Rig.measurements(ms));
			assertTrue(again.json().get("step").isJsonNull(), "a retried batch finishes nothing again");
			assertSamePoints(expected.subList(1, expected.size()), Rig.drive(c, id, twin, 1000));
		}
	}

	@Test
	void badRequestsAreRefusedInOneLineAndTheSessionStaysUsable() throws Exception {
		try (LinkServer server = Rig.server(dir, "", 128 * 1024, 1)) { // the survey is 87 kB
			LinkClient c = new LinkClient(server);
			DigitalTwin twin = rig.twin();
			String id = create(c, twin);
			String next = "/sessions/" + id + "/next", meas = "/sessions/" + id + "/measurements";
			List<PatchRequest> batch = Rig.requests(c.post(next, "{}").json());
			Measurement m = twin.acquire(batch.subList(0, 1)).get(0);

			refused(c.post(meas, "{\"measurements\": [{\"id\": 1, "), 400, "malformed JSON");
			refused(c.post(meas, "[1, 2]"), 400, "not a JSON object");
			refused(c.post(meas, "{}"), 400, "'measurements'");
			JsonObject never = Rig.measurements(List.of(new Measurement(999, m.left(), m.top(), 16, m.pixels(), m
				.dosePerPixel(), 0)));
			refused(c.post(meas, never), 409, "point 999 was never issued");
			JsonObject wrongShape = Rig.measurements(List.of(m));
			wrongShape.getAsJsonArray("measurements").get(0).getAsJsonObject().add("patch", Array2d.encode(new float[64],
				8, 8));
			refused(c.post(meas, wrongShape), 422, "shape [8, 8]");
			JsonObject shortData = Rig.measurements(List.of(m));
			shortData.getAsJsonArray("measurements").get(0).getAsJsonObject().getAsJsonObject("patch").getAsJsonArray(
				"shape").set(0, JsonParser.parseString("17"));
			refused(c.post(meas, shortData), 422, "needs 1088");
			float[] nan = m.pixels().clone();
			nan[17] = Float.NaN;
			refused(c.post(meas, Rig.measurements(List.of(new Measurement(m.id(), m.left(), m.top(), 16, nan, m
				.dosePerPixel(), 0)))), 422, "non-finite value (NaN) at row 1, column 1");
			// Python's json writes NaN as a bare word in a list of rows
			String rows = "{\"measurements\": [{\"id\": " + m.id() + ", \"patch\": {\"shape\": [1, 2], \"data\": [[1, NaN]]}}]}";
			refused(c.post(meas, rows), 422, "non-finite");
			JsonObject zeroDose = Rig.measurements(List.of(m));
			zeroDose.getAsJsonArray("measurements").get(0).getAsJsonObject().addProperty("dose", 0);
			refused(c.post(meas, zeroDose), 422, "dose 0");
			refused(c.post("/sessions/nosuch/next", "{}"), 404, "no session 'nosuch'");
			refused(c.get("/nowhere"), 404, "no such path");
			refused(c.get(next.replace("/next", "/abort")), 405, "use POST");
			String big = "{\"measurements\": [], \"pad\": \"" + "x".repeat(200 * 1024) + "\"}";
			refused(c.post(meas, big), 413, "over the server's limit of 128 kB");

			// nothing refused was taken: the same batch, and it measures as if nothing had happened
			assertEquals(Rig.points(batch).size(), Rig.requests(c.post(next, "{}").json()).size());
			assertEquals(batch, Rig.requests(c.post(next, "{}").json()));
			assertEquals(0, c.get("/sessions/" + id).json().get("measurements").getAsInt());
			assertSamePoints(expected, Rig.drive(c, id, twin, 1000));
		}
	}

	@Test
	void aSecondServerOnTheSameSessionsFolderIsRefused(@TempDir Path dir) throws Exception {
		try (LinkServer first = Rig.server(dir, "", 64L << 20, 1)) {
			IOException e = assertThrows(IOException.class, () -> Rig.server(dir, "", 64L << 20, 1));
			assertTrue(e.getMessage().contains("another microscope link serves"), e.getMessage());
		}
		try (LinkServer again = Rig.server(dir, "", 64L << 20, 1)) { // the lock goes with the first server
			assertTrue(again.port() > 0);
		}
	}

	@Test
	void settingsAreCheckedByTheExperimentsSpec() throws Exception {
		try (LinkServer server = Rig.server(dir, "", 8 * MiB, 1)) {
			LinkClient c = new LinkClient(server);
			JsonObject unknown = rig.create(rig.twin());
			unknown.getAsJsonObject("settings").addProperty("kernal", "rbf");
			refused(c.post("/sessions", unknown), 400, "'kernal' is not a parameter");
			JsonObject range = rig.create(rig.twin());
			range.getAsJsonObject("settings").addProperty("patch", 2);
			refused(c.post("/sessions", range), 400, "patch 2");
			JsonObject tooBig = rig.create(rig.twin());
			tooBig.getAsJsonObject("settings").addProperty("patch", 256);
			refused(c.post("/sessions", tooBig), 422, "256");
			JsonObject noSurvey = rig.create(rig.twin());
			noSurvey.remove("survey");
			refused(c.post("/sessions", noSurvey), 400, "no 'survey'");
			assertEquals(0, c.get("/sessions").json().getAsJsonArray("sessions").size(), "no session was left behind");
			try (var s = Files.list(dir)) {
				assertEquals(0, s.filter(p -> !p.getFileName().toString().equals(".lock")).count(), "nor a journal");
			}
		}
	}

	@Test
	void aServerWithATokenRefusesRequestsWithoutIt() throws Exception {
		try (LinkServer server = Rig.server(dir, "s3cret", MiB, 1)) {
			refused(new LinkClient(server.url(), null).get("/health"), 401, "Authorization: Bearer");
			refused(new LinkClient(server.url(), "guess").get("/health"), 401, "Authorization: Bearer");
			assertEquals(200, new LinkClient(server).get("/health").status());
		}
	}

	@Test
	void anyAddressButLoopbackNeedsAToken() {
		var e = org.junit.jupiter.api.Assertions.assertThrows(org.stemdiscovery.image.InputException.class,
			() -> new LinkConfig("0.0.0.0", 0, dir, "", MiB, 1));
		assertTrue(e.getMessage().contains("token"), e.getMessage());
		var generated = LinkConfig.of(new org.stemdiscovery.command.ServeParams("0.0.0.0", 0, dir.toString(), "", 1, 1));
		assertTrue(generated.token().length() >= 24, "a token is generated for a non-loopback bind");
		assertEquals("", LinkConfig.of(new org.stemdiscovery.command.ServeParams("127.0.0.1", 0, dir.toString(), "", 1,
			1)).token());
	}

	@Test
	void aRestartedServerResumesWithNothingLostAndTheSameNextBatch() throws Exception {
		DigitalTwin twin = rig.twin();
		String id;
		List<List<double[]>> before;
		JsonArray pending;
		try (LinkServer server = Rig.server(dir, "", MiB, 1)) {
			LinkClient c = new LinkClient(server);
			id = create(c, twin);
			before = Rig.drive(c, id, twin, 2);
			pending = c.post("/sessions/" + id + "/next", "{}").json().getAsJsonArray("points");
			// half of the batch measured, then the server goes
			List<Measurement> half = twin.acquire(Rig.requests(c.post("/sessions/" + id + "/next", "{}").json()).subList(0,
				2));
			assertEquals(200, c.post("/sessions/" + id + "/measurements", Rig.measurements(half)).status());
		}
		try (LinkServer server = Rig.server(dir, "", MiB, 1)) {
			LinkClient c = new LinkClient(server);
			JsonObject status = c.get("/sessions/" + id).json();
			assertEquals("open", status.get("state").getAsString(), status.toString());
			assertEquals(12, status.get("measurements").getAsInt());
			JsonArray again = c.post("/sessions/" + id + "/next", "{}").json().getAsJsonArray("points");
			assertEquals(pending.size() - 2, again.size());
			for (int k = 0; k < again.size(); k++)
				for (String key : List.of("id", "x", "y"))
					assertEquals(pending.get(k + 2).getAsJsonObject().get(key), again.get(k).getAsJsonObject().get(key),
						"the rest of the batch, as before");
			List<List<double[]>> after = Rig.drive(c, id, twin, 1000);
			assertSamePoints(expected.subList(3, expected.size()), after.subList(1, after.size()));
			assertSamePoints(expected.subList(0, 2), before);
		}
		try (LinkServer server = Rig.server(dir, "", MiB, 1)) { // a done session is replayed when asked about
			JsonObject report = new LinkClient(server).get("/sessions/" + id + "/report").json();
			assertEquals("done", report.get("state").getAsString());
			assertEquals(30, report.getAsJsonArray("points").size());
		}
	}

	@Test
	void aJournalThatDoesNotReplayMarksTheSessionBroken() throws Exception {
		DigitalTwin twin = rig.twin();
		String id;
		try (LinkServer server = Rig.server(dir, "", MiB, 1)) {
			LinkClient c = new LinkClient(server);
			id = create(c, twin);
			Rig.drive(c, id, twin, 1);
			c.post("/sessions/" + id + "/next", "{}");
		}
		Path journal = dir.resolve(id).resolve(Journal.FILE);
		List<String> lines = Files.readAllLines(journal);
		JsonObject batch = JsonParser.parseString(lines.get(1)).getAsJsonObject();
		batch.getAsJsonArray("points").get(0).getAsJsonArray().set(1, JsonParser.parseString("1.5"));
		lines.set(1, batch.toString());
		Files.write(journal, lines);
		Files.writeString(journal, "{\"type\": \"measurem", java.nio.file.StandardOpenOption.APPEND); // a torn last line
		try (LinkServer server = Rig.server(dir, "", MiB, 1)) {
			LinkClient c = new LinkClient(server);
			JsonObject status = c.get("/sessions/" + id).json();
			assertEquals("broken", status.get("state").getAsString());
			assertTrue(status.get("reason").getAsString().contains("line 2"), status.toString());
			refused(c.post("/sessions/" + id + "/next", "{}"), 409, "broken");
			assertEquals("aborted", c.post("/sessions/" + id + "/abort", "{}").json().getAsJsonObject("status").get(
				"state").getAsString());
		}
		assertFalse(Files.readString(journal).contains("measurem\"}"), "the torn line was cut off");
	}

	@Test
	void anAbortedSessionRefusesMoreWork() throws Exception {
		try (LinkServer server = Rig.server(dir, "", MiB, 1)) {
			LinkClient c = new LinkClient(server);
			String id = create(c, rig.twin());
			assertEquals(200, c.post("/sessions/" + id + "/abort", "{}").status());
			refused(c.post("/sessions/" + id + "/next", "{}"), 409, "aborted");
			assertNull(c.get("/sessions/" + id).error());
			assertEquals(200, c.get("/sessions/" + id + "/report").status());
		}
	}

	static void refused(LinkClient.Reply r, int status, String says) {
		assertEquals(status, r.status(), r.text());
		assertNotNull(r.error(), r.text());
		assertEquals(1, r.error().lines().count(), "one line: " + r.error());
		assertEquals(1, r.json().size(), "only the error: " + r.text());
		assertTrue(r.error().contains(says), "'" + r.error() + "' says " + says);
		assertFalse(r.text().contains("\tat "), "no stack trace");
	}
}
