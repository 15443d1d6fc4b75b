// Where the render time of `npm run bench`'s 1,000 invoices goes:
//   node --conditions=source scripts/bench-render-profile.ts [desktop|phone]
// Same page, data and run as scripts/bench-render.ts, on an unminified bundle (readable
// function names; Lit stays in its production build). One warm-up run, then one run under
// V8's sampling profiler (50 µs) and Chromium's timeline trace. Prints the JavaScript time
// by function (self and inclusive), the browser's own work (style, layout, GC, paint) from
// the trace, and writes both files to a temporary folder for DevTools.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../test/e2e/harness.ts';
import { buildInvoicesBundle, layouts, measureOnPage, openBenchPage, startStubSite } from './bench-render.ts';

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }
interface TraceEvent { name: string; ph: string; dur?: number; ts: number; tid: number; pid: number; args?: { data?: { type?: string } } }

const which = process.argv[2] === 'phone' ? layouts[1]! : layouts[0]!;
const out = mkdtempSync(join(tmpdir(), 'famille-render-profile-'));

const site = await startStubSite(await buildInvoicesBundle({ minify: false }));
const browser = await launchChromium();
try {
  const tab = await openBenchPage(browser, site.url, which);
  await measureOnPage(tab);
  const cdp = await tab.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await tab.tracing.start({ path: join(out, 'trace.json'), categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'] });
  await cdp.send('Profiler.start');
  const run = await measureOnPage(tab);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const trace = JSON.parse(Buffer.from((await tab.tracing.stop())!).toString("utf8")) as { traceEvents: TraceEvent[] };
  writeFileSync(join(out, 'cpu.cpuprofile'), JSON.stringify(profile));

  console.log(`\n${which.name}, one run under the profiler (slower than the bench): total ${run.total.toFixed(1)} ms = parse ${run.parse.toFixed(1)} + render ${run.render.toFixed(1)} + layout ${run.layout.toFixed(1)}; next frame ${run.frame.toFixed(1)}\n`);

  // JavaScript: self and inclusive time per function (the profile covers the whole run,
  // idle included; "(idle)" and "(program)" are left out of the tables).
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const key = (frame: CallFrame) => `${frame.functionName || '(anonymous)'}${frame.url ? ` ${frame.url.split('/').pop()}:${frame.lineNumber + 1}` : ''}`;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id)!;
    self.set(key(node.callFrame), (self.get(key(node.callFrame)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = key(byId.get(at)!.callFrame);
      if (!seen.has(k)) inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
      seen.add(k);
    }
  });
  const skip = /^\((idle|root|program)\)/;
  const top = (map: Map<string, number>, count: number) =>
    [...map].filter(([k]) => !skip.test(k)).sort((a, b) => b[1] - a[1]).slice(0, count);
  console.log('JavaScript, self time (ms)');
  for (const [k, ms] of top(self, 25)) console.log(`  ${ms.toFixed(1).padStart(7)}  ${k}`);
  console.log('\nJavaScript, inclusive time (ms)');
  for (const [k, ms] of top(inclusive, 40)) console.log(`  ${ms.toFixed(1).padStart(7)}  ${k}`);

  // The browser's own work on the renderer's main thread, from the timeline.
  const events = trace.traceEvents.filter((e) => e.ph === 'X' && e.dur);
  const main = events.find((e) => e.name === 'FunctionCall' || e.name === 'v8.callFunction');
  const thread = events.filter((e) => !main || (e.tid === main.tid && e.pid === main.pid));
  const sums = new Map<string, number>();
  for (const e of thread) sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur! / 1000);
  console.log('\nRenderer main thread, timeline events (ms, nested events counted in their parents too)');
  for (const name of ['FunctionCall', 'v8.callFunction', 'RunMicrotasks', 'v8.run', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'V8.GC_MARK_COMPACTOR', 'ParseHTML', 'ScheduleStyleRecalculation', 'HitTest']) {
    const ms = sums.get(name);
    if (ms) console.log(`  ${ms.toFixed(1).padStart(7)}  ${name}`);
  }
  console.log(`\nfiles: ${join(out, 'cpu.cpuprofile')} (DevTools › Performance › Load profile) and ${join(out, 'trace.json')}`);
} finally {
  await browser.close();
  await site.close();
}
