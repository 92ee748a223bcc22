package org.stemdiscovery.fiji;

import java.awt.Frame;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import ij.ImageJ;

import org.stemdiscovery.sim.PillarScene;
import org.stemdiscovery.sim.SyntheticImage;

/**
 * Makes the README's picture of the Microscope Link under Xvfb: the command started as from the menu (its
 * defaults: loopback, port 8765), the replay microscope (clients/python/examples) driving it from python3 on a
 * synthetic pillars frame, then the session's live view and the request log captured side by side.
 * {@code xvfb-run -a -s "-screen 0 1600x1000x24" java -cp ... LinkScreenshot docs/images}
 */
public final class LinkScreenshot {

	private LinkScreenshot() {}

	public static void main(String[] args) throws Exception {
		File dir = new File(args[0]);
		Path tmp = Files.createTempDirectory("link-shot");
		new ImageJ();
		MicroscopeLinkCommand link = new MicroscopeLinkCommand();
		var sessions = MicroscopeLinkCommand.class.getDeclaredField("sessions");
		sessions.setAccessible(true);
		sessions.set(link, tmp.resolve("sessions").toString());
		link.run();
		SyntheticImage s = PillarScene.defaults().generate(256, 256, 1);
		Path frame = tmp.resolve("pillars.npy");
		org.stemdiscovery.link.PythonClientTestAccess.writeNpy(frame, s.noisy(), 256, 256);
		Process p = new ProcessBuilder("python3", "clients/python/examples/replay_microscope.py", frame.toString(),
			"--budget", "60", "--seed", "1").inheritIO().start();
		if (p.waitFor() != 0) throw new IllegalStateException("the replay failed");
		Thread.sleep(2000);
		List<Window> shots = new ArrayList<>();
		for (Window w : Window.getWindows())
			if (w.isShowing() && w instanceof Frame f && (f.getTitle().startsWith("Microscope link - session") || f
				.getTitle().startsWith("Microscope Link - requests"))) shots.add(w);
		shots.sort((a, b) -> ((Frame) b).getTitle().compareTo(((Frame) a).getTitle())); // live view first
		Robot robot = new Robot();
		List<BufferedImage> images = new ArrayList<>();
		int width = 0, height = 0;
		for (Window w : shots) {
			w.toFront();
			Thread.sleep(500);
			Rectangle r = w.getBounds();
			BufferedImage b = robot.createScreenCapture(r);
			images.add(b);
			width += b.getWidth();
			height = Math.max(height, b.getHeight());
		}
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setColor(java.awt.Color.WHITE);
		g.fillRect(0, 0, width, height);
		int x = 0;
		for (BufferedImage b : images) {
			g.drawImage(b, x, 0, null);
			x += b.getWidth();
		}
		g.dispose();
		ImageIO.write(out, "png", new File(dir, "microscope-link.png"));
		System.exit(0);
	}
}
