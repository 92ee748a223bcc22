package org.stemdiscovery.link;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.stemdiscovery.command.ExperimentParams;
import org.stemdiscovery.command.ExperimentTask;
import org.stemdiscovery.experiment.ExperimentListener;
import org.stemdiscovery.experiment.ExperimentRun;
import org.stemdiscovery.experiment.ExperimentSession;
import org.stemdiscovery.experiment.ExperimentStep;
import org.stemdiscovery.experiment.Frame;
import org.stemdiscovery.experiment.Measurement;
import org.stemdiscovery.experiment.PatchRequest;
import org.stemdiscovery.experiment.ScanTiming;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.image.Progress;

/**
 * One session of the microscope link: an {@link ExperimentSession} behind a lock (one request at a time; other
 * sessions run meanwhile), its journal, and the protocol's rules on top — ids never issued are a 409, ids measured
 * before are ignored, a refused request changes nothing, every accepted change is in the journal before the answer.
 *
 * <p>A restarted server {@link #resume}s a session by replaying its journal through a fresh engine and checking that
 * every batch comes out as the journal has it; if one does not, the session is <em>broken</em>: it keeps its
 * journal and answers status and report, but issues no points, rather than steer an instrument by a different
 * history. Sessions that had ended (done or aborted) are replayed only when first asked about.
 */
final class LinkSession implements AutoCloseable {

	enum State {
		OPEN, DONE, ABORTED, BROKEN;

		String wire() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	private final String id;
	private final Path dir;
	private final Supplier<ExperimentListener> views;
	private final ReentrantLock lock = new ReentrantLock();
	private final Set<Integer> measured = new HashSet<>();
	private ExperimentListener listener;
	private SessionStart start;
	private ExperimentParams params;
	private ExperimentSession session;
	private Journal journal;
	private State state = State.OPEN;
	private String reason;
	private int lastIssued;
	private boolean loaded;

	private LinkSession(String id, Path dir, Supplier<ExperimentListener> views) {
		this.id = id;
		this.dir = dir;
		this.views = views;
	}

	/** A new session from {@code POST /v1/sessions}: the survey fitted, the journal's first line written. */
	static LinkSession create(String id, Path dir, JsonBody body, Supplier<ExperimentListener> views) {
		SessionStart start = SessionStart.fromRequest(body);
		LinkSession s = new LinkSession(id, dir, views);
		try {
			s.open(start);
		}
		catch (InputException e) { // the survey does not suit the settings (too small for a patch, no such map)
			s.close();
			throw LinkException.unprocessable(e.getMessage());
		}
		catch (RuntimeException e) { // any other failure: the fitted model and atom finder are closed all the same
			s.close();
			throw e;
		}
		try {
			s.journal = Journal.create(dir);
			s.journal.write(start.toJson(id));
		}
		catch (IOException | java.io.UncheckedIOException e) {
			s.close();
			throw new java.io.UncheckedIOException("cannot start the journal in " + dir + ": " + e.getMessage(),
				e instanceof IOException io ? io : ((java.io.UncheckedIOException) e).getCause());
		}
		s.loaded = true;
		return s;
	}

	/** A session from its journal: replayed now when it was open, on first request when it had ended. */
	static LinkSession resume(String id, Path dir, Supplier<ExperimentListener> views) {
		LinkSession s = new LinkSession(id, dir, views);
		try {
			List<JsonObject> lines = Journal.read(dir.resolve(Journal.FILE));
			String last = lines.isEmpty() ? "" : type(lines.get(lines.size() - 1));
			if (last.equals("abort") || last.equals("done")) s.state = last.equals("abort") ? State.ABORTED : State.DONE;
			else s.replay(lines);
		}
		catch (IOException | RuntimeException e) {
			s.broken("its journal cannot be read: " + JsonBody.oneLine(e.getMessage()));
			s.loaded = true;
		}
		return s;
	}

