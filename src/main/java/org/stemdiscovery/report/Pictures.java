package org.stemdiscovery.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.stemdiscovery.fft.FftStack;
import org.stemdiscovery.image.Grid;

/** PNG pictures for people reading a run outside Fiji: grey images, grid drawings, montages. */
public final class Pictures {

	private Pictures() {}

	/** Grey image, contrast stretched between the 0.5 and 99.5 percentiles so a few hot pixels don't flatten it. */
	public static BufferedImage grey(float[] data, int w, int h) {
		float[] sorted = data.clone();
		Arrays.sort(sorted);
		double lo = sorted[(int) (0.005 * (sorted.length - 1))], hi = sorted[(int) (0.995 * (sorted.length - 1))];
		if (hi <= lo) {
			lo = sorted[0];
			hi = sorted[sorted.length - 1];
		}
		BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double v = hi > lo ? (data[y * w + x] - lo) / (hi - lo) : 0;
				int g = (int) Math.round(255 * Math.max(0, Math.min(1, v)));
				img.setRGB(x, y, g << 16 | g << 8 | g);
			}
		return img;
	}

	/** Anchors of a dark-to-bright colour scale (black, purple, red, orange, yellow, white), like "inferno". */
	private static final int[][] HEAT = { { 0, 0, 4 }, { 87, 16, 110 }, { 188, 55, 84 }, { 249, 142, 9 }, { 252, 255,
		164 } };

	/** Colour image of a map, min to max over the heat scale; brighter = higher. */
	public static BufferedImage heat(float[] data, int w, int h) {
		float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
		for (float v : data) {
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		for (int i = 0; i < w * h; i++)
			img.setRGB(i % w, i / w, heatRgb(hi > lo ? (data[i] - lo) / (hi - lo) : 0));
		return img;
	}

	/** The heat scale's colour at t in [0, 1]. */
	public static int heatRgb(double t) {
		double u = Math.max(0, Math.min(1, t)) * (HEAT.length - 1);
		int i = Math.min(HEAT.length - 2, (int) u);
		double f = u - i;
		int rgb = 0;
		for (int c = 0; c < 3; c++)
			rgb = rgb << 8 | (int) Math.round(HEAT[i][c] + f * (HEAT[i + 1][c] - HEAT[i][c]));
		return rgb;
	}

	/** {@code top} blended over {@code base} with opacity {@code alpha}; both the same size. */
	public static BufferedImage blend(BufferedImage base, BufferedImage top, double alpha) {
		BufferedImage out = new BufferedImage(base.getWidth(), base.getHeight(), BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < base.getHeight(); y++)
			for (int x = 0; x < base.getWidth(); x++) {
				int a = base.getRGB(x, y), b = top.getRGB(x, y), rgb = 0;
				for (int sh = 16; sh >= 0; sh -= 8)
					rgb = rgb << 8 | (int) Math.round((1 - alpha) * (a >> sh & 255) + alpha * (b >> sh & 255));
				out.setRGB(x, y, rgb);
			}
		return out;
	}

	/** Pictures side by side with a caption under each, on a dark background. */
	public static BufferedImage row(java.util.List<BufferedImage> pictures, java.util.List<String> captions) {
		int gap = 6, text = 16, w = gap, h = 0;
		for (BufferedImage p : pictures) {
			w += p.getWidth() + gap;
			h = Math.max(h, p.getHeight());
		}
		BufferedImage out = new BufferedImage(w, h + text + 2 * gap, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setColor(Color.DARK_GRAY);
		g.fillRect(0, 0, out.getWidth(), out.getHeight());
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		int x = gap;
		for (int i = 0; i < pictures.size(); i++) {
			g.drawImage(pictures.get(i), x, gap, null);
			g.setColor(Color.WHITE);
			g.drawString(captions.get(i), x, gap + h + text - 3);
			x += pictures.get(i).getWidth() + gap;
		}
		g.dispose();
		return out;
	}

	/** Pictures stacked vertically (rows of a figure). */
	public static BufferedImage column(java.util.List<BufferedImage> rows) {
		int w = 0, h = 0;
		for (BufferedImage r : rows) {
			w = Math.max(w, r.getWidth());
			h += r.getHeight();
		}
		BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setColor(Color.DARK_GRAY);
		g.fillRect(0, 0, w, h);
		int y = 0;
		for (BufferedImage r : rows) {
			g.drawImage(r, 0, y, null);
			y += r.getHeight();
		}
		g.dispose();
		return out;
	}

	/** Nearest-neighbour enlargement so that small images stay readable. */
	public static BufferedImage enlarge(BufferedImage in, int factor) {
		if (factor <= 1) return in;
		BufferedImage out = new BufferedImage(in.getWidth() * factor, in.getHeight() * factor, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
		g.drawImage(in, 0, 0, out.getWidth(), out.getHeight(), null);
		g.dispose();
		return out;
	}

	/**
	 * Draws a window grid as the Fiji overlay does: a dot per window centre (yellow), the first window
	 * (cyan) and the covered region (magenta).
	 */
	public static BufferedImage withGrid(BufferedImage image, Grid grid) {
		int scale = Math.max(1, 768 / Math.max(image.getWidth(), image.getHeight()));
		BufferedImage out = enlarge(image, scale);
		Graphics2D g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(Color.YELLOW);
		double r = Math.max(1.5, scale);
		for (int i = 0; i < grid.size(); i++) {
			double x = (grid.centreX(grid.col(i)) + 0.5) * scale, y = (grid.centreY(grid.row(i)) + 0.5) * scale;
			g.fill(new java.awt.geom.Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
		}
		g.setStroke(new BasicStroke(2));
		g.setColor(Color.CYAN);
		g.drawRect(grid.left(0) * scale, grid.top(0) * scale, grid.window() * scale, grid.window() * scale);
		g.setColor(Color.MAGENTA);
		g.drawRect(grid.left(0) * scale, grid.top(0) * scale,
			(grid.left(grid.cols() - 1) + grid.window() - grid.left(0)) * scale,
			(grid.top(grid.rows() - 1) + grid.window() - grid.top(0)) * scale);
		g.dispose();
		return out;
	}

	/**
	 * Up to {@code side × side} frames of a stack, spread evenly over the grid, each contrast-stretched on
	 * its own and labelled with its window's row and column.
	 */
	public static BufferedImage montage(FftStack stack, int side) {
		return montage(stack.data(), stack.frameSize(), stack.grid(), side);
	}

	/** As {@link #montage(FftStack, int)} for frames of {@code f × f} stored back to back in window order. */
	public static BufferedImage montage(float[] frames, int f, Grid grid, int side) {
		int scale = Math.max(1, 128 / f), tile = f * scale, gap = 4;
		int rows = Math.min(side, grid.rows()), cols = Math.min(side, grid.cols());
		BufferedImage out = new BufferedImage(cols * (tile + gap) + gap, rows * (tile + gap) + gap,
			BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setColor(Color.DARK_GRAY);
		g.fillRect(0, 0, out.getWidth(), out.getHeight());
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		float[] frame = new float[f * f];
		for (int i = 0; i < rows; i++)
			for (int j = 0; j < cols; j++) {
				int gr = rows == 1 ? 0 : i * (grid.rows() - 1) / (rows - 1);
				int gc = cols == 1 ? 0 : j * (grid.cols() - 1) / (cols - 1);
				System.arraycopy(frames, grid.index(gr, gc) * f * f, frame, 0, f * f);
				int x = gap + j * (tile + gap), y = gap + i * (tile + gap);
				g.drawImage(enlarge(grey(frame, f, f), scale), x, y, null);
				g.setColor(Color.YELLOW);
				g.drawString("r" + gr + " c" + gc, x + 3, y + 12);
			}
		g.dispose();
		return out;
	}

	public static void savePng(BufferedImage image, Path path) throws IOException {
		if (!ImageIO.write(image, "png", path.toFile())) throw new IOException("no PNG writer");
	}
}
