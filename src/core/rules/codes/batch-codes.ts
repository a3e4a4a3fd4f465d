/**
 * Codes of the batch check (core/disposal): errors — a batch with any of them is neither approved nor executed —
 * except batch-method, a warning: the batch may run, only its certificate waits for a configured method; and
 * disposal-retention, a warning: a register kept too short is to be corrected, not a reason to stop.
 */
import type { Severity } from '../../model/schema';
import type { CodeDeclaration } from './declaration';

const batch = (code: string, en: string, zh: string, severity: Severity = 'error'): CodeDeclaration => ({
  code,
  severity,
  fixed: true,
  title: { en, zh },
  kind: 'batch',
});

export const BATCH_CODES: readonly CodeDeclaration[] = [
  batch('batch-supervisors', 'An approved or executed destruction names fewer than two supervisors', '已批准或已执行的销毁监销人不足两名'),
  batch(
    'batch-missing-detail',
    'An approved or executed batch lacks its method, place or time, or the impact assessment it needs',
    '已批准或已执行的批次缺少方式、地点、时间或所需的个人信息保护影响评估',
  ),
  batch('batch-unchecked-task', 'An executed batch still has a `- [ ]` task', '已执行的批次仍有未勾选的 `- [ ]` 核对项'),
  batch('batch-record-changed', 'A record of an approved batch changed or is gone since approval', '已批准批次所列记录在批准后被修改或已不存在'),
  batch('batch-record-on-hold', 'A record listed in a batch not yet executed is on hold', '未执行批次所列记录已暂缓处置'),
  batch(
    'batch-item-path',
    'A listed path leads outside the folder, through a symbolic link, or is not a path',
    '所列路径指向文件夹之外、经过符号链接或不是路径',
  ),
  batch('batch-item-not-record', 'A listed file is not an indexed record (or has no record with that number)', '所列文件不是已索引的记录（或无该序号的记录）'),
  batch('batch-item-fingerprint', 'An entry of an approved batch has no fingerprint', '已批准批次的项没有指纹'),
  batch('batch-status', "The batch's status is not draft, approved or executed", '批次状态不是 draft、approved 或 executed'),
  batch(
    'batch-attachment',
    "A listed record's attachment cannot be destroyed with it (outside, a link, a record, shared)",
    '所列记录的附件无法随记录销毁（在文件夹外、经过链接、是记录或被共用）',
  ),
  batch('batch-method', 'The method is not a configured unrecoverable method: no certificate', '销毁方式不是已配置的不可恢复方式，无法出具证明', 'warning'),
  batch(
    'batch-signatures',
    'An approved destruction lacks a signatory or supervisor of 会计档案管理办法 Art. 18',
    '已批准的销毁缺少会计档案管理办法第十八条规定的签署人或监销人',
  ),
  batch(
    'batch-appraisal',
    'An approved destruction has no signed appraisal opinion covering it, or the opinion changed since approval',
    '已批准的销毁没有覆盖全部记录的已签署鉴定意见书，或鉴定意见书在批准后被修改',
  ),
  batch(
    'batch-notice',
    "An approved transfer's notice list misses a person, or a child's guardian (PIPL Arts. 22, 31)",
    '已批准移交的告知名单遗漏个人或未成年人的监护人（个人信息保护法第二十二、三十一条）',
  ),
  batch(
    'disposal-changed',
    'An executed register, the opinion it relied on, or a certificate was changed or deleted after execution',
    '已执行的清册、其依据的鉴定意见书或销毁证明在执行后被修改或删除',
  ),
  batch('disposal-retention', 'A register or appraisal opinion is not kept as long as the law asks', '清册或鉴定意见书的保管期限短于规定', 'warning'),
];

/** A batch code's declaration, by name: the batch check reports only codes declared here. */
export type BatchCode =
  | 'batch-supervisors'
  | 'batch-missing-detail'
  | 'batch-unchecked-task'
  | 'batch-record-changed'
  | 'batch-record-on-hold'
  | 'batch-item-path'
  | 'batch-item-not-record'
  | 'batch-item-fingerprint'
  | 'batch-status'
  | 'batch-attachment'
  | 'batch-method'
  | 'batch-signatures'
  | 'batch-appraisal'
  | 'batch-notice'
  | 'disposal-changed'
  | 'disposal-retention';
