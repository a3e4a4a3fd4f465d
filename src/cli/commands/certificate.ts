import { certificateHtml, certificateMarkdown, certificateReadiness, type Verification } from '../../core/disposal/certificate';
import { batchFiles } from '../../core/disposal/files';
import { audit, gitVersion, verificationOf } from '../../core/git/audit';
import type { DocLang } from '../../core/text/bilingual';
import { printable } from '../../core/text/terminal';
import { VERSION } from '../../core/version';
import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { format, writeOutput } from '../load';
import { gitOf, loadBatch, say } from './batch-common';

const USAGE = `Usage: records-curator certificate FILE [--format html|md] [--out PATH] [--remote NAME|URL]... [--unverified] [--lang zh|en|both]

The certificate of destruction of the executed batch FILE. It is produced only when the checklist is complete,
the method is one of the configured unrecoverable methods (disposal.methods: NIST SP 800-88 Clear / Purge /
Destroy, with the media and the tool) and the purge check passes — run now, in the repository and every
configured remote (and any --remote given). It states what was verified, when, against which repository and
remotes, the commit range and every blob id checked. Otherwise it says what is missing and writes nothing;
--unverified writes a "destruction record (not yet verified)" that says so in its title.

  --out PATH     write to PATH (not replaced unless --force); default: standard output
  --lang         zh, en or both (default both)

Exit code: 0 written, 1 not ready (the reasons are printed), 2 wrong usage.`;

export const certificateCommand: CliCommand = {
  name: 'certificate',
  summary: 'the certificate of destruction of an executed batch, only once it is verified',
  usage: USAGE,
  valueOptions: ['format', 'out', 'lang', 'remote', 'folder', 'git'],
  flags: ['unverified', 'force'],
  async run(args, io) {
    const fmt = format(args, ['html', 'md']);
    const out = args.options.get('out');
    const l = args.options.get('lang');
    const lang: DocLang = l === 'zh' || l === 'en' || l === 'both' ? l : 'both';
    const b = await loadBatch(args, io);
    const ui = b.folder.lang;
    if (b.batch.kind !== 'destruction-batch' || b.batch.status !== 'executed') {
      io.err(say(ui, '只有已执行的销毁批次才有销毁证明\n', 'only an executed destruction batch has a certificate\n'));
      return 1;
    }
    const schema = b.folder.schema.schema;
    const git = await gitOf(args, b.folder.root);
    let v: Verification | undefined;
    if (git) {
      io.err(say(ui, '正在核实：检查仓库与每个远程仓库…\n', 'verifying: checking the repository and every remote…\n'));
      const a = await audit(git, b.folder.root, batchFiles(b.folder.root, schema.disposal.folder), schema, {
        batch: b.rel,
        allRemotes: true,
        remotes: args.values.get('remote') ?? [],
      });
      v = a ? verificationOf(a, `records-curator ${VERSION}; ${await gitVersion(git, b.folder.root)}`) : undefined;
    }
    const readiness = certificateReadiness(b.text, schema, v);
    if (!readiness.ready && !args.options.has('unverified')) {
      for (const m of readiness.missing) io.err(`- ${printable(say(ui, m.zh, m.en))}\n`);
      io.err(
        say(
          ui,
          '尚不能出具销毁证明；未写入任何内容（--unverified 可写出注明“尚未核实”的销毁记录）\n',
          'no certificate yet; nothing written (--unverified writes a destruction record that says it is not yet verified)\n',
        ),
      );
      return 1;
    }
    const text = fmt === 'md' ? certificateMarkdown(b.text, schema, lang, v, readiness)! : certificateHtml(b.text, schema, lang, v, readiness)!;
    if (out === undefined) {
      io.out(text);
      return 0;
    }
    if (typeof out !== 'string') throw new UsageError('--out needs a path');
    return writeOutput('certificate', args, io, out, text, b.batch.items.length);
  },
};
