package org.stemdiscovery.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.stemdiscovery.command.ExperimentParams;
import org.stemdiscovery.experiment.DigitalTwin;
import org.stemdiscovery.experiment.ExperimentSession;
import org.stemdiscovery.experiment.ExperimentSettings;
import org.stemdiscovery.experiment.Frame;
import org.stemdiscovery.experiment.Measurement;
import org.stemdiscovery.experiment.PatchRequest;
import org.stemdiscovery.experiment.TwinSettings;
import org.stemdiscovery.image.Progress;
import org.stemdiscovery.sim.PillarScene;
import org.stemdiscovery.sim.SyntheticImage;

/**
 * A small experiment for the link's tests: a noise-free digital twin of a pillar scene plays the instrument, a
 * client drives the server with it, and the same settings run in-process give the points to expect.
 */
final class Rig {

	final SyntheticImage scene;
	final Map<String, Object> settings;

	Rig(int side, long seed, Map<String, Object> settings) {
		this.scene = PillarScene.defaults().generate(side, side, seed);
		this.settings = settings;
	}

	/** Workflow 1, 16 px patches, 1 thread: quick on two cores. */
	static Map<String, Object> small(int budget, int batch, int spacing) {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("workflow", "1");
		s.put("patch", 16);
		s.put("spacing", spacing);
		s.put("budget", budget);
		s.put("batch", batch);
		s.put("seed", 3);
		s.put("iterations", 60);
		s.put("threads", 1);
		return s;
	}

	static LinkServer server(Path sessions, String token, long maxBody, int threads) throws Exception {
		LinkServer s = new LinkServer(new LinkConfig("127.0.0.1", 0, sessions, token, maxBody, threads), LinkLog.NONE,
			null);
		s.start();
		return s;
	}

	DigitalTwin twin() {
		return new DigitalTwin(scene.clean().clone(), scene.width(), scene.height(), Double.NaN, TwinSettings.defaults()
			.withNoiseFree(true), 1);
	}

	ExperimentParams params() {
		return ExperimentParams.from(ExperimentParams.SPEC.parse(settings));
	}

	/** The request that starts a session on the twin's survey. */
	JsonObject create(DigitalTwin twin) {
		Frame f = twin.survey(params().settings().surveyDwellUs());
		JsonObject survey = Array2d.encode(f.pixels(), f.height(), f.width());
		survey.addProperty("dose", f.dosePerPixel());
		JsonObject body = new JsonObject();
		body.add("survey", survey);
		JsonObject s = new JsonObject();
		settings.forEach((k, v) -> {
			if (v instanceof Number n) s.addProperty(k.replace('-', '_'), n);
			else s.addProperty(k.replace('-', '_'), v.toString());
		});
		body.add("settings", s);
		return body;
	}

	/** Every batch the in-process session issues, as [id, x, y] per point. */
	List<List<double[]>> inProcess() {
		DigitalTwin twin = twin();
		ExperimentParams p = params();
		ExperimentSettings st = p.settings();
		List<List<double[]>> out = new ArrayList<>();
		try (ExperimentSession s = new ExperimentSession(st, scene.width(), scene.height(), Double.NaN)) {
			s.begin(twin.survey(st.surveyDwellUs()), p.fitter(), Progress.NONE);
			for (List<PatchRequest> b = s.next(); !b.isEmpty(); b = s.next()) {
				out.add(points(b));
				s.measure(twin.acquire(b), Progress.NONE);
			}
		}
		return out;
	}

	static List<double[]> points(List<PatchRequest> batch) {
		List<double[]> out = new ArrayList<>();
		for (PatchRequest r : batch)
			out.add(new double[] { r.id(), r.x(), r.y() });
		return out;
	}

	/** The points of a {@code next} answer as patch requests. */
	static List<PatchRequest> requests(JsonObject next) {
		List<PatchRequest> out = new ArrayList<>();
		for (JsonElement e : next.getAsJsonArray("points")) {
			JsonObject p = e.getAsJsonObject();
			out.add(new PatchRequest(p.get("id").getAsInt(), p.get("x").getAsDouble(), p.get("y").getAsDouble(), p.get(
				"patch").getAsInt(), p.get("dwell_us").getAsDouble()));
		}
		return out;
	}

	/** The body of {@code measurements} for what the twin measured. */
	static JsonObject measurements(List<Measurement> ms) {
		JsonArray a = new JsonArray();
		for (Measurement m : ms)
			a.add(measurement(m));
		JsonObject body = new JsonObject();
		body.add("measurements", a);
		return body;
	}

	static JsonObject measurement(Measurement m) {
		JsonObject o = new JsonObject();
		o.addProperty("id", m.id());
		o.add("patch", Array2d.encode(m.pixels(), m.size(), m.size()));
		o.addProperty("x", m.x());
		o.addProperty("y", m.y());
		o.addProperty("dose", m.dosePerPixel());
		o.addProperty("seconds", m.seconds());
		return o;
	}

	/**
	 * Drives a session to the end (or for {@code maxBatches}); returns the batches issued. Each batch is measured by
	 * the twin and posted.
	 */
	static List<List<double[]>> drive(LinkClient c, String id, DigitalTwin twin, int maxBatches) {
		List<List<double[]>> out = new ArrayList<>();
		for (int k = 0; k < maxBatches; k++) {
			LinkClient.Reply next = c.post("/sessions/" + id + "/next", "{}");
			assertEquals(200, next.status(), next.text());
			List<PatchRequest> batch = requests(next.json());
			if (batch.isEmpty()) break;
			out.add(points(batch));
			LinkClient.Reply m = c.post("/sessions/" + id + "/measurements", measurements(twin.acquire(batch)));
			assertEquals(200, m.status(), m.text());
		}
		return out;
	}
}
