package org.stemdiscovery.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GridTest {

	@Test
	void windowsThatFitAreCountedAsNumpySlidingWindowView() {
		// numpy: ((H - w) // s + 1, (W - w) // s + 1)
		Grid g = Grid.ofWindows(256, 200, 32, 8);
		assertEquals((256 - 32) / 8 + 1, g.cols());
		assertEquals((200 - 32) / 8 + 1, g.rows());
		assertEquals(g.cols() * g.rows(), g.size());
	}

	@Test
	void windowCentresMapToTheMiddleOfTheirPixels() {
		Grid g = Grid.ofWindows(100, 100, 32, 10);
		// Window (row 2, col 3) covers columns 30..61 and rows 20..51: centre 45.5, 35.5.
		assertEquals(45.5, g.centreX(3));
		assertEquals(35.5, g.centreY(2));
		int i = g.index(2, 3);
		assertEquals(2, g.row(i));
		assertEquals(3, g.col(i));
		assertEquals(30, g.left(3));
		assertEquals(20, g.top(2));
	}

	@Test
	void propertiesRoundTrip() {
		Grid g = new Grid(3, 5, 7, 16, 4, 6, 60, 60);
		assertEquals(g, Grid.fromProperties(g.toProperties()));
		assertTrue(Grid.isIn(g.toProperties()));
	}

	@Test
	void badGeometryIsExplained() {
		InputException e = assertThrows(InputException.class, () -> Grid.ofWindows(64, 64, 96, 8));
		assertTrue(e.getMessage().contains("96 px is larger than the 64 x 64 px image"), e.getMessage());
		assertTrue(e.getMessage().contains("at most 64"), e.getMessage());
		assertTrue(assertThrows(InputException.class, () -> Grid.ofWindows(64, 64, 16, 0)).getMessage()
			.contains("step 0"));
		var p = new Grid(0, 0, 8, 16, 3, 3, 40, 40).toProperties();
		p.remove(Grid.KEY_PREFIX + "step");
		assertTrue(assertThrows(InputException.class, () -> Grid.fromProperties(p)).getMessage()
			.contains("Sliding FFT Stack"));
	}
}
