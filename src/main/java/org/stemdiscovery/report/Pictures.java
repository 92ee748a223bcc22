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
		Grid grid = stack.grid();
		int f = stack.frameSize(), scale = Math.max(1, 128 / f), tile = f * scale, gap = 4;
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
				System.arraycopy(stack.data(), grid.index(gr, gc) * f * f, frame, 0, f * f);
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
