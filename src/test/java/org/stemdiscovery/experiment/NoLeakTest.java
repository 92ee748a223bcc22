package org.stemdiscovery.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stemdiscovery.sim.SyntheticImage;

/**
 * The engine sees only the survey and its own measurements: nothing of the specimen is reachable from what a
 * run returns, its dose accounting is the twin's, and changing the specimen after the twin is built changes
 * nothing the engine reports.
 */
class NoLeakTest {

	static final int SIZE = 128;
	static SyntheticImage scene;
	static float[] specimen;
	static DigitalTwin twin;
	static RecordingMicroscope scope;
	static ExperimentRun run;
	static ExperimentSettings settings = Rigs.small(20, 5, 3);

	@BeforeAll
	static void runOnce() {
		scene = Rigs.pillars(SIZE, 4);
		specimen = scene.clean().clone();
		twin = new DigitalTwin(specimen, SIZE, SIZE, 0.1, TwinSettings.defaults(), 9);
		scope = new RecordingMicroscope(twin);
		run = Rigs.run(scene, settings, scope);
	}

	/** Where a walk of the object graph from a root met each target, by identity or (for arrays) equal content. */
	static final class Walk {

		final IdentityHashMap<Object, String> seen = new IdentityHashMap<>();
		final List<String> hits = new ArrayList<>(), skipped = new ArrayList<>();

		Walk(Object root, Map<String, Object> targets) {
			Deque<Object[]> todo = new ArrayDeque<>();
			todo.add(new Object[] { root, "run" });
			while (!todo.isEmpty()) {
				Object[] e = todo.poll();
				Object o = e[0];
				String path = (String) e[1];
				if (o == null || seen.containsKey(o)) continue;
				seen.put(o, path);
				for (Map.Entry<String, Object> t : targets.entrySet()) {
					Object target = t.getValue();
					if (o == target) hits.add(t.getKey() + " itself at " + path);
					else if (o instanceof float[] f && target instanceof float[] g && Arrays.equals(f, g)) hits.add(t.getKey() +
						" (a copy) at " + path);
				}
				Class<?> c = o.getClass();
				if (c.isArray()) {
					if (!c.getComponentType().isPrimitive()) for (int i = 0; i < Array.getLength(o); i++)
						todo.add(new Object[] { Array.get(o, i), path + "[" + i + "]" });
				}
				else if (o instanceof Collection<?> col) {
					int i = 0;
					for (Object x : col)
						todo.add(new Object[] { x, path + "<" + i++ + ">" });
				}
				else if (o instanceof Map<?, ?> map) {
					for (Map.Entry<?, ?> x : map.entrySet()) {
						todo.add(new Object[] { x.getKey(), path + "{key " + x.getKey() + "}" });
						todo.add(new Object[] { x.getValue(), path + "{" + x.getKey() + "}" });
					}
				}
				else if (isJdk(c)) {
					if (!(o instanceof String || o instanceof Number || o instanceof Boolean || o instanceof Enum<?> ||
						o instanceof Character)) skipped.add(c.getName() + " at " + path);
				}
				else for (Class<?> k = c; k != null && !isJdk(k); k = k.getSuperclass())
					for (Field f : k.getDeclaredFields()) {
						if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) continue;
						try {
							f.setAccessible(true);
							todo.add(new Object[] { f.get(o), path + "." + f.getName() });
						}
						catch (RuntimeException | IllegalAccessException x) {
							skipped.add(k.getName() + "." + f.getName() + " at " + path + ": " + x);
						}
					}
			}
		}

		static boolean isJdk(Class<?> c) {
			String n = c.getName();
			return n.startsWith("java.") || n.startsWith("javax.") || n.startsWith("jdk.") || n.startsWith("sun.");
		}
	}

	static float[] yieldOf(DigitalTwin t) throws ReflectiveOperationException {
		Field f = DigitalTwin.class.getDeclaredField("yield");
		f.setAccessible(true);
		return (float[]) f.get(t);
	}

	@Test
	void nothingOfTheSpecimenIsReachableFromTheRun() throws ReflectiveOperationException {
		Map<String, Object> targets = Map.of("the specimen", specimen, "the scene's clean image", scene.clean(),
			"the twin", twin, "the twin's yield", yieldOf(twin), "the microscope", scope, "the truth mask", scene.mask());
		Walk w = new Walk(run, targets);
		assertTrue(w.hits.isEmpty(), "reachable from the run: " + w.hits);
		assertTrue(w.skipped.isEmpty(), "the walk could not look inside: " + w.skipped);
		// the walk does look: it reaches the run's own arrays
		assertTrue(w.seen.containsKey(run.survey()) && w.seen.containsKey(run.steps().get(0).values()) && w.seen
			.containsKey(run.points().get(0)), "the walk missed the run's own data (" + w.seen.size() + " objects)");
	}

	@Test
	void theRunSawOnlyWhatTheMicroscopeHandedOut() {
		assertEquals(1, scope.surveys.size());
		Frame f = scope.surveys.get(0);
		assertEquals(SIZE * SIZE, run.survey().length);
		for (int i = 0; i < run.survey().length; i++)
			assertEquals(f.pixels()[i] / f.dosePerPixel(), run.survey()[i], 1e-6 * Math.abs(run.survey()[i]) + 1e-12);
		assertEquals(settings.budget(), scope.measurements.size());
		assertEquals(settings.budget(), run.points().size());
		for (int i = 0; i < run.points().size(); i++) {
			double[] p = run.points().get(i);
			Measurement m = scope.measurements.get(i);
			assertEquals(m.id(), (int) p[0]);
			assertEquals(m.x(), p[2], 0);
			assertEquals(m.y(), p[3], 0);
		}
	}

	@Test
	void theSessionsDoseIsTheSurveyPlusTheMeasuredPatchesAndEqualsTheTwins() {
		double survey = scope.surveys.get(0).dosePerPixel();
		double[] expected = new double[SIZE * SIZE];
		Arrays.fill(expected, survey);
		for (Measurement m : scope.measurements)
			for (int y = m.top(); y < m.top() + m.size(); y++)
				for (int x = m.left(); x < m.left() + m.size(); x++)
					expected[y * SIZE + x] += m.dosePerPixel();
		DoseMap mine = run.dose(), twins = twin.delivered();
		int untouched = 0;
		for (int y = 0; y < SIZE; y++)
			for (int x = 0; x < SIZE; x++) {
				double e = expected[y * SIZE + x];
				assertEquals(e, mine.at(x, y), 1e-9 * e, "session dose at (" + x + ", " + y + ")");
				assertEquals(e, twins.at(x, y), 1e-9 * e, "twin dose at (" + x + ", " + y + ")");
				if (e == survey) untouched++;
			}
		assertTrue(untouched > 0 && untouched < SIZE * SIZE, "some but not all pixels only got the survey: " + untouched);
		assertEquals(twins.total(), mine.total(), 1e-9 * twins.total());
	}

	@Test
	void changingTheSpecimenAfterTheTwinIsBuiltChangesNothing() {
		float[] other = scene.clean().clone();
		DigitalTwin t = new DigitalTwin(other, SIZE, SIZE, 0.1, TwinSettings.defaults(), 9);
		Random r = new Random(1);
		for (int i = 0; i < other.length; i++)
			other[i] = r.nextFloat() * 100;
		ExperimentRun again = Rigs.run(scene, settings, t);
		assertArrayEquals(run.survey(), again.survey());
		assertEquals(run.points().size(), again.points().size());
		for (int i = 0; i < run.points().size(); i++)
			assertArrayEquals(run.points().get(i), again.points().get(i), "point " + i);
	}
}
