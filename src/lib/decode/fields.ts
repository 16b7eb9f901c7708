/**
 * Field tokenizer for event descriptions (541–547, Vista+ IPsec audits): finds labels such as
 * `Failure Reason:` / `失敗の理由:` / `Source IP Address` at word starts, line by line, and returns
 * each label with its value span. Works on multi-line layouts and on one-line forms alike.
 * No regular expressions: labels are looked up by their first two folded characters.
 */
import type { Span } from './types.ts';
import type { LineIndex } from './text.ts';
import { FOLD, SKIP, isSpace, lineOf, prefixEnd } from './text.ts';

export interface LabelDef {
  /** Label text as printed (without the colon). */
  text: string;
  /** Fact name (`reason`, `filter.srcAddr`…); section labels start with `§`. */
  name: string;
  /** Japanese display label. */
  ja: string;
  /** The label must be followed by a colon. */
  colon: boolean;
  /** Lines after the label line that may still belong to the value (-1 = until a blank line). */
  follow: number;
  /** Sections set a prefix for the names of the labels that follow (Vista Local/Remote Endpoint). */
  section?: string;
  /** Marker labels carry no value (`Preshared key ID.`). */
  marker?: boolean;
}

export interface FieldHit {
  def: LabelDef;
  /** Name including the current section prefix. */
  name: string;
  labelSpan: Span;
  /** Value span (may cover several lines); [x, x] when empty. */
  span: Span;
  /** Value lines joined with " / " (multi-line) after trimming. */
  value: string;
}

export interface FieldResult {
  hits: FieldHit[];
  /** Lines (as [start, end) content ranges) that no label claimed. */
  leftovers: Span[];
  /** Offset just after the last line that belonged to a field. */
  lastEnd: number;
  /** Index (relative to the range) of the last line that belonged to a field, -1 if none. */
  lastLine: number;
}

const T = (text: string, name: string, ja: string, follow: number, extra: Partial<LabelDef> = {}): LabelDef => ({ text, name, ja, colon: true, follow, ...extra });
const S = (text: string, name: string, ja: string, extra: Partial<LabelDef> = {}): LabelDef => ({ text, name, ja, colon: false, follow: 0, ...extra });

