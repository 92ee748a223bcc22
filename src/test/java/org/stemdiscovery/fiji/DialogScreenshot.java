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
 * Makes the README's screenshot of ImageJ with the Run AE Workflow dialog, under Xvfb:
 * {@code xvfb-run -a -s "-screen 0 1280x900x24" java -Dplugins.dir=DIR -cp ... DialogScreenshot IMAGE OUT.png}
 * with the plugin jar in {@code DIR/plugins}.
 */
public final class DialogScreenshot {

	private DialogScreenshot() {}

	public static void main(String[] args) throws Exception {
		new ImageJ();
		ImagePlus imp = IJ.openImage(args[0]);
		imp.show();
		Thread.sleep(1500);
		new Thread(() -> IJ.run("Run AE Workflow")).start();
		Thread.sleep(4000);
		BufferedImage shot = new Robot().createScreenCapture(new Rectangle(0, 0, 1280, 900));
		ImageIO.write(shot, "png", new File(args[1]));
		System.exit(0);
	}
}
