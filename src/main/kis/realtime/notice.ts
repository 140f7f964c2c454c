/** H0STCNI0 / H0STCNI9 record (26 fields, after decryption) → ExecutionNotice (kis-api.md §7.4). */
import type { FieldIndex } from './fields';
import type { ExecutionNotice, NoticeVenue } from './types';

const KNOWN_WIDTH = 26;
const VENUES: Record<string, NoticeVenue> = { '1': 'KRX', '2': 'NXT', '3': 'SOR-KRX', '4': 'SOR-NXT' };

export function readNotice(f: FieldIndex, b: number, width: number, trId: string): ExecutionNotice | null {
  const cntgYn = f.str(b + 13);
  if (cntgYn !== '1' && cntgYn !== '2') return null;
  const rctf = f.str(b + 5);
  if (rctf !== '0' && rctf !== '1' && rctf !== '2') return null;
  const reportedQty = f.int(b + 9);
  const reportedPrice = f.int(b + 10);
  const orderQty = f.int(b + 16);
  const condPrice = f.int(b + 18);
  const orderPrice = f.int(b + 25);
  const sum = reportedQty + reportedPrice + orderQty + condPrice + orderPrice;
  if (sum !== sum) return null;
  const fill = cntgYn === '2';
  const sideCode = f.str(b + 4);
  const notice: ExecutionNotice = {
    trId,
    htsId: f.str(b),
    account: f.str(b + 1),
    orderNo: f.str(b + 2),
    originalOrderNo: f.str(b + 3),
    side: sideCode === '02' ? 'buy' : sideCode === '01' ? 'sell' : 'unknown',
    rctf,
    ordDvsn: f.str(b + 6),
    cond: f.str(b + 7),
    symbol: f.str(b + 8),
    kind: fill ? 'fill' : 'acceptance',
    // DECISION (§7.4): fields 10/11 mean "this fill" only on fill notices; on acceptances the order's own
    // quantity and price are 17 and 26 (the legacy labels of 11/26 disagree, so 10/11 are not trusted there).
    qty: fill ? reportedQty : orderQty,
    price: fill ? reportedPrice : orderPrice,
    reportedQty,
    reportedPrice,
    time: f.str(b + 11),
    refused: f.str(b + 12) === '1',
    acptYn: f.str(b + 14),
    branch: f.str(b + 15),
    orderQty,
    accountName: f.str(b + 17),
    condPrice,
    venue: VENUES[f.str(b + 19)] ?? null,
    name: f.str(b + 24),
    orderPrice,
  };
  if (width > KNOWN_WIDTH) notice.extra = f.strs(b + KNOWN_WIDTH, b + width);
  return notice;
}
