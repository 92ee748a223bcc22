"""Writes the two tiny TorchScript fixtures of AtomModelTest (run with any PyTorch >= 1.10):
three-classes.pt honours the atom-finder contract ((N,1,H,W) -> (N,3,H,W)); five-classes.pt does not."""
import torch

torch.manual_seed(0)
for name, classes in (("three-classes.pt", 3), ("five-classes.pt", 5)):
    net = torch.nn.Conv2d(1, classes, kernel_size=3, padding=1)
    torch.jit.save(torch.jit.script(net), name)
