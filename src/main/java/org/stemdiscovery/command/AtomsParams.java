package org.stemdiscovery.command;

import java.util.List;

import org.stemdiscovery.atoms.AtomFinder;
import org.stemdiscovery.atoms.AtomFinders;
import org.stemdiscovery.atoms.FinderSettings;

/**
 * Find Atoms (DCNN) / {@code stem-discovery atoms}: the parameters, declared once in {@link #SPEC}.
 *
 * @param method  a name of {@link AtomFinders#REGISTRY} ({@code classical} arrives as {@code log})
 * @param shift   refinement moves longer than this (px) are rejected
 * @param threads PyTorch threads; 0 = {@link org.stemdiscovery.torch.TorchEngine}'s default
 */
public record AtomsParams(String method, double threshold, boolean refine, double shift, boolean augment, String model,
	double edge, int tile, double sigma, double snr, int threads) {

	private static final FinderSettings DEFAULTS = FinderSettings.defaults();

	public static final Spec SPEC = new Spec("atoms", "Find Atoms (DCNN)",
		"find atomic columns (writes atoms.csv, probability.tif)",
		"Finds atomic columns in a 2-D STEM image. The dcnn method runs a small U-Net (bundled, trained on synthetic " +
			"lattices with 6-30 px between neighbouring columns) that labels each pixel background, atom column or " +
			"bright (dopant/heavy) column; the log method is the classical Laplacian-of-Gaussian baseline. Coordinates: " +
			"x = column, y = row, in pixels, origin at the centre of the top-left pixel. atoms.csv has x,y,class," +
			"probability (class 0 atom, 1 bright); probability.tif has P(atom column) and, for dcnn, P(bright).",
		List.of(
			Param.choice("method", "dcnn", AtomFinders.REGISTRY).label("Method")
				.help("dcnn: the bundled U-Net (or --model); log: Laplacian of Gaussian with Gaussian refinement " +
					"(also called classical)"),
			Param.real("threshold", DEFAULTS.threshold()).range(0.01, 0.99).label("Threshold (DCNN probability)")
				.help("probability threshold of the dcnn method"),
			Param.flag("refine").label("Refine positions by Gaussian fit")
				.help("refine positions by a 2-D Gaussian fit (always on for log)"),
			Param.real("shift", DEFAULTS.maxShift()).range(0.1, 1000).unit("px").alias("max-shift")
				.label("Maximum refinement shift (px)").help("refinement moves longer than this are rejected"),
			Param.flag("augment").label("Augment: average 8 mirrored passes (slower; for very noisy images)")
				.help(FinderSettings.AUGMENT_HELP),
			Param.text("model", "default").label("Model (default or path to .pt / .params)")
				.help("default (bundled weights), an AtomNet .params file, or a TorchScript .pt taking (N,1,H,W) " +
					"standardised images to (N,2|3,H,W) class logits"),
			Param.real("edge", DEFAULTS.edge()).range(0, 10_000).unit("px").label("Edge exclusion (px)")
				.help("drop atoms closer than this to the border"),
			Param.integer("tile", DEFAULTS.tile()).range(128, 8192).unit("px").label("Tile size for the network (px)")
				.help("tile side the network sees at once; larger images are tiled with overlap (1088 takes 1024 px " +
					"in one pass)"),
			Param.real("sigma", 0).range(0, 1000).unit("px").label("Sigma of LoG blobs (px; 0 = from lattice spacing)")
				.help("log: blob scale; 0 = from the FFT lattice spacing"),
			Param.real("snr", 3).range(0.1, 1e6).label("SNR of LoG peaks (noise levels)")
				.help("log: peaks must exceed this many noise levels"),
			Threads.torchParam()));

	public static AtomsParams from(Values v) {
		return new AtomsParams(v.text("method"), v.real("threshold"), v.flag("refine"), v.real("shift"), v.flag(
			"augment"), v.text("model"), v.real("edge"), v.integer("tile"), v.real("sigma"), v.real("snr"), v.integer(
				"threads"));
	}

	/** The core's settings. */
	public FinderSettings settings() {
		return new FinderSettings(threshold, refine, shift, edge, DEFAULTS.minArea(), tile, augment);
	}

	/** Opens the chosen finder; close it after use (the dcnn one holds the network). */
	public AtomFinder openFinder() {
		return AtomFinders.open(method, new AtomFinders.Options(settings(), model, sigma, snr, threads));
	}
}
