// Ops used by training: losses and fused optimizer steps.
