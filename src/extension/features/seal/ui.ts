/**
 * The sealing UI, the entry of dist/seal-ui.js: loaded by the seal feature on the first sealing command or the
 * first hover on a sealed value, never at start (the start bundles have a budget; see test/package/check-vsix.js).
 */
import { keyAccess } from './erase';
import { Keys } from './keys';
import { sealActions, sealFields } from './seal-command';
import { SealedDiagnostics } from './sealed-diagnostics';
import type { SealHost, SealUi } from './types';
import { Viewing } from './viewing';

export function createSealUi(host: SealHost): SealUi {
  const keys = new Keys(host);
  const viewing = new Viewing(host.services.index, keys);
  new SealedDiagnostics(host, keys);
  const unlock = (options?: { identityFile?: string }) => keys.unlock(options);
  return {
    unlockKeyStore: unlock,
    lockKeyStore: () => keys.lock(),
    sealFields: (arg, nodes, options) => sealFields(host, keys, arg, nodes, options),
    unsealForViewing: (uri, options) => viewing.unsealForViewing(() => unlock(), uri, options),
    showSealedValue: (uri, offset) => viewing.showFull(uri, offset),
    hover: (doc, pos) => viewing.hover(doc, pos),
    codeActions: (doc, ctx) => sealActions(host.services.index, doc, ctx),
    keys: keyAccess(keys),
  };
}
