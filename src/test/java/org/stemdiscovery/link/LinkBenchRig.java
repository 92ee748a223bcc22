package org.stemdiscovery.link;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.stemdiscovery.experiment.DigitalTwin;
import org.stemdiscovery.experiment.PatchRequest;

/** The work of {@code bench/LinkBench}, here because the test client and rig are package-private to the link. */
public final class LinkBenchRig {

	/** Round trips in ms. */
	public record Timings(int measuredBefore, int candidates, List<Double> next, List<Double> repeat, int measureCandidates,
		List<Double> measure) {}

	/** @param heapMiB heap held by the open sessions: used heap after a GC, less what it was before them */
	public record Crowd(int finished, int errors, double seconds, double heapMiB) {}

	private static double heapMiB() {
		Runtime rt = Runtime.getRuntime();
		for (int k = 0; k < 3; k++)
			System.gc();
		return (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
	}

	private LinkBenchRig() {}

	private static Map<String, Object> settings(int patch, int spacing, int budget, int threads, String length) {
		Map<String, Object> s = Rig.small(budget, 10, spacing);
		s.put("patch", patch);
		s.put("threads", threads);
		s.put("iterations", 200);
		s.put("length", length);
		return s;
	}

	public static Timings roundTrips(Path dir, int threads, int spacing, String length, int repeats) throws Exception {
		List<Double> next = new ArrayList<>(), repeat = new ArrayList<>(), measure = new ArrayList<>();
		int before;
		try (LinkServer server = Rig.server(dir, "", 64 << 20, threads)) {
			LinkClient c = new LinkClient(server);
			Rig rig = new Rig(271, 1, settings(16, spacing, 300 + 10 * repeats, threads, length));
			DigitalTwin twin = rig.twin();
			String id = c.post("/sessions", rig.create(twin)).json().get("id").getAsString();
			Rig.drive(c, id, twin, 30);
			before = c.get("/sessions/" + id).json().get("measurements").getAsInt();
			for (int k = 0; k < repeats; k++) {
				long t0 = System.nanoTime();
				LinkClient.Reply r = c.post("/sessions/" + id + "/next", "{}");
				next.add((System.nanoTime() - t0) / 1e6);
				t0 = System.nanoTime();
				c.post("/sessions/" + id + "/next", "{}");
				repeat.add((System.nanoTime() - t0) / 1e6);
				List<PatchRequest> batch = Rig.requests(r.json());
				if (batch.isEmpty()) break;
				c.post("/sessions/" + id + "/measurements", Rig.measurements(twin.acquire(batch)));
			}
			Rig big = new Rig(256, 2, settings(32, spacing, 10 * repeats, threads, length));
			DigitalTwin twin2 = big.twin();
			String id2 = c.post("/sessions", big.create(twin2)).json().get("id").getAsString();
			for (int k = 0; k < repeats; k++) {
				List<PatchRequest> batch = Rig.requests(c.post("/sessions/" + id2 + "/next", "{}").json());
				if (batch.size() < 10) break;
				var body = Rig.measurements(twin2.acquire(batch));
				long t0 = System.nanoTime();
				c.post("/sessions/" + id2 + "/measurements", body);
				measure.add((System.nanoTime() - t0) / 1e6);
			}
		}
		int side = 271 - 16 + 1, side2 = (256 - 32) / spacing + 1;
		return new Timings(before, (side / spacing) * (side / spacing), next, repeat, side2 * side2, measure);
	}

	public static Crowd crowd(Path dir, int threads, int sessions, int points) throws Exception {
		ExecutorService scripts = Executors.newFixedThreadPool(sessions);
		double base = heapMiB();
		long t0 = System.nanoTime();
		try (LinkServer server = Rig.server(dir, "", 64 << 20, threads)) {
			Rig rig = new Rig(256, 3, settings(16, 4, points, 1, "fit"));
			List<Future<Integer>> all = new ArrayList<>();
			for (int s = 0; s < sessions; s++)
				all.add(scripts.submit(() -> {
					LinkClient c = new LinkClient(server);
					DigitalTwin twin = rig.twin();
					String id = c.post("/sessions", rig.create(twin)).json().get("id").getAsString();
					Rig.drive(c, id, twin, 10_000);
					return c.get("/sessions/" + id).json().get("measurements").getAsInt();
				}));
			int finished = 0, errors = 0;
			for (Future<Integer> f : all)
				try {
					if (f.get() >= points) finished++;
					else errors++;
				}
				catch (Exception e) {
					errors++;
					System.out.println("a session failed: " + e);
				}
			double seconds = (System.nanoTime() - t0) / 1e9;
			return new Crowd(finished, errors, seconds, heapMiB() - base);
		}
		finally {
			scripts.shutdownNow();
		}
	}
}
