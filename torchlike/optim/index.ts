// torch.optim
export {};
