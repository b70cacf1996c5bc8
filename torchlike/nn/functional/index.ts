// torch.nn.functional (also exported as F): every function takes its positional parameters by
// keyword too (keywordsAll, API.md rule 2).
import { keywordsAll } from '../../../src/args.js';
import { SIGNATURES } from '../../signatures.js';
import * as all from './_all.js';

export const {
  conv1d, conv2d, conv_transpose1d, conv_transpose2d, gelu, prelu, softplus, sigmoid, tanh, relu, relu6, hardtanh, leaky_relu, elu, celu, selu, silu, mish, hardswish, hardsigmoid, softmax, log_softmax, softmin, linear, bilinear, dropout, dropout1d, dropout2d, dropout3d, embedding_renorm_, embedding, max_pool1d, max_pool2d, avg_pool1d, avg_pool2d, adaptive_avg_pool1d, adaptive_avg_pool2d, batch_norm, layer_norm, group_norm, _legacy_get_string, mse_loss, l1_loss, smooth_l1_loss, huber_loss, nll_loss, cross_entropy, binary_cross_entropy, binary_cross_entropy_with_logits, kl_div, cosine_embedding_loss, margin_ranking_loss,
} = keywordsAll(SIGNATURES.F, all);