/** Labels of the legacy Security audits 541–547 (English + plausible Japanese). */
export const LEGACY_LABELS: LabelDef[] = [
  T('Mode', 'mode', 'モード', 1),
  T('Filter', '§filter', 'フィルター', 0, { section: 'filter' }),
  T('Peer Identity', '§peer', 'ピアの ID', 0, { section: 'peer' }),
  T('Parameters', '§params', 'パラメーター', 0, { section: 'params' }),
  T('Failure Point', 'failurePoint', '失敗点', 1),
  T('Failure Reason', 'reason', '失敗の理由', -1),
  T('Extra Status', 'extraStatus', '追加の状態', 2),
  T('Inbound SPI', 'inboundSpi', '受信 SPI', 1),
  T('Outbound SPI', 'outboundSpi', '送信 SPI', 1),
  T('Attribute', 'attribute', '属性', 0),
  T('Expected value', 'expected', '期待値', 0),
  T('Received value', 'received', '受信した値', 0),
  // filter lines
  S('Source IP Address Mask', 'srcMask', '送信元 IP アドレス マスク'),
  S('Source IP Address', 'srcAddr', '送信元 IP アドレス'),
  S('Destination IP Address Mask', 'dstMask', '宛先 IP アドレス マスク'),
  S('Destination IP Address', 'dstAddr', '宛先 IP アドレス'),
  S('Protocol', 'protocol', 'プロトコル'),
  S('Source Port', 'srcPort', '送信元ポート'),
  S('Destination Port', 'dstPort', '宛先ポート'),
  S('IKE Local Addr', 'ikeLocal', 'IKE ローカル アドレス'),
  S('IKE Peer Addr', 'ikePeer', 'IKE ピア アドレス'),
  S('IKE Source Port', 'ikeSrcPort', 'IKE 送信元ポート'),
  S('IKE Destination Port', 'ikeDstPort', 'IKE 宛先ポート'),
  S('Peer Private Addr', 'peerPrivate', 'ピアのプライベート アドレス'),
  // peer identity lines
  T('Kerberos based Identity', 'kerberosId', 'Kerberos ベースの ID', 0),
  S('Preshared key ID.', 'presharedKey', '事前共有キー ID', { marker: true }),
  S('Certificate based Identity.', 'certificateId', '証明書ベースの ID', { marker: true }),
  S('Peer Subject', 'peerSubject', 'ピアのサブジェクト'),
  S('Peer SHA Thumbprint', 'peerThumbprint', 'ピアの SHA 拇印'),
  S('Peer Issuing Certificate Authority', 'peerIssuer', 'ピアの発行元 CA'),
  S('Root Certificate Authority', 'rootCa', 'ルート CA'),
  S('My Subject', 'mySubject', '自分のサブジェクト'),
  S('My SHA Thumbprint', 'myThumbprint', '自分の SHA 拇印'),
  T('Peer IP Address', 'peerAddr', 'ピアの IP アドレス', 0),
  // parameters lines (541)
  S('ESP Algorithm', 'espAlg', 'ESP アルゴリズム'),
  S('HMAC Algorithm', 'hmacAlg', 'HMAC アルゴリズム'),
  S('AH Algorithm', 'ahAlg', 'AH アルゴリズム'),
  S('Encapsulation', 'encapsulation', 'カプセル化'),
  S('InboundSpi', 'inboundSpi', '受信 SPI'),
  S('OutBoundSpi', 'outboundSpi', '送信 SPI'),
  S('Lifetime (sec)', 'lifetimeSec', '有効期間 (秒)'),
  S('Lifetime (kb)', 'lifetimeKb', '有効期間 (KB)'),
  S('QM delta time (sec)', 'qmDelta', 'QM デルタ時間 (秒)'),
  S('Total delta time (sec)', 'totalDelta', '合計デルタ時間 (秒)'),
  S('MM delta time (sec)', 'mmDelta', 'MM デルタ時間 (秒)'),
  // plausible Japanese labels
  T('モード', 'mode', 'モード', 1),
  T('フィルタ', '§filter', 'フィルター', 0, { section: 'filter' }),
  T('フィルター', '§filter', 'フィルター', 0, { section: 'filter' }),
  T('ピアの ID', '§peer', 'ピアの ID', 0, { section: 'peer' }),
  T('ピア ID', '§peer', 'ピアの ID', 0, { section: 'peer' }),
  T('ピアの識別情報', '§peer', 'ピアの ID', 0, { section: 'peer' }),
  T('パラメータ', '§params', 'パラメーター', 0, { section: 'params' }),
  T('パラメーター', '§params', 'パラメーター', 0, { section: 'params' }),
  T('失敗点', 'failurePoint', '失敗点', 1),
  T('失敗ポイント', 'failurePoint', '失敗点', 1),
  T('失敗したポイント', 'failurePoint', '失敗点', 1),
  T('エラー ポイント', 'failurePoint', '失敗点', 1),
  T('失敗の理由', 'reason', '失敗の理由', -1),
  T('失敗理由', 'reason', '失敗の理由', -1),
  T('エラーの理由', 'reason', '失敗の理由', -1),
  T('追加の状態', 'extraStatus', '追加の状態', 2),
  T('追加状態', 'extraStatus', '追加の状態', 2),
  T('状態の追加', 'extraStatus', '追加の状態', 2),
  T('属性', 'attribute', '属性', 0),
  T('期待値', 'expected', '期待値', 0),
  T('予期された値', 'expected', '期待値', 0),
  T('受信した値', 'received', '受信した値', 0),
  S('送信元 IP アドレス マスク', 'srcMask', '送信元 IP アドレス マスク'),
  S('送信元 IP アドレス', 'srcAddr', '送信元 IP アドレス'),
  S('宛先 IP アドレス マスク', 'dstMask', '宛先 IP アドレス マスク'),
  S('宛先 IP アドレス', 'dstAddr', '宛先 IP アドレス'),
  S('プロトコル', 'protocol', 'プロトコル'),
  S('送信元ポート', 'srcPort', '送信元ポート'),
  S('宛先ポート', 'dstPort', '宛先ポート'),
  S('IKE ローカル アドレス', 'ikeLocal', 'IKE ローカル アドレス'),
  S('IKE ピア アドレス', 'ikePeer', 'IKE ピア アドレス'),
  S('IKE 送信元ポート', 'ikeSrcPort', 'IKE 送信元ポート'),
  S('IKE 宛先ポート', 'ikeDstPort', 'IKE 宛先ポート'),
  S('ピアのプライベート アドレス', 'peerPrivate', 'ピアのプライベート アドレス'),
  T('Kerberos ベースの ID', 'kerberosId', 'Kerberos ベースの ID', 0),
  S('事前共有キー ID', 'presharedKey', '事前共有キー ID', { marker: true }),
  S('証明書ベースの ID', 'certificateId', '証明書ベースの ID', { marker: true }),
  T('ピアの IP アドレス', 'peerAddr', 'ピアの IP アドレス', 0),
  S('ESP アルゴリズム', 'espAlg', 'ESP アルゴリズム'),
  S('HMAC アルゴリズム', 'hmacAlg', 'HMAC アルゴリズム'),
  S('AH アルゴリズム', 'ahAlg', 'AH アルゴリズム'),
  S('カプセル化', 'encapsulation', 'カプセル化'),
  T('受信 SPI', 'inboundSpi', '受信 SPI', 1),
  T('送信 SPI', 'outboundSpi', '送信 SPI', 1),
  S('受信 SPI', 'inboundSpi', '受信 SPI'),
  S('送信 SPI', 'outboundSpi', '送信 SPI'),
  S('有効期間 (秒)', 'lifetimeSec', '有効期間 (秒)'),
  S('有効期間 (KB)', 'lifetimeKb', '有効期間 (KB)'),
  S('QM デルタ時間 (秒)', 'qmDelta', 'QM デルタ時間 (秒)'),
  S('MM デルタ時間 (秒)', 'mmDelta', 'MM デルタ時間 (秒)'),
];

