package org.stemdiscovery.vae;

import org.stemdiscovery.torch.TorchEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import org.stemdiscovery.image.InputException;
import org.stemdiscovery.io.Json;

/**
 * A trained rVAE on disk: a folder with {@value #JSON} (format, architecture, data scaling, training settings,
 * parameter names and shapes) and {@value #PARAMS} (the parameters in DJL's NDList encoding, float32, exact).
 */
public final class RvaeFile {

	public static final String JSON = "rvae.json", PARAMS = "rvae.params";
	static final String FORMAT = "stemdiscovery-rvae";
	static final int VERSION = 1;

	private RvaeFile() {}

	/** Writes {@code model} into {@code dir} (created if needed); {@code training} may be null. */
	public static void save(Rvae model, RvaeTraining training, Path dir) throws IOException {
		Files.createDirectories(dir);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("format", FORMAT);
		json.put("version", VERSION);
		json.put("architecture", model.architecture().toMap());
		json.put("offset", (double) model.offset());
		json.put("scale", (double) model.scale());
		if (training != null) json.put("training", training.toMap());
		List<Object> params = new ArrayList<>();
		for (Map.Entry<String, long[]> e : model.shapes().entrySet()) {
			Map<String, Object> p = new LinkedHashMap<>();
			p.put("name", e.getKey());
			// a list of numbers: a bare long[] was once written as its Java object id ("[J@2bbaf4f0")
			p.put("shape", Arrays.stream(e.getValue()).boxed().toList());
			params.add(p);
		}
		json.put("parameters", params);
		NDList list = new NDList();
		for (Map.Entry<String, NDArray> e : model.params().entrySet()) {
			NDArray a = e.getValue().duplicate();
			a.setName(e.getKey());
			list.add(a);
		}
		byte[] bytes = list.encode();
		list.close();
		Files.write(dir.resolve(PARAMS), bytes);
		Files.writeString(dir.resolve(JSON), Json.write(json));
	}

	/** Reads a model saved by {@link #save}; anything else is an {@link InputException} saying what is wrong. */
	public static Rvae load(Path dir) {
		return load(dir, 0);
	}

	/**
	 * As {@link #load(Path)} on {@code threads} PyTorch threads (0: the default for training). The recorded
	 * shapes are descriptive only (the architecture decides them), so files that recorded them as Java object
	 * ids load as well.
	 */
	public static Rvae load(Path dir, int threads) {
		Path jsonPath = dir.resolve(JSON), paramPath = dir.resolve(PARAMS);
		String source = "the model " + dir;
		Map<String, Object> json;
		byte[] bytes;
		try {
			json = Json.parseObject(Files.readString(jsonPath));
			bytes = Files.readAllBytes(paramPath);
		}
		catch (NoSuchFileException e) {
			throw new InputException(source + " lacks " + Path.of(e.getFile()).getFileName() +
				"; choose the folder that Train rVAE saved (it holds " + JSON + " and " + PARAMS + ")");
		}
		catch (IOException e) {
			throw new InputException("cannot read " + source + ": " + e.getMessage());
		}
		catch (RuntimeException e) {
			throw new InputException(jsonPath + " is not a model description (" + e.getMessage() +
				"); choose the folder that Train rVAE saved");
		}
		if (!FORMAT.equals(json.get("format"))) throw new InputException(jsonPath +
			" is not an rVAE model of STEM Discovery; choose the folder that Train rVAE saved");
		Object version = json.get("version");
		if (!(version instanceof Number v) || v.intValue() != VERSION) throw new InputException(source +
			" has format version " + version + "; this plugin reads version " + VERSION + ": train the model again");
		Object a = json.get("architecture");
		if (!(a instanceof Map<?, ?>)) throw new InputException(source + " has no architecture; train the model again");
		@SuppressWarnings("unchecked")
		RvaeArchitecture arch = RvaeArchitecture.fromMap((Map<String, Object>) a, source);
		Map<String, float[]> values = new LinkedHashMap<>();
		try (NDManager m = TorchEngine.newManager(TorchEngine.Work.TRAINING, threads)) {
			NDList list;
			try {
				list = NDList.decode(m, bytes);
			}
			catch (RuntimeException e) {
				throw new InputException(paramPath + " is damaged (" + e.getMessage() + "); train the model again");
			}
			for (NDArray p : list)
				values.put(p.getName(), p.toFloatArray());
		}
		return Rvae.of(arch, number(json, "offset", source), number(json, "scale", source), values, source, threads);
	}

	private static float number(Map<String, Object> json, String key, String source) {
		if (json.get(key) instanceof Number n) return n.floatValue();
		throw new InputException(source + " lacks its data scaling '" + key + "'; train the model again");
	}
}
