// Workflow 3 by hand: Find Atoms (DCNN) -> Extract Atom Patches -> Train rVAE -> a latent map -> Simulate BO.
// In Fiji: open an atomically resolved STEM image and run this macro. Headless:
//   xvfb-run -a ImageJ -batch scripts/workflow3.ijm "test-images/wall_256.tif"
arg = getArgument();
if (arg != "") open(arg);
setBatchMode(true);
source = getTitle();

run("Find Atoms (DCNN)", "method=dcnn threshold=0.5 maximum=1.5 model=default");
print("atoms: " + Table.size("Atoms"));
selectImage(source);
run("Extract Atom Patches", "size=16 table=Atoms");
patches = getTitle();
print("patches: " + nSlices);
// latent maps around each atom, one slice per latent (angle, dx, dy, z1, z2)
run("Train rVAE", "content=2 epochs=10 batch=50 learning=0.003 seed=0 angle=1.5708 noise=0.1 likelihood=gaussian rotation translation hidden=128 manifold=4 model=[]");
// Train rVAE shows its latent maps, the decoded manifold and the loss plot: pick the maps by title
for (i = 1; i <= nImages; i++) { selectImage(i); if (endsWith(getTitle(), "-rvae-maps")) maps = getTitle(); }
selectImage(maps);
print("latent maps: " + nSlices + " of " + getWidth() + "x" + getHeight());
setSlice(nSlices);   // z2
run("Duplicate...", "title=latent-target");
run("Simulate BO", "kernel=matern52 length=8 acquisition=ei batch=10 steps=5 seed=1 random=0 batching=kb path threshold=otsu threads=0 overlay=[" + source + "]");
n = Table.size("BO steps");
print("BO: " + n + " steps, " + Table.get("points", n - 1, "BO steps") + " points");