/** Labels of the Vista-and-later IPsec audits (4650–4655, 4976–4984, 5451–5453…). */
export const VISTA_LABELS: LabelDef[] = [
  T('Local Endpoint', '§local', 'ローカル エンドポイント', 0, { section: 'local' }),
  T('Remote Endpoint', '§remote', 'リモート エンドポイント', 0, { section: 'remote' }),
  T('Local Certificate', '§localCert', 'ローカル証明書', 0, { section: 'localCert' }),
  T('Remote Certificate', '§remoteCert', 'リモート証明書', 0, { section: 'remoteCert' }),
  T('Additional Information', '§info', '追加情報', 0, { section: 'info' }),
  T('Failure Information', '§failure', '失敗の情報', 0, { section: 'failure' }),
  T('Security Association Information', '§sa', 'SA の情報', 0, { section: 'sa' }),
  T('Cryptographic Information', '§crypto', '暗号化の情報', 0, { section: 'crypto' }),
  T('Network Address', 'address', 'ネットワーク アドレス', 0),
  T('Keying Module Port', 'port', 'キーイング モジュール ポート', 0),
  T('Local Principal Name', 'principal', 'プリンシパル名', 0),
  T('Principal Name', 'principal', 'プリンシパル名', 0),
  T('Keying Module Name', 'keyingModule', 'キーイング モジュール', 0),
  T('Authentication Method', 'authMethod', '認証方法', 0),
  T('Role', 'role', '役割', 0),
  T('Impersonation State', 'impersonation', '偽装の状態', 0),
  T('Main Mode Filter ID', 'mmFilterId', 'メイン モード フィルター ID', 0),
  T('Quick Mode Filter ID', 'qmFilterId', 'クイック モード フィルター ID', 0),
  T('Failure Point', 'failurePoint', '失敗点', 0),
  T('Failure Reason', 'reason', '失敗の理由', 0),
  T('State', 'state', '状態', 0),
  T('Initiator Cookie', 'initiatorCookie', '開始側 Cookie', 0),
  T('Responder Cookie', 'responderCookie', '応答側 Cookie', 0),
  T('Message ID', 'messageId', 'メッセージ ID', 0),
  T('Local Address', 'localAddress', 'ローカル アドレス', 0),
  T('Remote Address', 'remoteAddress', 'リモート アドレス', 0),
  T('Local Port', 'localPort', 'ローカル ポート', 0),
  T('Remote Port', 'remotePort', 'リモート ポート', 0),
  T('Protocol', 'protocol', 'プロトコル', 0),
  T('Mode', 'mode', 'モード', 0),
  T('Inbound SPI', 'inboundSpi', '受信 SPI', 0),
  T('Outbound SPI', 'outboundSpi', '送信 SPI', 0),
  T('Cipher Algorithm', 'cipher', '暗号アルゴリズム', 0),
  T('Integrity Algorithm', 'integrity', '整合性アルゴリズム', 0),
  T('Diffie-Hellman Group', 'dhGroup', 'DH グループ', 0),
  T('Lifetime', 'lifetime', '有効期間', 0),
  T('Filter ID', 'filterId', 'フィルター ID', 0),
  T('Spi', 'spi', 'SPI', 0),
  T('SPI', 'spi', 'SPI', 0),
  T('Error Code', 'errorCode', 'エラー コード', 0),
  T('Policy', 'policy', 'ポリシー', 0),
  T('DN', 'dn', 'DN', 0),
  T('ローカル エンドポイント', '§local', 'ローカル エンドポイント', 0, { section: 'local' }),
  T('リモート エンドポイント', '§remote', 'リモート エンドポイント', 0, { section: 'remote' }),
  T('追加情報', '§info', '追加情報', 0, { section: 'info' }),
  T('失敗の情報', '§failure', '失敗の情報', 0, { section: 'failure' }),
  T('失敗情報', '§failure', '失敗の情報', 0, { section: 'failure' }),
  T('ネットワーク アドレス', 'address', 'ネットワーク アドレス', 0),
  T('キーイング モジュール ポート', 'port', 'キーイング モジュール ポート', 0),
  T('プリンシパル名', 'principal', 'プリンシパル名', 0),
  T('役割', 'role', '役割', 0),
  T('失敗点', 'failurePoint', '失敗点', 0),
  T('失敗の理由', 'reason', '失敗の理由', 0),
  T('状態', 'state', '状態', 0),
  T('開始側 Cookie', 'initiatorCookie', '開始側 Cookie', 0),
  T('応答側 Cookie', 'responderCookie', '応答側 Cookie', 0),
  T('エラー コード', 'errorCode', 'エラー コード', 0),
];

