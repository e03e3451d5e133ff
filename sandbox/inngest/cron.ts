// A small cron parser: 5 fields (minute hour day-of-month month day-of-week) with *, */n, a-b,
// a-b/n and lists; evaluated in UTC unless the schedule starts with "TZ=<zone> ".
export interface CronSchedule {
  source: string;
  timeZone: string;
  next(after: number): number;
}

const RANGES: Array<[number, number]> = [[0, 59], [0, 23], [1, 31], [1, 12], [0, 7]];

function parseField(field: string, [min, max]: [number, number], name: string): Set<number> {
  const out = new Set<number>();
  for (const part of field.split(",")) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!m) throw new Error(`invalid cron ${name} field "${field}"`);
    let lo = min;
    let hi = max;
    if (m[1] !== "*") {
      lo = Number(m[2]);
      hi = m[3] !== undefined ? Number(m[3]) : m[4] !== undefined ? max : lo;
    }
    const step = m[4] !== undefined ? Number(m[4]) : 1;
    if (lo < min || hi > max || lo > hi || step < 1) throw new Error(`cron ${name} field "${field}" is out of range ${min}-${max}`);
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

interface Parts { minute: number; hour: number; day: number; month: number; weekday: number }

function partsIn(timeZone: string): (ms: number) => Parts {
  if (timeZone === "UTC") {
    return (ms) => {
      const d = new Date(ms);
      return { minute: d.getUTCMinutes(), hour: d.getUTCHours(), day: d.getUTCDate(), month: d.getUTCMonth() + 1, weekday: d.getUTCDay() };
    };
  }
  const fmt = new Intl.DateTimeFormat("en-US", {
    timeZone, hourCycle: "h23", minute: "numeric", hour: "numeric", day: "numeric", month: "numeric", weekday: "short",
  });
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  return (ms) => {
    const p = Object.fromEntries(fmt.formatToParts(ms).map((x) => [x.type, x.value]));
    return { minute: Number(p.minute), hour: Number(p.hour), day: Number(p.day), month: Number(p.month), weekday: days.indexOf(p.weekday ?? "") };
  };
}

export function parseCron(source: string): CronSchedule {
  let expr = source.trim();
  let timeZone = "UTC";
  const tz = /^(?:CRON_)?TZ=(\S+)\s+(.*)$/.exec(expr);
  if (tz) {
    timeZone = tz[1]!;
    expr = tz[2]!;
    try {
      new Intl.DateTimeFormat("en-US", { timeZone });
    } catch {
      throw new Error(`unknown time zone "${timeZone}" in cron "${source}"`);
    }
  }
  const fields = expr.split(/\s+/);
  if (fields.length !== 5) throw new Error(`cron "${source}" must have 5 fields (minute hour day month weekday)`);
  const names = ["minute", "hour", "day-of-month", "month", "day-of-week"];
  const [minutes, hours, days, months, weekdays] = fields.map((f, i) => parseField(f, RANGES[i]!, names[i]!)) as Set<number>[];
  if (weekdays!.has(7)) weekdays!.add(0);
  const domStar = fields[2] === "*";
  const dowStar = fields[4] === "*";
  const parts = partsIn(timeZone);
  const dayMatches = (p: Parts) => {
    // Standard cron: when both day fields are restricted, either may match.
    if (domStar || dowStar) return days!.has(p.day) && weekdays!.has(p.weekday);
    return days!.has(p.day) || weekdays!.has(p.weekday);
  };
  return {
    source,
    timeZone,
    next(after) {
      let t = Math.floor(after / 60_000) * 60_000 + 60_000;
      const limit = t + 366 * 24 * 60 * 60_000 * 5;
      while (t < limit) {
        const p = parts(t);
        if (!months!.has(p.month) || !dayMatches(p)) { t += ((23 - p.hour) * 60 + (60 - p.minute)) * 60_000; continue; }
        if (!hours!.has(p.hour)) { t += (60 - p.minute) * 60_000; continue; }
        if (!minutes!.has(p.minute)) { t += 60_000; continue; }
        return t;
      }
      throw new Error(`cron "${source}" never fires`);
    },
  };
}
