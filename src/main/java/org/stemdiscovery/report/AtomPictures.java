package org.stemdiscovery.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

import org.stemdiscovery.atoms.FoundAtom;

/** Found atoms drawn over a grey image, coloured as in Fiji: atoms yellow, bright columns red. */
public final class AtomPictures {

	public static final Color ATOM = new Color(255, 220, 0), BRIGHT = new Color(255, 40, 40), REFERENCE = new Color(0,
		200, 255);

	private AtomPictures() {}

	/**
	 * A grey picture enlarged to about 768 px with a ring per found atom and, when given, a small cyan cross
	 * per reference atom.
	 */
	public static BufferedImage overlay(float[] img, int w, int h, List<FoundAtom> atoms, List<double[]> reference) {
		int scale = Math.max(1, 768 / Math.max(w, h));
		BufferedImage out = Pictures.enlarge(Pictures.grey(img, w, h), scale);
		Graphics2D g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setStroke(new BasicStroke(Math.max(1f, scale / 2f)));
		double r = Math.max(2.5, 1.5 * scale);
		for (FoundAtom a : atoms) {
			g.setColor(a.cls() == FoundAtom.BRIGHT ? BRIGHT : ATOM);
			double cx = (a.x() + 0.5) * scale, cy = (a.y() + 0.5) * scale;
			g.drawOval((int) Math.round(cx - r), (int) Math.round(cy - r), (int) Math.round(2 * r), (int) Math.round(2 * r));
		}
		if (reference != null) {
			g.setColor(REFERENCE);
			for (double[] p : reference) {
				int cx = (int) Math.round((p[0] + 0.5) * scale), cy = (int) Math.round((p[1] + 0.5) * scale), s = (int) Math
					.round(r / 2);
				g.drawLine(cx - s, cy, cx + s, cy);
				g.drawLine(cx, cy - s, cx, cy + s);
			}
		}
		g.dispose();
		return out;
	}
}
