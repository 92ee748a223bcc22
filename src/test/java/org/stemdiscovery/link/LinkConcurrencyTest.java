package org.stemdiscovery.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.google.gson.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemdiscovery.experiment.DigitalTwin;
import org.stemdiscovery.experiment.ExperimentListener;
import org.stemdiscovery.experiment.ExperimentSession;

/**
 * Twenty instrument scripts at once, each driving its own session to the end; and a failure inside the engine is
 * a 500 with one line while the server goes on serving.
 */
class LinkConcurrencyTest {

	@TempDir
	Path dir;

	@Test
	void twentySessionsRunToTheEndAtOnce() throws Exception {
		int sessions = 20;
		Rig rig = new Rig(128, 11, Rig.small(120, 10, 4));
		long t0 = System.nanoTime();
		ExecutorService scripts = Executors.newFixedThreadPool(sessions);
		try (LinkServer server = Rig.server(dir, "", 8 << 20, 4)) {
			List<Future<Integer>> done = new ArrayList<>();
			for (int s = 0; s < sessions; s++)
				done.add(scripts.submit(() -> {
					LinkClient c = new LinkClient(server);
					DigitalTwin twin = rig.twin();
					LinkClient.Reply r = c.post("/sessions", rig.create(twin));
					assertEquals(201, r.status(), r.text());
					String id = r.json().get("id").getAsString();
					Rig.drive(c, id, twin, 1000);
					JsonObject status = c.get("/sessions/" + id).json();
					assertEquals("done", status.get("state").getAsString(), status.toString());
					return status.get("measurements").getAsInt();
				}));
			List<Integer> measured = new ArrayList<>();
			for (Future<Integer> f : done)
				measured.add(f.get());
			System.out.printf("LinkConcurrencyTest: %d sessions, measurements %s, %.1f s%n", sessions, measured, (System
				.nanoTime() - t0) / 1e9);
			assertEquals(sessions, server.sessions());
			for (int m : measured)
				assertTrue(m >= 100, "every session measured at least 100 points: " + measured);
		}
		finally {
			scripts.shutdownNow();
		}
	}

	@Test
	void anUnexpectedFailureIsA500InOneLineAndTheServerGoesOn() throws Exception {
		Rig rig = new Rig(64, 1, Rig.small(10, 5, 8));
		ExperimentListener failing = new ExperimentListener() {
			@Override
			public void surveyed(ExperimentSession session) {
				throw new IllegalStateException("a live view that fails\nover two lines");
			}
		};
		int[] calls = { 0 };
		try (LinkServer server = new LinkServer(new LinkConfig("127.0.0.1", 0, dir, "", 8 << 20, 1), LinkLog.NONE,
			id -> calls[0]++ == 0 ? failing : null)) {
			server.start();
			LinkClient c = new LinkClient(server);
			LinkClient.Reply r = c.post("/sessions", rig.create(rig.twin()));
			LinkServerTest.refused(r, 500, "unexpected failure: java.lang.IllegalStateException: a live view that fails");
			assertEquals(201, c.post("/sessions", rig.create(rig.twin())).status(), "the server goes on");
			assertEquals(1, server.sessions());
		}
	}
}