interface PreparedLabel {
  def: LabelDef;
  folded: string;
  /** The folded characters as numbers (compared without string access in the hot loop). */
  codes: Int32Array;
}

// Folded characters of the text at the word being looked at, filled by LabelSet.find up to the
// longest label of the bucket: foldChar[i] is the i-th folded character, foldEnd[i] the offset after it.
const MAX_LABEL = 128;
const foldChar = new Int32Array(MAX_LABEL);
const foldEnd = new Int32Array(MAX_LABEL);

export class LabelSet {
  /** Labels by their first two folded characters, longest first: a flat table for ASCII pairs, a map otherwise. */
  private ascii: Array<PreparedLabel[] | undefined> = new Array(128 * 128).fill(undefined);
  private other = new Map<number, PreparedLabel[]>();
  /** first[f] = 1 when some label starts with folded character f (rejects most word starts at once). */
  private first = new Uint8Array(65536);
  /** Folded first-two-character keys of every label (for line dispatch tables). */
  readonly keys: number[] = [];
  /** Result of the last successful `find`: label, end of label (incl. colon), start of value. */
  def: LabelDef | null = null;
  labelEnd = 0;
  valueStart = 0;
  constructor(defs: LabelDef[]) {
    const byKey = new Map<number, PreparedLabel[]>();
    for (const def of defs) {
      let folded = '';
      for (let i = 0; i < def.text.length; i++) {
        const f = FOLD[def.text.charCodeAt(i)];
        if (f !== SKIP) folded += String.fromCharCode(f);
      }
      if (folded.length < 2 || folded.length > MAX_LABEL) continue;
      const f0 = folded.charCodeAt(0);
      const f1 = folded.charCodeAt(1);
      const key = f0 * 65536 + f1;
      const list = byKey.get(key) ?? [];
      const codes = new Int32Array(folded.length);
      for (let i = 0; i < folded.length; i++) codes[i] = folded.charCodeAt(i);
      list.push({ def, folded, codes });
      list.sort((a, b) => b.folded.length - a.folded.length);
      byKey.set(key, list);
      this.first[f0] = 1;
      if (!this.keys.includes(key)) this.keys.push(key);
    }
    for (const [key, list] of byKey) {
      const f0 = Math.floor(key / 65536);
      const f1 = key % 65536;
      if (f0 < 128 && f1 < 128) this.ascii[f0 * 128 + f1] = list;
      else this.other.set(key, list);
    }
  }

