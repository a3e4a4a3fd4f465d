// A stand-in language pack, so a UI check can run the workbench in Chinese without the network: the real zh-hans
// pack comes from the Marketplace, which the harness never reaches. It contributes zh-cn with a translations file
// that translates nothing (the workbench's own words stay English), but it makes zh-cn an installed display
// language; the server then answers the browser with `_VSCODE_NLS_LANGUAGE = 'zh-cn'`, so `vscode.env.language`
// is zh-cn and the extension's package.nls.zh-cn.json and l10n/bundle.l10n.zh-cn.json load, as for a person who
// installed the real pack.
//
// How VS Code 1.100's server (code-server 4.100.3) picks the language (out/server-main.js, remoteLanguagePacks
// and webClientServer): the locale is --locale, else `locale` in the user data folder's User/argv.json, else the
// `vscode.nls.locale` cookie, else the browser's Accept-Language; anything but English is used only if
// languagepacks.json in the user data folder lists a pack for it (or a prefix of it) whose translations file
// exists. That file is written by the language pack service when a pack is installed through the running server;
// `--install-extension` on the command line installs the extension but does not start that service, so it is
// left unwritten and the workbench falls back to English. The harness therefore installs the pack with
// `--install-extension` and writes languagepacks.json with the entry the service would write.
const { execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const PUBLISHER = 'records-curator-test';
const NAME = 'zh-cn-stand-in-pack';
const VERSION = '0.0.1';

/** A .zip of `files` (name → bytes), stored uncompressed: all a .vsix needs to be installed. */
function storedZip(files) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const n = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6); // names in UTF-8
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(data.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(n.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(n.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(head, n, data);
    central.push(dir, n);
    offset += head.length + n.length + data.length;
  }
  const size = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}

const LANGUAGES = {
  'zh-cn': { languageName: 'Chinese Simplified', localizedLanguageName: '中文(简体)' },
};

/**
 * Installs the stand-in pack for `locale` into `extensionsDir` and registers it in `userDataDir`'s
 * languagepacks.json; the server started on those folders with `--locale` then speaks that language.
 */
function installLanguagePack({ vscodeDir, locale, userDataDir, extensionsDir }) {
  const lang = LANGUAGES[locale];
  if (!lang) throw new Error(`no stand-in language pack for ${locale}`);
  const id = `${PUBLISHER}.${NAME}-${locale}`;
  const manifest = {
    name: `${NAME}-${locale}`,
    publisher: PUBLISHER,
    displayName: `${lang.localizedLanguageName} (test stand-in)`,
    version: VERSION,
    engines: { vscode: '^1.100.0' },
    categories: ['Language Packs'],
    contributes: {
      localizations: [{ languageId: locale, ...lang, translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }],
    },
  };
  const vsix = path.join(userDataDir, `${id}.vsix`);
  fs.writeFileSync(
    vsix,
    storedZip({
      'extension/package.json': Buffer.from(JSON.stringify(manifest, null, 2)),
      'extension/translations/main.i18n.json': Buffer.from(JSON.stringify({ version: '1.0.0', contents: {} })),
    }),
  );
  execFileSync(
    path.join(vscodeDir, 'bin/node'),
    [
      path.join(vscodeDir, 'node_modules/code-server/lib/vscode/out/server-main.js'),
      '--install-extension',
      vsix,
      '--extensions-dir',
      extensionsDir,
      '--user-data-dir',
      userDataDir,
      '--server-data-dir',
      userDataDir,
      '--accept-server-license-terms',
    ],
    { stdio: 'ignore' },
  );
  fs.rmSync(vsix);
  const installed = path.join(extensionsDir, `${id}-${VERSION}`);
  const translations = path.join(installed, 'translations/main.i18n.json');
  if (!fs.existsSync(translations)) throw new Error(`the language pack was not installed into ${installed}`);
  // The entry the language pack service writes (platform/languagePacks/node/languagePacks.ts): the hash names the
  // folder the server caches the workbench's messages in.
  const hash = crypto.createHash('md5').update(id).update(VERSION).digest('hex');
  const packs = {
    [locale]: {
      hash,
      extensions: [{ extensionIdentifier: { id }, version: VERSION }],
      translations: { vscode: translations },
      label: lang.localizedLanguageName,
    },
  };
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs));
}

module.exports = { installLanguagePack };