	private void open(SessionStart st) {
		this.start = st;
		this.params = st.params();
		this.listener = views.get();
		// GP maps of every step are kept only for a live view; a headless server's sessions stay small
		// With survey binning N the survey is the coarse scan and the field N times its size (PROTOCOL.md)
		int b = params.surveyBinning();
		this.session = new ExperimentSession(params.settings(), st.width() * b, st.height() * b, st.pixelSizeNm())
			.keepMaps(listener != null);
		session.begin(new Frame(st.survey(), st.width(), st.height(), st.pixelSizeNm(), st.surveyDose(), 0, b), params
			.fitter(), Progress.NONE);
		if (listener != null) listener.surveyed(session);
	}

	private void replay(List<JsonObject> lines) throws IOException {
		loaded = true;
		if (lines.isEmpty() || !type(lines.get(0)).equals("create")) throw new IOException("its first line is not the " +
			"session's start");
		open(SessionStart.fromJson(lines.get(0)));
		for (int n = 1; n < lines.size() && state != State.BROKEN; n++) {
			JsonObject line = lines.get(n);
			switch (type(line)) {
				case "batch" -> checkBatch(line.getAsJsonArray("points"), n + 1);
				case "measurements" -> {
					List<Measurement> ms = new ArrayList<>();
					for (JsonElement e : line.getAsJsonArray("measurements"))
						ms.add(fromJournal(e.getAsJsonObject()));
					take(ms);
				}
				case "abort" -> state = State.ABORTED;
				case "done" -> {}
				default -> throw new IOException("line " + (n + 1) + " has an unknown type '" + type(line) + "'");
			}
		}
		if (state == State.OPEN && session.done()) state = State.DONE;
		if (type(lines.get(lines.size() - 1)).equals("abort")) state = State.ABORTED;
		journal = Journal.append(dir.resolve(Journal.FILE));
	}

	/** The engine must issue the batch the journal recorded, point for point. */
	private void checkBatch(JsonArray recorded, int line) {
		List<PatchRequest> again = session.next();
		boolean same = again.size() == recorded.size();
		for (int k = 0; same && k < again.size(); k++) {
			JsonArray p = recorded.get(k).getAsJsonArray();
			PatchRequest r = again.get(k);
			same = r.id() == p.get(0).getAsInt() && r.x() == p.get(1).getAsDouble() && r.y() == p.get(2).getAsDouble();
		}
		if (!same) {
			broken("replaying its journal issued " + brief(again) + " where line " + line + " has " + recorded +
				" (another engine version, or a damaged journal); it issues no more points, its journal is kept");
			return;
		}
		for (PatchRequest r : again)
			lastIssued = Math.max(lastIssued, r.id());
	}

	private static String brief(List<PatchRequest> batch) {
		List<String> out = new ArrayList<>();
		for (PatchRequest r : batch)
			out.add("[" + r.id() + "," + r.x() + "," + r.y() + "]");
		return out.toString().replace(" ", "");
	}

	/**
	 * Writes a journal line; if the disk refuses it, the session in memory is ahead of its journal, so it is
	 * marked broken (a retry would otherwise be told its measurements were taken, though they are not on disk).
	 */
	private void record(JsonObject line) {
		try {
			journal.write(line);
		}
		catch (java.io.UncheckedIOException e) {
			broken("its journal could not be written: " + e.getMessage());
			throw e;
		}
	}

	private void broken(String why) {
		state = State.BROKEN;
		reason = why;
	}

	/** Replays an ended session the first time it is asked about; the caller holds the lock. */
	private void load() {
		if (loaded) return;
		try {
			replay(Journal.read(dir.resolve(Journal.FILE)));
		}
		catch (IOException | RuntimeException e) {
			broken("its journal cannot be replayed: " + JsonBody.oneLine(e.getMessage()));
		}
	}

	private void refuseIfEnded() {
		if (state == State.ABORTED) throw LinkException.conflict("session " + id + " was aborted; start a new one");
		if (state == State.BROKEN) throw LinkException.conflict("session " + id + " is broken: " + reason);
	}

	// --- the operations, each under the session's lock ---

	NextBatch next() {
		lock.lock();
		try {
			load();
			refuseIfEnded();
			List<PatchRequest> batch = session.next();
			if (!batch.isEmpty() && batch.get(0).id() > lastIssued) { // a new batch, not a repeat: journal it first
				JsonObject line = new JsonObject();
				line.addProperty("type", "batch");
				JsonArray pts = new JsonArray();
				for (PatchRequest r : batch) {
					JsonArray p = new JsonArray();
					p.add(r.id());
					p.add(r.x());
					p.add(r.y());
					pts.add(p);
				}
				line.add("points", pts);
				record(line);
				for (PatchRequest r : batch)
					lastIssued = Math.max(lastIssued, r.id());
			}
			return answer(batch);
		}
		finally {
			lock.unlock();
		}
	}

