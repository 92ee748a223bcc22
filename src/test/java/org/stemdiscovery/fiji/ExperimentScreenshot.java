package org.stemdiscovery.fiji;

import java.awt.Dialog;
import java.awt.EventQueue;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.WindowEvent;
import java.io.File;

import javax.imageio.ImageIO;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.process.FloatProcessor;

import org.stemdiscovery.sim.PillarScene;
import org.stemdiscovery.sim.SyntheticImage;

/**
 * Makes the README's pictures of Run Experiment (Digital Twin) under Xvfb, through the menu's own path (the
 * bridge) without a plugin jar: {@code xvfb-run -a -s "-screen 0 1400x1500x24" java -cp ... ExperimentScreenshot
 * DIR} writes {@code DIR/imagej-run-experiment.png} (the dialog, then cancelled) and
 * {@code DIR/experiment-live-view.png} (the live view after a short run on a synthetic pillars image with its
 * pillar mask as ground truth, overlay burnt in).
 */
public final class ExperimentScreenshot {

	private static final String COMMAND = RunExperimentCommand.class.getName();

	private ExperimentScreenshot() {}

	public static void main(String[] args) throws Exception {
		File dir = new File(args[0]);
		new ImageJ();
		SyntheticImage s = PillarScene.defaults().generate(256, 256, 1);
		float[] mask = new float[s.mask().length];
		for (int i = 0; i < mask.length; i++)
			mask[i] = s.mask()[i];
		new ImagePlus("pillars_256-mask", new FloatProcessor(256, 256, mask)).show();
		ImagePlus specimen = new ImagePlus("pillars_256", new FloatProcessor(256, 256, s.noisy().clone()));
		specimen.show(); // shown last: the current image, the specimen
		Thread.sleep(1500);

		// the dialog as a person sees it, then closed as by its window's close box (a cancel)
		new Thread(() -> new CommandBridge().run(COMMAND)).start();
		Thread.sleep(4000);
		Dialog dialog = null;
		for (Window w : Window.getWindows())
			if (w instanceof Dialog d && d.isShowing() && d.getTitle().startsWith("Run Experiment")) dialog = d;
		if (dialog != null) {
			Rectangle r = dialog.getBounds();
			ImageIO.write(new Robot().createScreenCapture(r), "png", new File(dir, "imagej-run-experiment.png"));
			Dialog d = dialog;
			EventQueue.invokeAndWait(() -> d.dispatchEvent(new WindowEvent(d, WindowEvent.WINDOW_CLOSING)));
		}
		else System.err.println("no dialog showed");
		Thread.sleep(1000);

		// a short run as a recorded macro would start it: options on a Run$_ thread (checkboxes are on only when named)
		Thread run = new Thread(() -> {
			Macro.setOptions(Thread.currentThread(), "workflow=1 patch=32 spacing=8 budget=30 batch=5 threads=2 prior path " +
				"truth=pillars_256-mask");
			new CommandBridge().run(COMMAND);
		}, "Run$_experiment screenshot");
		WindowManager.setTempCurrentImage(run, specimen);
		run.start();
		run.join();
		Thread.sleep(1500); // the last redraw travels through the event queue
		ImagePlus live = WindowManager.getImage("Experiment live - pillars_256");
		if (live == null) throw new IllegalStateException("no live view window");
		ImagePlus flat = live.flatten();
		// 256 indexed colours keep the PNG small enough for the README; the panels use no more than LUTs' worth
		new ij.process.ImageConverter(flat).convertRGBtoIndexedColor(256);
		IJ.saveAs(flat, "png", new File(dir, "experiment-live-view.png").getPath());
		System.exit(0);
	}
}
