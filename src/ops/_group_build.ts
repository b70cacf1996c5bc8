// Ops of the building group (issue 8, item 3): one export line per op file.
export * from './broadcast_to.js';
export * from './atleast_1d.js';
export * from './hstack.js';
export * from './hsplit.js';
export * from './meshgrid.js';
export * from './repeat_interleave.js';
export * from './diag_embed.js';
export * from './diag.js';
export * from './index_add.js';
export * from './take_along_dim.js';
export * from './rot90.js';
export * from './tril_indices.js';
export * from './block_diag.js';
export * from './vander.js';
export * from './select_scatter.js';
