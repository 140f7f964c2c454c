/** Route name → handler. */
import type { RouteName } from '../tr-table';
import { inquireDailyCcld, inquirePsblRvsecncl } from './account-orders';
import { inquireBalance } from './balance';
import { inquireDailyChart, inquireTimeChart } from './charts';
import type { Handler } from './common';
import { orderCash, orderRvsecncl } from './orders';
import { inquirePsblOrder } from './psbl-order';
import { inquireAskingPrice, inquirePrice } from './quotes';
import { chkHoliday, searchStockInfo } from './reference';

export const HANDLERS: Record<RouteName, Handler> = {
  'order-cash': orderCash,
  'order-rvsecncl': orderRvsecncl,
  'inquire-balance': inquireBalance,
  'inquire-psbl-order': inquirePsblOrder,
  'inquire-psbl-rvsecncl': inquirePsblRvsecncl,
  'inquire-daily-ccld': inquireDailyCcld,
  'inquire-price': inquirePrice,
  'inquire-asking-price-exp-ccn': inquireAskingPrice,
  'inquire-daily-itemchartprice': inquireDailyChart,
  'inquire-time-itemchartprice': inquireTimeChart,
  'chk-holiday': chkHoliday,
  'search-stock-info': searchStockInfo,
};