	private NextBatch answer(List<PatchRequest> batch) {
		int w = session.width(), h = session.height();
		double nm = start.pixelSizeNm(), seconds = 0;
		ScanTiming timing = session.settings().timing();
		List<Point> points = new ArrayList<>(batch.size());
		for (int k = 0; k < batch.size(); k++) {
			PatchRequest r = batch.get(k);
			points.add(new Point(r.id(), k, r.x(), r.y(), Double.isNaN(nm) ? null : r.x() * nm, Double.isNaN(nm) ? null
				: r.y() * nm, (r.y() + 0.5) / h, (r.x() + 0.5) / w, r.size(), r.dwellUs()));
			double move = k == 0 ? 0 : Math.hypot(r.x() - batch.get(k - 1).x(), r.y() - batch.get(k - 1).y());
			seconds += timing.patchSeconds(move, r.size(), r.dwellUs());
		}
		int p = session.settings().patch();
		return new NextBatch(points, seconds, batch.size() * (double) p * p * start.measurementDose(), batch.isEmpty());
	}

	MeasureReceipt measure(JsonBody body) {
		lock.lock();
		try {
			load();
			refuseIfEnded();
			int patch = session.settings().patch();
			Map<Integer, PatchRequest> pending = new HashMap<>();
			if (session.pending() > 0) for (PatchRequest r : session.next())
				pending.put(r.id(), r);
			List<Integer> ignored = new ArrayList<>();
			List<Measurement> fresh = new ArrayList<>();
			Set<Integer> seen = new HashSet<>();
			// every check before anything is taken: a refused request leaves the session as it was
			for (JsonElement e : body.array("measurements")) {
				if (!e.isJsonObject()) throw LinkException.badRequest("each of 'measurements' must be an object {id, patch}");
				JsonBody m = new JsonBody(e.getAsJsonObject(), "a measurement");
				int pid = m.integer("id");
				if (pid < 1 || pid > lastIssued) throw LinkException.conflict("point " + pid + " was never issued by " +
					"session " + id + " (it has issued 1 to " + lastIssued + "); measure only the points next returned");
				if (measured.contains(pid) || !seen.add(pid)) {
					ignored.add(pid);
					continue;
				}
				JsonBody pb = m.object("patch");
				Array2d a = Array2d.decode(new JsonBody(pb.object(), "the patch of point " + pid));
				if (a.rows() != patch || a.cols() != patch) throw LinkException.unprocessable("the patch of point " + pid +
					" has shape [" + a.rows() + ", " + a.cols() + "]; the session measures [" + patch + ", " + patch + "]");
				PatchRequest r = pending.get(pid);
				double x = m.number("x", r.x()), y = m.number("y", r.y());
				if (!Double.isFinite(x) || !Double.isFinite(y)) throw LinkException.unprocessable("point " + pid +
					" was measured at (" + x + ", " + y + "); send finite pixel positions");
				double dose = m.number("dose", Double.isNaN(a.dose()) ? start.measurementDose() : a.dose());
				if (!(dose > 0) || Double.isInfinite(dose)) throw LinkException.unprocessable("point " + pid + " has dose " +
					dose + "; electrons per pixel must be positive and finite");
				fresh.add(new Measurement(pid, (int) Math.round(x - (patch - 1) / 2.0), (int) Math.round(y - (patch - 1) /
					2.0), patch, a.values(), dose, m.number("seconds", 0)));
			}
			List<Integer> accepted = new ArrayList<>();
			ExperimentStep step = null;
			LinkException refused = null;
			try {
				for (Measurement m : fresh) {
					ExperimentStep s;
					try {
						s = session.measure(List.of(m), Progress.NONE);
					}
					catch (InputException e) { // a finite patch the model cannot turn into a value
						refused = LinkException.unprocessable(e.getMessage() + (accepted.isEmpty() ? "" : "; points " +
							accepted + " before it were accepted"));
						break;
					}
					accepted.add(m.id());
					measured.add(m.id());
					if (s != null) step = s;
				}
			}
			catch (RuntimeException e) { // the engine failed half-way: its state is no longer what the journal says
				broken("an unexpected failure while measuring: " + e);
				throw e;
			}
			if (!accepted.isEmpty()) record(measurementsLine(fresh.subList(0, accepted.size())));
			if (step != null && listener != null) listener.stepped(session, step);
			if (state == State.OPEN && session.done()) {
				JsonObject done = new JsonObject();
				done.addProperty("type", "done");
				record(done);
				state = State.DONE;
			}
			if (refused != null) throw refused;
			return new MeasureReceipt(accepted, ignored, step == null ? null : StepSummary.of(step), status());
		}
		finally {
			lock.unlock();
		}
	}

