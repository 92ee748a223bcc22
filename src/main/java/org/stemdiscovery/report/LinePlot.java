package org.stemdiscovery.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** A small line plot drawn with java.awt for PNG reports outside Fiji: one line per series, axes, a legend. */
public final class LinePlot {

	private record Series(String label, double[] x, double[] y) {}

	private final String title, xLabel, yLabel;
	private final List<Series> series = new ArrayList<>();

	public LinePlot(String title, String xLabel, String yLabel) {
		this.title = title;
		this.xLabel = xLabel;
		this.yLabel = yLabel;
	}

	public LinePlot add(String label, double[] x, double[] y) {
		if (x.length != y.length) throw new IllegalArgumentException("x and y differ in length");
		series.add(new Series(label, x.clone(), y.clone()));
		return this;
	}

	private static final Color[] PALETTE = { new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
		new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
		new Color(0xbcbd22), new Color(0x17becf) };

	public static Color colour(int i) {
		return PALETTE[i % PALETTE.length];
	}

	public BufferedImage draw(int width, int height) {
		double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = x0, y1 = x1;
		for (Series s : series)
			for (int i = 0; i < s.x.length; i++)
				if (Double.isFinite(s.x[i]) && Double.isFinite(s.y[i])) {
					x0 = Math.min(x0, s.x[i]);
					x1 = Math.max(x1, s.x[i]);
					y0 = Math.min(y0, s.y[i]);
					y1 = Math.max(y1, s.y[i]);
				}
		if (!(x1 > x0)) {
			x0 = Double.isFinite(x0) ? x0 - 1 : 0;
			x1 = x0 + 2;
		}
		if (!(y1 > y0)) {
			y0 = Double.isFinite(y0) ? y0 - 1 : 0;
			y1 = y0 + 2;
		}
		int legendW = 190, left = 70, right = legendW + 20, top = 40, bottom = 55;
		int pw = width - left - right, ph = height - top - bottom;
		BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
		g.drawString(title, left, 22);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		FontMetrics fm = g.getFontMetrics();
		g.drawRect(left, top, pw, ph);
		for (int t = 0; t <= 5; t++) {
			double xv = x0 + t * (x1 - x0) / 5, yv = y0 + t * (y1 - y0) / 5;
			int px = left + t * pw / 5, py = top + ph - t * ph / 5;
			g.drawLine(px, top + ph, px, top + ph + 4);
			String xs = tick(xv);
			g.drawString(xs, px - fm.stringWidth(xs) / 2, top + ph + 17);
			g.drawLine(left - 4, py, left, py);
			String ys = tick(yv);
			g.drawString(ys, left - 6 - fm.stringWidth(ys), py + 4);
		}
		g.drawString(xLabel, left + pw / 2 - fm.stringWidth(xLabel) / 2, height - 15);
		Graphics2D gy = (Graphics2D) g.create();
		gy.rotate(-Math.PI / 2);
		gy.drawString(yLabel, -(top + ph / 2 + fm.stringWidth(yLabel) / 2), 15);
		gy.dispose();
		g.setStroke(new BasicStroke(1.6f));
		for (int k = 0; k < series.size(); k++) {
			Series s = series.get(k);
			g.setColor(colour(k));
			int px = -1, py = -1;
			for (int i = 0; i < s.x.length; i++) {
				if (!Double.isFinite(s.x[i]) || !Double.isFinite(s.y[i])) {
					px = -1;
					continue;
				}
				int qx = left + (int) Math.round((s.x[i] - x0) / (x1 - x0) * pw);
				int qy = top + ph - (int) Math.round((s.y[i] - y0) / (y1 - y0) * ph);
				if (px >= 0) g.drawLine(px, py, qx, qy);
				g.fillOval(qx - 2, qy - 2, 4, 4);
				px = qx;
				py = qy;
			}
			int ly = top + 12 + k * 15;
			if (ly < height - 10) {
				g.fillRect(width - legendW, ly - 8, 18, 4);
				g.setColor(Color.BLACK);
				g.drawString(s.label, width - legendW + 24, ly - 2);
			}
		}
		g.dispose();
		return img;
	}

	private static String tick(double v) {
		double a = Math.abs(v);
		if (a != 0 && (a < 1e-3 || a >= 1e5)) return String.format("%.1e", v);
		if (a >= 100) return String.format("%.0f", v);
		if (a >= 1) return String.format("%.2f", v);
		return String.format("%.3f", v);
	}
}