  /** Label at `p` (a word start)? Sets def / labelEnd / valueStart and returns true. No allocation. */
  find(text: string, p: number, end: number): boolean {
    if (p >= end) return false;
    const f0 = FOLD[text.charCodeAt(p)];
    if (f0 === SKIP || this.first[f0] === 0) return false;
    let q = p + 1;
    let k2 = -1;
    while (q < end) {
      const c = text.charCodeAt(q);
      const f = FOLD[c];
      q++;
      if (f === SKIP) {
        if (c === 0x0a) return false;
        continue;
      }
      k2 = f;
      break;
    }
    if (k2 < 0) return false;
    const list = f0 < 128 && k2 < 128 ? this.ascii[f0 * 128 + k2] : this.other.get(f0 * 65536 + k2);
    if (!list) return false;
    // The text's folded characters from p, up to the longest label of the bucket (skipped
    // characters in between, never across a line break), read once and compared with each label.
    const maxLen = list[0].codes.length;
    foldChar[0] = f0;
    foldEnd[0] = p + 1;
    let filled = 1;
    let at = p + 1;
    while (filled < maxLen && at < end) {
      const c = text.charCodeAt(at);
      if (c === 0x0a || c === 0x0d) break;
      at++;
      const f = FOLD[c];
      if (f === SKIP) continue;
      foldChar[filled] = f;
      foldEnd[filled] = at;
      filled++;
    }
    for (let li = 0; li < list.length; li++) {
      const pl = list[li];
      const lab = pl.codes;
      const len = lab.length;
      if (len > filled) continue;
      let i = 1;
      while (i < len && foldChar[i] === lab[i]) i++;
      if (i < len) continue;
      const mEnd = foldEnd[len - 1];
      let r = mEnd;
      while (r < end && (text.charCodeAt(r) === 0x20 || text.charCodeAt(r) === 0x09)) r++;
      const c = r < end ? text.charCodeAt(r) : 0x0a;
      const isColon = c === 0x3a || c === 0xff1a;
      if (pl.def.colon) {
        if (!isColon) continue;
        let v = r + 1;
        while (v < end && (text.charCodeAt(v) === 0x20 || text.charCodeAt(v) === 0x09)) v++;
        this.def = pl.def;
        this.labelEnd = r + 1;
        this.valueStart = v;
        return true;
      }
      const prevLast = text.charCodeAt(mEnd - 1);
      const boundary = mEnd >= end || isSpace(text.charCodeAt(mEnd)) || isColon || prevLast === 0x2e || prevLast === 0x29;
      if (!boundary) continue;
      let v = isColon ? r + 1 : r;
      while (v < end && (text.charCodeAt(v) === 0x20 || text.charCodeAt(v) === 0x09)) v++;
      this.def = pl.def;
      this.labelEnd = isColon ? r + 1 : mEnd;
      this.valueStart = v;
      return true;
    }
    return false;
  }

  /** Label at `p`: [def, end of label incl. colon, start of value] or null. */
  at(text: string, p: number, end: number): [LabelDef, number, number] | null {
    return this.find(text, p, end) ? [this.def as LabelDef, this.labelEnd, this.valueStart] : null;
  }
}

function hasColon(text: string, p: number, e: number): boolean {
  for (let i = p; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a || c === 0xff1a) return true;
  }
  return false;
}

// Labels found on the current line (reused: tokenizeFields is not re-entrant and allocates no tuple per hit).
const lineDef: LabelDef[] = [];
const linePs: number[] = [];
const linePe: number[] = [];
const lineVs: number[] = [];

/**
 * State of one tokenizeFields call. A class rather than closures over mutable locals, so the
 * open value lives in plain fields (closure-captured variables that change are slow to access).
 */
const NO_HITS: FieldHit[] = [];
const NO_SPANS: Span[] = [];

class FieldTokenizer {
  text = '';
  hits: FieldHit[] = [];
  leftovers: Span[] = [];
  /** The label whose value is being read (null when none), its name, label span and follow-up lines. */
  def: LabelDef | null = null;
  name = '';
  labelStart = 0;
  labelEnd = 0;
  follow = 0;
  /** Value parts (line pieces) of the open label. */
  partStart: number[] = [];
  partEnd: number[] = [];
  parts = 0;

  /** Drop the references of the finished call (the input text must not stay reachable from here). */
  release(): void {
    this.text = '';
    this.hits = NO_HITS;
    this.leftovers = NO_SPANS;
    this.def = null;
  }

