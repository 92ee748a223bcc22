# Run AE Workflow from Jython through SciJava's CommandService and read its per-step results table.
#
# In Fiji: open a STEM image, open this file in the script editor (language Python) and Run; the
# script parameters below give it the current image and Fiji's CommandService.
# Headless, from any JVM with Jython and the STEM Discovery jars on the class path:
#   java -cp "target/STEM_Discovery-*.jar:target/lib/*:jython-slim.jar" org.python.util.jython \
#        scripts/run_workflow.py test-images/pillars_256.tif
#@ ImagePlus (required=false) imp
#@ CommandService (required=false) cs
import sys
from ij import IJ
from org.stemdiscovery.fiji import RunWorkflowCommand

try:
    imp
except NameError:                       # not run by Fiji's script editor: no script parameters
    imp, cs = None, None
if imp is None:
    imp = IJ.openImage(sys.argv[1])
if cs is None:
    from org.scijava import Context
    from org.scijava.command import CommandService
    cs = Context([CommandService]).service(CommandService)

module = cs.run(RunWorkflowCommand, True, "image", imp, "workflow", "1 (FFT + unmixing)", "window", 32,
                "step", 8, "method", "nmf", "components", 2, "map", 0, "batch", 10, "steps", 10,
                "threads", 2).get()
if module.isCanceled():
    print("failed: " + module.getCancelReason())
    sys.exit(2)
table = module.getOutput("stepTable")
last = table.size() - 1
discovered = table.getValue("discovered", last)
points = int(table.getValue("points", last))
print("steps=%d points=%d discovered=%.3f" % (table.size(), points, discovered))
