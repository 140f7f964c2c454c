/** Display formats. Market time is always KST (Asia/Seoul) whatever the machine's time zone. */
const kstTime = new Intl.DateTimeFormat('ko-KR', {
  timeZone: 'Asia/Seoul',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "14:03:27 KST" */
export function formatKstTime(epochMs: number): string {
  return `${kstTime.format(new Date(epochMs))} KST`;
}

export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}
