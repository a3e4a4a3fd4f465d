/**
 * Which schema field a column header names: the schema's own labels (中文 and English) and field names first,
 * then a table of the headers Chinese CRM exports and ledgers commonly use. Headers are compared without
 * case, spaces, punctuation or a trailing unit such as （元）.
 */
import type { Schema } from '../model/schema';

/** Common headers → field names of the default schema (a field the schema lacks is not guessed). */
const COMMON: Record<string, readonly string[]> = {
  id: ['编号', '记录编号', '档案编号', '序号id', 'recordid', 'no'],
  customer: ['客户名称', '客户', '客户姓名', '姓名', '名称', '单位名称', '客户全称', '甲方', '购买方', 'customername', 'client', 'name'],
  customer_type: ['客户类型', '客户类别', '类型', 'type'],
  category: ['分类', '档案分类', '类别'],
  title: ['标题', '题名', '主题', '文件名称', '合同名称', 'subject'],
  date: ['日期', '记录日期', '形成日期', '登记日期', '创建日期', '创建时间'],
  contract_no: ['合同编号', '合同号', '合同编码', '协议编号', 'contractno', 'contractnumber'],
  signed_date: ['签订日期', '签约日期', '签署日期', '合同签订日期', 'signdate', 'signingdate'],
  term_start: ['开始日期', '起始日期', '合同开始日期', '生效日期'],
  term_end: ['结束日期', '终止日期', '到期日期', '合同结束日期', '截止日期'],
  amount: ['金额', '合同金额', '总金额', '交易金额', '付款金额', '价税合计', '含税金额', 'amount', 'total'],
  currency: ['币种', '货币'],
  payment_method: ['付款方式', '支付方式', '结算方式'],
  invoice_no: ['发票号', '发票号码', '发票编号'],
  contact_person: ['联系人', '联系人姓名', '对接人'],
  phone: ['电话', '手机', '手机号', '手机号码', '联系电话', '联系方式', 'mobile', 'tel', 'telephone'],
  email: ['邮箱', '电子邮箱', '电子邮件', 'e-mail', 'mail'],
  address: ['地址', '联系地址', '通讯地址', '住址'],
  company: ['公司', '公司名称', '所属公司', '单位'],
  credit_code: ['统一社会信用代码', '信用代码', '社会信用代码', '纳税人识别号', '税号'],
  id_number: ['身份证号', '身份证号码', '身份证', '证件号码', '证件号', 'idcard', 'idno'],
  bank_account: ['银行账号', '银行卡号', '账号', '开户账号'],
  service_type: ['服务类型', '服务类别', '工单类型'],
  staff: ['经办人', '负责人', '服务人员', '客服', '销售', '业务员'],
  ticket: ['工单号', '工单编号'],
  channel: ['渠道', '沟通方式', '沟通渠道'],
  participants: ['参与人', '参与人员', '参会人'],
  summary: ['摘要', '内容摘要', '备注摘要', '内容'],
  status: ['状态'],
  pages: ['页数'],
  retention: ['保管期限'],
  archive_no: ['档号'],
};

/** A header as compared: lower case, no spaces, punctuation, brackets or a unit in brackets. */
export function headerKey(h: string): string {
  return h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[（(][^）)]*[）)]\s*$/, '')
    .replace(/[\s_\-:：.·*/\\]+/g, '');
}

/** A function from header to field name for this schema, or undefined for a header it does not know. */
export function headerGuesser(schema: Schema): (header: string) => string | undefined {
  const names = new Map<string, string>();
  const add = (text: string, field: string) => {
    const k = headerKey(text);
    if (k && !names.has(k)) names.set(k, field);
  };
  for (const [name, def] of schema.fields) {
    add(name, name);
    add(def.label.zh, name);
    add(def.label.en, name);
  }
  for (const [field, list] of Object.entries(COMMON)) if (schema.fields.has(field)) for (const h of list) add(h, field);
  return (header) => names.get(headerKey(header));
}

/** Each header's guessed field; a field named by two headers goes to the first, the second is left out. */
export function guessColumns(headers: readonly string[], schema: Schema): Map<string, string | null> {
  const guess = headerGuesser(schema);
  const taken = new Set<string>();
  const out = new Map<string, string | null>();
  for (const h of headers) {
    const f = guess(h);
    out.set(h, f && !taken.has(f) ? f : null);
    if (f) taken.add(f);
  }
  return out;
}
