// torch.linalg (issue 8 item 8).
export * from './linalg_inv_ex.js';
export * from './linalg_solve_ex.js';
export * from './linalg_det.js';
export * from './linalg_slogdet.js';
export * from './linalg_cholesky_ex.js';
export * from './linalg_solve_triangular.js';
export * from './linalg_qr.js';
export * from './linalg_eigh.js';
export * from './linalg_svd.js';
export { linalgFns, matrix_power, multi_dot, vecdot, pinv, matrix_norm } from './linalg.js';
