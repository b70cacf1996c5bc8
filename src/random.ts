// Random number generation (torch.Generator, manual_seed, rand/randn/randint/randperm...). Owner: random/creation work.
export {};
