package org.stemdiscovery.workflow;

import java.util.List;
import java.util.Map;

import org.stemdiscovery.image.Grid;
import org.stemdiscovery.image.InputException;

/**
 * What the descriptor stage of a workflow hands to the experiment: a few maps over the image (abundances
 * or latent maps), each {@code grid.cols() × grid.rows()} values at the grid's cell centres, one of which
 * becomes the target.
 *
 * @param maps    {@code count} maps back to back, row-major
 * @param names   one name per map ("NMF component 2", "z1")
 * @param details what the stage wants recorded in the run record (method, error, …)
 */
public record CandidateMaps(String description, float[] maps, int count, Grid grid, List<String> names,
	Map<String, Object> details) {

	public CandidateMaps {
		if (maps.length != count * grid.size()) throw new IllegalArgumentException(maps.length + " values for " + count +
			" maps of " + grid.size());
		if (names.size() != count) throw new IllegalArgumentException(names.size() + " names for " + count + " maps");
		names = List.copyOf(names);
		details = Map.copyOf(details);
	}

	public int width() {
		return grid.cols();
	}

	public int height() {
		return grid.rows();
	}

	/** A copy of map {@code index} (0-based). */
	public float[] map(int index) {
		if (index < 0 || index >= count) throw new InputException("map " + (index + 1) + " does not exist; choose 1 to " +
			count + " (or 0 for automatic)");
		float[] out = new float[grid.size()];
		System.arraycopy(maps, index * grid.size(), out, 0, grid.size());
		return out;
	}
}
