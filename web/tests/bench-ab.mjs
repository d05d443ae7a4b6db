// Compares the cold load of builds: one fresh-context load of each build in
// turn (A B A B …), so that this machine's drifting speed weighs on each
// alike; prints each build's median navigation → first result painted (the
// measure of bench.mjs) and how many pairs the second build won.
//   DIRS=/path/to/distA,/path/to/distB [N=16] node tests/bench-ab.mjs
import { serve, launch, openPage, loadAndTestFirst } from "./support.mjs";

const dirs = (process.env.DIRS || "").split(",").filter(Boolean);
if (dirs.length < 2) throw new Error("DIRS=distA,distB: two builds (or more) to compare");
const rounds = Number(process.env.N || 16);

async function coldLoad(browser, url) {
  const { ctx, page } = await openPage(browser, url);
  const painted = await loadAndTestFirst(page, url);
  await ctx.close();
  return painted;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const servers = await Promise.all(dirs.map((dir) => serve(dir)));
const browser = await launch();
const times = dirs.map(() => []);
try {
  for (let round = 0; round < rounds; round++) {
    for (const [k, server] of servers.entries()) times[k].push(await coldLoad(browser, server.url));
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((server) => server.close()));
}
for (const [k, dir] of dirs.entries()) {
  console.log(`${dir}: median ${median(times[k]).toFixed(0)} ms  (runs: ${times[k].map((t) => t.toFixed(0)).join(", ")})`);
}
const wins = times[1].filter((t, round) => t < times[0][round]).length;
console.log(`${dirs[1]} was faster in ${wins} of ${rounds} pairs`);
