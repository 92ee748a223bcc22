package org.stemdiscovery.fiji;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.File;

import javax.imageio.ImageIO;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;

/**
 * Makes the README's screenshots under Xvfb, with the plugin jar in {@code DIR/plugins}:
 * {@code xvfb-run -a -s "-screen 0 1280x1400x24" java -Dplugins.dir=DIR -cp ... DialogScreenshot IMAGE OUT.png}
 * (ImageJ with the Run AE Workflow dialog), or {@code ... DialogScreenshot menu OUT.png} (the Plugins › STEM
 * Discovery menu opened by mouse clicks at the positions ImageJ 1.54p's window has on that screen).
 */
public final class DialogScreenshot {

	private DialogScreenshot() {}

	public static void main(String[] args) throws Exception {
		new ImageJ();
		if (args[0].equals("menu")) {
			Thread.sleep(2000);
			Robot r = new Robot();
			java.awt.Point p = IJ.getInstance().getLocationOnScreen();
			click(r, p.x + 320, p.y + 12); // Plugins
			click(r, 880, 156); // STEM Discovery
			ImageIO.write(r.createScreenCapture(new Rectangle(520, 0, 740, 330)), "png", new File(args[1]));
			System.exit(0);
		}
		ImagePlus imp = IJ.openImage(args[0]);
		imp.show();
		Thread.sleep(1500);
		new Thread(() -> IJ.run("Run AE Workflow")).start();
		Thread.sleep(4000);
		BufferedImage shot = new Robot().createScreenCapture(new Rectangle(0, 0, 1280, 1400));
		ImageIO.write(shot, "png", new File(args[1]));
		System.exit(0);
	}

	private static void click(Robot r, int x, int y) throws InterruptedException {
		r.mouseMove(x, y);
		r.mousePress(java.awt.event.InputEvent.BUTTON1_DOWN_MASK);
		r.mouseRelease(java.awt.event.InputEvent.BUTTON1_DOWN_MASK);
		Thread.sleep(1500);
	}
}