	/** Takes measurements read back from the journal. */
	private void take(List<Measurement> ms) {
		for (Measurement m : ms) {
			ExperimentStep s = session.measure(List.of(m), Progress.NONE);
			measured.add(m.id());
			if (s != null && listener != null) listener.stepped(session, s);
		}
	}

	private static JsonObject measurementsLine(List<Measurement> ms) {
		JsonObject line = new JsonObject();
		line.addProperty("type", "measurements");
		JsonArray a = new JsonArray();
		for (Measurement m : ms) {
			JsonObject o = new JsonObject();
			o.addProperty("id", m.id());
			o.addProperty("left", m.left());
			o.addProperty("top", m.top());
			o.addProperty("dose", m.dosePerPixel());
			o.addProperty("seconds", m.seconds());
			o.add("patch", Array2d.encode(m.pixels(), m.size(), m.size()));
			a.add(o);
		}
		line.add("measurements", a);
		return line;
	}

	private static Measurement fromJournal(JsonObject o) {
		Array2d a = Array2d.decode(new JsonBody(o.getAsJsonObject("patch"), "a journal patch"));
		return new Measurement(o.get("id").getAsInt(), o.get("left").getAsInt(), o.get("top").getAsInt(), a.rows(), a
			.values(), o.get("dose").getAsDouble(), o.get("seconds").getAsDouble());
	}

	SessionStatus abort() {
		lock.lock();
		try {
			load();
			if (state != State.ABORTED) {
				JsonObject line = new JsonObject();
				line.addProperty("type", "abort");
				if (journal != null) record(line);
				state = State.ABORTED;
			}
			return status();
		}
		finally {
			lock.unlock();
		}
	}

	SessionStatus status() {
		lock.lock();
		try {
			load();
			if (session == null || session.surveyFit() == null) return new SessionStatus(id, state.wire(), 0, 0, 0, 0, 0,
				null, null, reason);
			return new SessionStatus(id, state.wire(), session.measured(), session.settings().budget(), session.pending(),
				session.steps().size(), session.electrons(), session.surveyFit().model().names().get(session.target()),
				params.workflow(), reason);
		}
		finally {
			lock.unlock();
		}
	}

	/** The experiment's run.json record for this session, with its steps and points. */
	Map<String, Object> report() {
		lock.lock();
		try {
			load();
			if (session == null || session.surveyFit() == null) throw LinkException.conflict("session " + id +
				" has no report: " + reason);
			ExperimentRun run = ExperimentRun.of(session, start.measurementDose(), null, null, null, null, 0);
			Map<String, Object> r = new LinkedHashMap<>(ExperimentTask.metadata(run, "microscope link session " + id));
			r.put("session", id);
			r.put("state", state.wire());
			r.put("parameters", start.settings().map());
			r.put("steps", ExperimentTask.steps(run).records());
			r.put("points", ExperimentTask.points(run).records());
			return r;
		}
		finally {
			lock.unlock();
		}
	}

	String id() {
		return id;
	}

	private static String type(JsonObject line) {
		JsonElement t = line.get("type");
		return t == null || !t.isJsonPrimitive() ? "" : t.getAsString();
	}

	@Override
	public void close() {
		lock.lock();
		try {
			if (session != null) session.close();
			if (journal != null) journal.close();
		}
		catch (IOException e) {
			// closing a forced journal loses nothing
		}
		finally {
			lock.unlock();
		}
	}
}
