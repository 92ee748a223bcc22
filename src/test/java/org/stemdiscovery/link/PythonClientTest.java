package org.stemdiscovery.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python side of the link, run by the machine's {@code python3} (standard library only): the client's own
 * unit tests with their vendor stubs, and the replay microscope driving the real server end to end, which must get
 * the same points, for the same seed, as the same experiment run in-process on the digital twin. CI installs
 * python3; elsewhere these tests are skipped without it.
 */
class PythonClientTest {

	private static final Path CLIENT = Path.of("clients", "python");

	@TempDir
	Path dir;

	private static String python() {
		for (String p : new String[] { "/usr/bin/python3", "python3" })
			try {
				Process pr = new ProcessBuilder(p, "--version").redirectErrorStream(true).start();
				if (pr.waitFor(20, TimeUnit.SECONDS) && pr.exitValue() == 0) return p;
			}
			catch (IOException | InterruptedException e) {
				// try the next
			}
		return null;
	}

	private static String run(List<String> command, int timeoutSeconds) throws Exception {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		byte[] out;
		try (var in = p.getInputStream()) {
			out = in.readAllBytes();
		}
		boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
		String text = new String(out, StandardCharsets.UTF_8);
		if (!done) {
			p.destroyForcibly();
			throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s:\n" + text);
		}
		assertEquals(0, p.exitValue(), String.join(" ", command) + " failed:\n" + text);
		return text;
	}

	@Test
	void theClientsOwnTestsPass() throws Exception {
		String py = python();
		assumeTrue(py != null, "no python3 on this machine");
		run(List.of(py, "-m", "unittest", "discover", "-s", CLIENT.resolve("tests").toString(), "-t", CLIENT.resolve(
			"tests").toString()), 300);
	}

	@Test
	void theReplayMicroscopeGetsTheInProcessTwinsPoints() throws Exception {
		String py = python();
		assumeTrue(py != null, "no python3 on this machine");
		Rig rig = new Rig(96, 2, Rig.small(30, 10, 8));
		Path frame = dir.resolve("frame.npy");
		writeNpy(frame, rig.scene.clean(), rig.scene.width(), rig.scene.height());
		try (LinkServer server = Rig.server(dir.resolve("sessions"), "", 64L << 20, 2)) {
			List<String> cmd = new ArrayList<>(List.of(py, CLIENT.resolve("examples").resolve("replay_microscope.py")
				.toString(), frame.toString(), "--url", server.url(), "--noise-free"));
			rig.settings.forEach((k, v) -> {
				cmd.add("--" + k);
				cmd.add(v.toString());
			});
			run(cmd, 300);
			LinkClient client = new LinkClient(server);
			JsonElement sessions = client.get("/sessions").json().get("sessions");
			assertEquals(1, sessions.getAsJsonArray().size());
			String id = sessions.getAsJsonArray().get(0).getAsJsonObject().get("id").getAsString();
			JsonObject report = client.get("/sessions/" + id + "/report").json();
			List<double[]> got = new ArrayList<>();
			for (JsonElement e : report.getAsJsonArray("points")) {
				JsonObject p = e.getAsJsonObject();
				got.add(new double[] { p.get("id").getAsDouble(), p.get("x_px").getAsDouble(), p.get("y_px").getAsDouble() });
			}
			List<double[]> want = new ArrayList<>();
			rig.inProcess().forEach(want::addAll);
			assertEquals(want.size(), got.size(), "measurements");
			for (int i = 0; i < want.size(); i++)
				assertEquals(List.of(want.get(i)[0], want.get(i)[1], want.get(i)[2]), List.of(got.get(i)[0], got.get(i)[1],
					got.get(i)[2]), "point " + (i + 1) + " (id, x, y)");
		}
	}

	/** A little-endian float32 .npy, as NumPy writes it (format 1.0, header padded to 64 bytes). */
	static void writeNpy(Path path, float[] pixels, int width, int height) throws IOException {
		String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + height + ", " + width + "), }";
		int total = 10 + dict.length() + 1;
		String header = dict + " ".repeat((64 - total % 64) % 64) + "\n";
		ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 4 * pixels.length).order(ByteOrder.LITTLE_ENDIAN);
		b.put(new byte[] { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0 });
		b.putShort((short) header.length());
		b.put(header.getBytes(StandardCharsets.ISO_8859_1));
		for (float v : pixels)
			b.putFloat(v);
		Files.write(path, b.array());
		assert new File(path.toString()).length() > 0;
	}
}
