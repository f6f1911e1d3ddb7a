// Checks every page the tests visit against the interface's promises: each control has a name a
// screen reader reads out, each touch target is at least 44 × 44 px, and all text has WCAG 2.1 AA
// contrast (4.5:1, or 3:1 for large text) against the background it is drawn on.

import assert from 'node:assert/strict';

export async function auditPage(page, what) {
  const problems = await page.evaluate(() => {
    const found = [];
    const visible = (el) => {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    const describe = (el) => `${el.tagName.toLowerCase()}${el.name ? `[name=${el.name}]` : ''} "${(el.textContent || '').trim().slice(0, 30)}"`;

    // Names.
    for (const el of document.querySelectorAll('input, select, textarea')) {
      if (el.type === 'hidden') continue;
      const named = el.labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
      if (!named) found.push(`no label: ${describe(el)}`);
    }

    // Touch targets: controls and the chips that stand in for radio buttons and check boxes.
    const targets = document.querySelectorAll('button, nav a, td a, .pager a, .actions a, input:not([type=radio]):not([type=checkbox]), select, .chip span');
    for (const el of targets) {
      if (!visible(el)) continue;
      const box = el.getBoundingClientRect();
      if (box.height < 43.5 || box.width < 43.5) found.push(`target ${Math.round(box.width)}×${Math.round(box.height)}: ${describe(el)}`);
    }

    // Contrast.
    const rgba = (text) => {
      const m = text.match(/rgba?\(([^)]+)\)/);
      if (!m) return [0, 0, 0, 0];
      const parts = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
    };
    const luminance = ([r, g, b]) => {
      const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    const background = (el) => {
      for (let node = el; node; node = node.parentElement) {
        const color = rgba(getComputedStyle(node).backgroundColor);
        if (color[3] > 0.5) return color;
      }
      return [255, 255, 255, 1];
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!node.textContent.trim() || seen.has(el) || !visible(el)) continue;
      seen.add(el);
      if (el.closest('button[disabled], noscript, .skip')) continue;
      const style = getComputedStyle(el);
      const fg = rgba(style.color);
      const bg = background(el);
      const [light, dark] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      const ratio = (light + 0.05) / (dark + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) found.push(`contrast ${ratio.toFixed(2)}: ${describe(el)}`);
    }
    return found;
  });
  assert.deepEqual(problems, [], `${what}: accessibility`);
}
