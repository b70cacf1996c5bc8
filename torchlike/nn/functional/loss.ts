// torch.nn.functional: loss functions.
export {};
