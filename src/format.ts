// PyTorch-style repr of tensors (Tensor.toString). Owner: random/creation work.
export {};