  /** Start a new call (one tokenizer is reused: tokenizeFields is not re-entrant). */
  reset(text: string): void {
    this.text = text;
    this.hits = [];
    this.leftovers = [];
    this.def = null;
    this.parts = 0;
  }

  addPart(s: number, e: number): void {
    this.partStart[this.parts] = s;
    this.partEnd[this.parts] = e;
    this.parts++;
  }

  close(): void {
    const def = this.def;
    if (!def) return;
    const n = this.parts;
    let more: number[] | null = null;
    if (n > 1) {
      more = [];
      for (let k = 0; k < n; k++) more.push(this.partStart[k], this.partEnd[k]);
    }
    const hs = n ? this.partStart[0] : this.labelEnd;
    const he = n ? this.partEnd[n - 1] : this.labelEnd;
    this.hits.push(new Hit(this.text, def, this.name, this.labelStart, this.labelEnd, hs, he, n === 1, more));
    this.def = null;
  }
}

const TOKENIZER = new FieldTokenizer();

/**
 * A field hit whose spans and value are built only when first read: most hits of an event that is
 * only counted in its summary group are never looked at, so they cost one object, not four.
 */
class Hit implements FieldHit {
  def: LabelDef;
  name: string;
  private readonly text: string;
  private readonly ls: number;
  private readonly le: number;
  private readonly ss: number;
  private readonly se: number;
  /** True when the value is exactly text[ss, se) (one part). */
  private readonly single: boolean;
  /** Parts [s0, e0, s1, e1, …] of a value that spans several lines. */
  private readonly more: number[] | null;
  private cachedLabelSpan: Span | undefined = undefined;
  private cachedSpan: Span | undefined = undefined;
  private cachedValue: string | undefined = undefined;
  constructor(text: string, def: LabelDef, name: string, ls: number, le: number, ss: number, se: number, single: boolean, more: number[] | null) {
    this.text = text;
    this.def = def;
    this.name = name;
    this.ls = ls;
    this.le = le;
    this.ss = ss;
    this.se = se;
    this.single = single;
    this.more = more;
  }
  get labelSpan(): Span {
    return (this.cachedLabelSpan ??= [this.ls, this.le]);
  }
  set labelSpan(v: Span) {
    this.cachedLabelSpan = v;
  }
  get span(): Span {
    return (this.cachedSpan ??= [this.ss, this.se]);
  }
  set span(v: Span) {
    this.cachedSpan = v;
  }
  get value(): string {
    if (this.cachedValue === undefined) {
      const more = this.more;
      if (this.single) this.cachedValue = this.text.slice(this.ss, this.se);
      else if (more) {
        // lines of one value are joined with a space (extra status: " / ")
        const sep = this.def.name === 'extraStatus' ? ' / ' : ' ';
        let v = this.text.slice(more[0], more[1]);
        for (let k = 2; k < more.length; k += 2) v += sep + this.text.slice(more[k], more[k + 1]);
        this.cachedValue = v;
      } else this.cachedValue = '';
    }
    return this.cachedValue;
  }
  set value(v: string) {
    this.cachedValue = v;
  }
}

/**
 * Tokenize the description range [s, e). Lines are found with indexOf; labels only at word starts.
 * Values of labels with `follow` > 0 continue on following lines; the rest are left over.
 */
/** The engine's line index with each line's content range (prefix stripped, trimmed). */
export interface LineContent {
  lines: LineIndex;
  cs: Int32Array;
  ce: Int32Array;
}

