// torch.nn.functional: dropout functions.
export {};
