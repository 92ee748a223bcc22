package org.stemdiscovery.link;

import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import org.stemdiscovery.command.ExperimentParams;
import org.stemdiscovery.command.Values;
import org.stemdiscovery.image.InputException;
import org.stemdiscovery.io.Json;

/**
 * What a session starts from, resolved: the survey, its dose per pixel, the pixel size and every setting (defaults
 * written out). The journal keeps this rather than the request, so a resumed session does not change when a
 * later version changes a default or the way a request is read.
 *
 * @param surveyDose  electrons per pixel of the survey
 * @param pixelSizeNm nm per pixel; NaN when nobody said
 */
record SessionStart(float[] survey, int width, int height, double surveyDose, double pixelSizeNm, Values settings) {

	/** Electrons per pA·µs: 10⁻¹⁸ C / e. */
	static final double ELECTRONS_PER_PA_US = 6.241509074460763;

	ExperimentParams params() {
		return ExperimentParams.from(settings);
	}

	/** Electrons per pixel of a measurement at the session's dwell and current, when the client gives no dose. */
	double measurementDose() {
		ExperimentParams p = params();
		return p.current() * p.dwell() * ELECTRONS_PER_PA_US;
	}

	/** From {@code POST /v1/sessions}; a bad setting is a 400, a bad survey a 400 or 422. */
	static SessionStart fromRequest(JsonBody body) {
		Map<String, Object> given = new LinkedHashMap<>();
		if (body.has("settings")) for (Map.Entry<String, JsonElement> e : body.object("settings").object().entrySet())
			given.put(e.getKey().replace('_', '-'), scalar(e.getKey(), e.getValue()));
		Values settings;
		try {
			settings = ExperimentParams.SPEC.parse(given);
		}
		catch (InputException e) {
			throw LinkException.badRequest("settings: " + e.getMessage() + " (write - as _)");
		}
		ExperimentParams p = ExperimentParams.from(settings);
		Array2d survey = Array2d.decode(body.object("survey"));
		double nm = body.number("pixel_size_nm", p.pixelSize());
		if (!Double.isNaN(nm) && !(nm > 0 && Double.isFinite(nm))) throw LinkException.badRequest("pixel_size_nm " + nm +
			" must be positive (or left out)");
		double dwell = body.number("survey_dwell_us", p.surveyDose() * p.dwell());
		if (!(dwell > 0) || Double.isInfinite(dwell)) throw LinkException.badRequest("survey_dwell_us " + dwell +
			" must be positive");
		double dose = Double.isNaN(survey.dose()) ? p.current() * dwell * ELECTRONS_PER_PA_US : survey.dose();
		return new SessionStart(survey.values(), survey.cols(), survey.rows(), dose, nm, settings);
	}

	private static Object scalar(String key, JsonElement e) {
		if (e.isJsonNull()) return null;
		if (!e.isJsonPrimitive()) throw LinkException.badRequest("settings: '" + key + "' must be a number, a word or " +
			"true/false");
		JsonPrimitive p = e.getAsJsonPrimitive();
		return p.isBoolean() ? p.getAsBoolean() : p.isNumber() ? (Object) p.getAsDouble() : p.getAsString();
	}

	/** The journal's first line. */
	JsonObject toJson(String id) {
		JsonObject o = new JsonObject();
		o.addProperty("type", "create");
		o.addProperty("protocol", LinkServer.PROTOCOL);
		o.addProperty("id", id);
		o.add("survey", Array2d.encode(survey, height, width));
		o.addProperty("survey_dose", surveyDose);
		if (!Double.isNaN(pixelSizeNm)) o.addProperty("pixel_size_nm", pixelSizeNm);
		o.add("settings", com.google.gson.JsonParser.parseString(Json.write(settings.map())));
		return o;
	}

	static SessionStart fromJson(JsonObject o) {
		JsonBody b = new JsonBody(o, "the journal's create line");
		Array2d survey = Array2d.decode(b.object("survey"));
		Values settings = ExperimentParams.SPEC.parse(Json.parseObject(b.object("settings").object().toString()));
		return new SessionStart(survey.values(), survey.cols(), survey.rows(), b.number("survey_dose"), b.number(
			"pixel_size_nm", Double.NaN), settings);
	}
}