export function tokenizeFields(text: string, s: number, e: number, labels: LabelSet, maxLine = 8192, stopAtLeftover = false, index?: LineContent): FieldResult {
  const t = TOKENIZER;
  t.reset(text);
  const hits = t.hits;
  const leftovers = t.leftovers;
  let section = '';
  let lastEnd = s;
  let lastLine = -1;
  let lineNo = -1;
  let pos = s;
  // With the engine's line index, whole lines take their content range from it instead of being
  // searched and trimmed again (k = the line that contains pos).
  const starts = index ? index.lines.starts : null;
  const ends = index ? index.lines.ends : null;
  const count = index ? index.lines.count : 0;
  let k = index && s < e ? lineOf(index.lines, s) : -1;
  while (pos < e) {
    let nl: number;
    let ls: number;
    let le: number;
    lineNo++;
    if (k >= 0 && (starts as Int32Array)[k] === pos && (ends as Int32Array)[k] <= e && ((ends as Int32Array)[k] === text.length || text.charCodeAt((ends as Int32Array)[k]) === 0x0a)) {
      nl = (ends as Int32Array)[k];
      ls = (index as LineContent).cs[k];
      le = (index as LineContent).ce[k];
    } else {
      nl = text.indexOf('\n', pos);
      if (nl < 0 || nl > e) nl = e;
      ls = prefixEnd(text, pos, nl);
      le = nl;
      while (ls < le && isSpace(text.charCodeAt(ls))) ls++;
      while (le > ls && isSpace(text.charCodeAt(le - 1))) le--;
    }
    const next = nl + 1;
    if (k >= 0) {
      if (k + 1 < count && (starts as Int32Array)[k + 1] === next) k++;
      else if (next < e) k = lineOf((index as LineContent).lines, next);
    }
    if (ls >= le) {
      // blank line: ends paragraph values
      if (t.def && t.follow !== 0 && t.parts) t.close();
      pos = next;
      continue;
    }
    // labels on this line
    let nh = 0;
    if (le - ls <= maxLine) {
      let p = ls;
      // the line start, then (only for long lines or lines with another colon) every word start
      if (labels.find(text, p, le)) {
        lineDef[nh] = labels.def as LabelDef;
        linePs[nh] = p;
        linePe[nh] = labels.labelEnd;
        lineVs[nh] = labels.valueStart;
        nh++;
        p = labels.valueStart > p ? labels.valueStart : p + 1;
      } else p++;
      if (le - ls > 60 || hasColon(text, p, le)) {
        while (p < le) {
          const c = text.charCodeAt(p - 1);
          if ((c === 0x20 || c === 0x09 || c === 0x3002 || c === 0x3001 || c === 0x3000) && labels.find(text, p, le)) {
            lineDef[nh] = labels.def as LabelDef;
            linePs[nh] = p;
            linePe[nh] = labels.labelEnd;
            lineVs[nh] = labels.valueStart;
            nh++;
            p = labels.valueStart > p ? labels.valueStart : p + 1;
            continue;
          }
          p++;
        }
      }
    }
    if (!nh) {
      if (t.def && (t.follow === -1 || t.follow > 0)) {
        t.addPart(ls, le);
        if (t.follow > 0) t.follow--;
        lastEnd = le;
        lastLine = lineNo;
      } else {
        if (t.def) t.close();
        if (stopAtLeftover && hits.length) break;
        leftovers.push([ls, le]);
      }
      pos = next;
      continue;
    }
    // text before the first label continues the open value
    if (linePs[0] > ls) {
      let be = linePs[0];
      while (be > ls && isSpace(text.charCodeAt(be - 1))) be--;
      if (t.def && be > ls) t.addPart(ls, be);
      else if (be > ls) leftovers.push([ls, be]);
    }
    for (let h = 0; h < nh; h++) {
      t.close();
      const def = lineDef[h];
      const vs = lineVs[h];
      if (def.section) section = def.section;
      const name = def.name.charCodeAt(0) === 0xa7 /* § */ ? def.name : isSectionLocal(def) && section ? `${section}.${def.name}` : def.name;
      const ve = h + 1 < nh ? linePs[h + 1] : le;
      let vEnd = ve;
      while (vEnd > vs && isSpace(text.charCodeAt(vEnd - 1))) vEnd--;
      t.def = def;
      t.name = name;
      t.labelStart = linePs[h];
      t.labelEnd = linePe[h];
      t.parts = 0;
      t.follow = def.follow;
      if (vs < vEnd && !def.marker) {
        t.addPart(vs, vEnd);
        // a value on the label line uses up single-line follow-ups
        if (def.name === 'extraStatus') t.follow = Math.max(0, def.follow - 1);
        else if (def.follow !== 0) t.follow = 0;
      }
    }
    lastEnd = le;
    lastLine = lineNo;
    pos = next;
  }
  t.close();
  t.release();
  return { hits, leftovers, lastEnd, lastLine };
}

/** Labels whose name depends on the section they appear in. */
function isSectionLocal(def: LabelDef): boolean {
  return !def.section && (def.name === 'address' || def.name === 'port' || def.name === 'principal');
}

/** Pick the first hit with a given name. */
export function field(res: FieldResult, name: string): FieldHit | undefined {
  for (const h of res.hits) if (h.name === name) return h;
  return undefined;
}
