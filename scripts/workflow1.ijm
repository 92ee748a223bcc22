// Workflow 1 by hand: Sliding FFT Stack -> Decompose -> one abundance map -> Simulate BO, then the same
// in one step with Run AE Workflow. Every command is recordable; this is what the Recorder writes.
//
// In Fiji: open a STEM image and run this macro (Plugins › Macros › Run…). Headless:
//   xvfb-run -a ImageJ -batch scripts/workflow1.ijm "test-images/pillars_256.tif"
arg = getArgument();
if (arg != "") open(arg);
setBatchMode(true);
source = getTitle();

// 1. local FFT descriptors on a window grid
run("Sliding FFT Stack", "window=32 step=8");
// 2. unmix them; the abundance maps carry the grid in their Info
run("Decompose (NMF/SVD/N-FINDR)", "method=nmf components=2 seed=0 iterations=300 overlay=0");
abundances = getTitle();
// 3. the component whose bright part is the rarer phase: smallest mean abundance
best = 1; lowest = 1e30;
for (c = 1; c <= nSlices; c++) {
  setSlice(c);
  getStatistics(area, mean);
  if (mean < lowest) { lowest = mean; best = c; }
}
setSlice(best);
run("Duplicate...", "title=target");
print("target: component " + best + " of " + abundances + ", grid " + Property.get("stemdiscovery.grid.cols") + "x" +
  Property.get("stemdiscovery.grid.rows"));
// 4. simulated Bayesian optimization on the map's grid, points drawn on the source image
run("Simulate BO", "kernel=matern52 length=5 acquisition=ei batch=10 steps=10 seed=1 random=0 batching=kb path threshold=otsu threads=0 overlay=[" + source + "]");
n = Table.size("BO steps");
print("BO: " + n + " steps, " + Table.get("points", n - 1, "BO steps") + " points, discovered " +
  d2s(Table.get("discovered", n - 1, "BO steps"), 3));
selectImage(source);
print("overlay elements on the source: " + Overlay.size);

// The same experiment in one command
run("Run AE Workflow", "workflow=[1 (FFT + unmixing)] window=32 step=8 method=nmf components=2 map=0 kernel=matern52 length=5 acquisition=ei batch=10 steps=10 random=0 threads=0");
m = Table.size("AE Steps");
print("Run AE Workflow: " + m + " steps, discovered " + d2s(Table.get("discovered", m - 1, "AE Steps"), 3));
