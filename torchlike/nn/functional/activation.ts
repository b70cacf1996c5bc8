// torch.nn.functional: activation functions.
export {};
