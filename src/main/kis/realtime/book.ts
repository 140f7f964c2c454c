/** H0STASP0 (59) / H0NXASP0, H0UNASP0 (65) record → Book (kis-api.md §7.2). */
import type { FieldIndex } from './fields';
import type { Book, BookLevel, QuoteVenue } from './types';

const LEVELS = 10;

export function readBook(f: FieldIndex, b: number, width: number, venue: QuoteVenue, knownWidth: 59 | 65): Book | null {
  const asks: BookLevel[] = [];
  const bids: BookLevel[] = [];
  let sum = 0;
  for (let i = 0; i < LEVELS; i++) {
    const ask = { price: f.int(b + 3 + i), qty: f.int(b + 23 + i) };
    const bid = { price: f.int(b + 13 + i), qty: f.int(b + 33 + i) };
    sum += ask.price + ask.qty + bid.price + bid.qty;
    asks.push(ask);
    bids.push(bid);
  }
  const book: Book = {
    venue,
    symbol: f.str(b),
    time: f.str(b + 1),
    hourClsCode: f.str(b + 2),
    asks,
    bids,
    totalAskQty: f.int(b + 43),
    totalBidQty: f.int(b + 44),
    overtimeTotalAskQty: f.int(b + 45),
    overtimeTotalBidQty: f.int(b + 46),
    expectedPrice: f.int(b + 47),
    expectedQty: f.int(b + 48),
    expectedVolume: f.int(b + 49),
    expectedChange: f.int(b + 50),
    expectedSign: f.str(b + 51),
    expectedChangeRate: f.dec(b + 52),
    cumVolume: f.int(b + 53),
    dealClsCode: f.str(b + 58),
  };
  sum += book.totalAskQty + book.totalBidQty + book.overtimeTotalAskQty + book.overtimeTotalBidQty + book.expectedPrice;
  sum += book.expectedQty + book.expectedVolume + book.expectedChange + book.expectedChangeRate + book.cumVolume;
  if (knownWidth === 65) {
    book.kmid = { price: f.int(b + 59), totalQty: f.int(b + 60), clsCode: f.str(b + 61) };
    book.nmid = { price: f.int(b + 62), totalQty: f.int(b + 63), clsCode: f.str(b + 64) };
    sum += book.kmid.price + book.kmid.totalQty + book.nmid.price + book.nmid.totalQty;
  }
  if (sum !== sum) return null; // some numeric field was not a number
  if (width > knownWidth) book.extra = f.strs(b + knownWidth, b + width);
  return book;
}
