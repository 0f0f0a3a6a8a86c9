// `synth` over the grown catalog (see GrownStacks).
import GrownCatalog
import SynthCommand

Synth<GrownStacks>.runAsMain()
