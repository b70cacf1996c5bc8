import { it } from 'vitest';
import '../../torchlike/index.js';
import { registeredOps } from '../../src/op.js';
it('list', () => { console.log('OPS', [...registeredOps().keys()].sort().join(' ')); });
