// Sliding FFT Stack from an ImageJ macro: open an image, make its local-FFT stack, read the window grid
// back from the stack, save it, and reopen it to show the grid survives the TIFF round trip.
//
// In Fiji: Plugins › Macros › Run…, or headless:
//   xvfb-run -a ImageJ -batch scripts/sliding-fft-stack.ijm "test-images/pillars_512.tif|/tmp/out"
// The argument is "IMAGE|OUTPUT_FOLDER"; without one the macro asks for the image and saves next to it.
arg = getArgument();
if (arg == "") {
  image = File.openDialog("Choose a STEM image");
  out = File.getDirectory(image);
} else {
  parts = split(arg, "|");
  image = parts[0];
  out = parts[1];
}
setBatchMode(true);
open(image);
source = getTitle();

run("Sliding FFT Stack", "window=64 step=16 zoom=2");
stack = getTitle();
print("stack: " + stack + " frames=" + nSlices + " frame=" + getWidth() + "x" + getHeight());
print("grid: cols=" + Property.get("stemdiscovery.grid.cols") + " rows=" + Property.get("stemdiscovery.grid.rows") +
  " step=" + Property.get("stemdiscovery.grid.step") + " source=" + Property.get("stemdiscovery.source"));
print("windows table rows=" + Table.size("FFT Windows") + " first centre=" + Table.get("X", 0, "FFT Windows") + "," +
  Table.get("Y", 0, "FFT Windows"));

saveAs("Tiff", out + File.separator + "fft-stack.tif");
close("*");
open(out + File.separator + "fft-stack.tif");
print("reopened: frames=" + nSlices + " cols=" + Property.get("stemdiscovery.grid.cols"));
