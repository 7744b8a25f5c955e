// Lighthouse (mobile), axe-core and the Nu HTML Checker against pages of a running Souk server.
//
//   node run.mjs pages.json out.json
//
// pages.json: {"base": "http://127.0.0.1:8108", "pages": {"home": "/", ...}} (bench.py writes it).
// Every browser is Debian's Chromium (CHROME_PATH, default /usr/bin/chromium); nothing leaves 127.0.0.1.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const CHROME_PATH = process.env.CHROME_PATH || "/usr/bin/chromium";
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const AXE_VIEWPORTS = { mobile: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };

async function runLighthouse(url) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS });
  try {
    // Lighthouse's default config is mobile: Moto G Power emulation, simulated slow 4G.
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES });
    const lhr = result.lhr;
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c].score ?? 0) * 100)]));
    // The audits that cost points, so a reader knows what to fix without opening the full report.
    const failing = [];
    for (const category of CATEGORIES) {
      for (const ref of lhr.categories[category].auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 0.9) {
          failing.push({ category, id: ref.id, score: audit.score, value: audit.displayValue || "" });
        }
      }
    }
    const metrics = Object.fromEntries(
      ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"].map(
        (id) => [id, lhr.audits[id]?.displayValue || ""],
      ),
    );
    return { scores, metrics, failing, runtimeError: lhr.runtimeError?.message };
  } finally {
    await chrome.kill();
  }
}

async function runAxe(browser, url) {
  const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  const out = {};
  for (const [name, viewport] of Object.entries(AXE_VIEWPORTS)) {
    // The site's CSP rightly refuses injected scripts; axe is the auditor's, not the page's.
    const page = await browser.newPage({ viewport, bypassCSP: true });
    try {
      await page.goto(url, { waitUntil: "load" });
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(() =>
        // eslint-disable-next-line no-undef
        axe.run(document, { resultTypes: ["violations"] }),
      );
      out[name] = result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.length,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
        summary: v.nodes[0]?.failureSummary || "",
      }));
    } finally {
      await page.close();
    }
  }
  return out;
}

async function main() {
  const [pagesPath, outPath] = process.argv.slice(2);
  const { base, pages, notes = {} } = JSON.parse(readFileSync(pagesPath, "utf8"));
  const results = {};
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROME_FLAGS.slice(1) });
  const htmlDir = mkdtempSync(join(tmpdir(), "souk-vnu-"));
  const htmlFiles = {};
  try {
    for (const [name, path] of Object.entries(pages)) {
      const url = base + path;
      process.stderr.write(`${name}: ${url}\n`);
      const response = await fetch(url, { headers: { "Accept-Language": "en" } });
      htmlFiles[name] = join(htmlDir, `${name}.html`);
      writeFileSync(htmlFiles[name], await response.text());
      results[name] = {
        url: path,
        status: response.status,
        // BENCH_WEB_SKIP_LIGHTHOUSE=1: the quick loop while fixing axe and vnu findings.
        lighthouse: process.env.BENCH_WEB_SKIP_LIGHTHOUSE ? { scores: {}, metrics: {}, failing: [] } : await runLighthouse(url),
        axe: await runAxe(browser, url),
      };
    }
  } finally {
    await browser.close();
  }
  let vnuReport;
  try {
    const jar = require("vnu-jar");
    const proc = execFileSync("sh", ["-c", `java -jar "${jar}" --format json --exit-zero-always "$@" 2>&1`, "vnu", ...Object.values(htmlFiles)], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    vnuReport = JSON.parse(proc);
  } finally {
    rmSync(htmlDir, { recursive: true, force: true });
  }
  for (const [name, file] of Object.entries(htmlFiles)) {
    const messages = vnuReport.messages.filter((m) => m.url && decodeURIComponent(m.url).endsWith(file));
    results[name].vnu = {
      errors: messages.filter((m) => m.type === "error").map((m) => ({ line: m.lastLine, message: m.message, extract: m.extract })),
      warnings: messages.filter((m) => m.type === "info" && m.subType === "warning").length,
    };
  }
  const report = { generated: new Date().toISOString(), base, lighthouse_mode: "mobile (default config)", notes, pages: results };
  writeFileSync(outPath, JSON.stringify(report, null, 2) + "\n");

  const rows = Object.entries(results).map(([name, r]) => {
    const s = r.lighthouse.scores;
    const axeCount = Object.values(r.axe).reduce((n, v) => n + v.length, 0);
    return [name, s.performance, s.accessibility, s["best-practices"], s.seo, axeCount, r.vnu.errors.length];
  });
  const header = ["page", "perf", "a11y", "best", "seo", "axe", "vnu"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join("  ");
  console.log(line(header));
  rows.forEach((row) => console.log(line(row)));
  for (const [name, note] of Object.entries(notes)) console.log(`${name}: ${note}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
