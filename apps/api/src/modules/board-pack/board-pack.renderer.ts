import type { BoardPackContent, PackMeasure, Withheld } from './board-pack-content.js';
import { A4, CONTENT_WIDTH, FONT, MARGIN, NHS, PdfWriter, pdfText } from './pdf-writer.js';

/** Printed diagonally on every page of a draft pack. */
export const DRAFT_WATERMARK = 'Draft – not approved';

export const SECTIONS = [
  'Summary',
  'Biggest gaps and what the next level needs',
  'Answers given with low confidence',
  'Improvement plan',
  'Comments',
  'Evidence',
  'Approval record',
] as const;

const score = (n: number | null | undefined): string =>
  n === null || n === undefined ? 'No score' : n.toFixed(1);
const isWithheld = (v: unknown): v is Withheld => typeof v === 'object' && v !== null && 'note' in v;

const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

/** "5 December 2026" for a YYYY-MM-DD date or a timestamp. */
export function longDate(value: string | Date): string {
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T12:00:00Z`)
      : new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : LONG_DATE.format(date);
}

function dateTime(value: string | Date): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : DATE_TIME.format(date);
}

/** Draws the pack: cover, then the sections in board-paper order, then footers (and the watermark). */
export async function renderBoardPack(content: BoardPackContent): Promise<Buffer> {
  const who = `${content.owner.name} (${content.owner.code})`;
  const writer = new PdfWriter({
    Title: `Board pack: ${who}, ${content.careSetting ?? 'system'} return, ${content.cycleName}`,
    Author: who,
    Subject: content.kind === 'final' ? `Sealed revision ${content.revision}` : 'Draft, not approved',
  });
  cover(writer, content);
  writer.newPage();
  summary(writer, content);
  gaps(writer, content);
  lowConfidence(writer, content);
  plan(writer, content);
  comments(writer, content);
  evidence(writer, content);
  approval(writer, content);
  decorate(writer, content, who);
  return writer.finish();
}

function cover(w: PdfWriter, c: BoardPackContent): void {
  const doc = w.doc;
  doc.rect(0, 0, A4.width, 110).fill(NHS.blue);
  doc
    .font(FONT.bold)
    .fontSize(13)
    .fillColor(NHS.white)
    .text('What Good Looks Like: digital maturity assessment', MARGIN.left, 40, { width: CONTENT_WIDTH });
  doc.font(FONT.regular).fontSize(11).text('Board pack', MARGIN.left, 62, { width: CONTENT_WIDTH });
  doc.x = MARGIN.left;
  doc.y = 150;
  doc.font(FONT.bold).fontSize(26).fillColor(NHS.text).text(pdfText(c.owner.name), { width: CONTENT_WIDTH });
  doc.moveDown(0.3);
  doc
    .font(FONT.bold)
    .fontSize(16)
    .fillColor(c.kind === 'final' ? NHS.darkBlue : NHS.secondaryText)
    .text(
      c.kind === 'final'
        ? `Final board pack: sealed revision ${c.revision}`
        : `Draft board pack – not approved (revision ${c.revision})`,
      { width: CONTENT_WIDTH },
    );
  doc.moveDown(1);
  doc.font(FONT.regular).fontSize(11).fillColor(NHS.text);
  w.field(c.owner.type === 'organisation' ? 'ODS code' : 'ICB code', c.owner.code);
  w.field('Care setting', c.careSetting ?? 'System (the ICB’s own return)');
  w.field('Cycle', c.cycleName);
  w.field('Framework', c.framework);
  w.field('Status', c.stateLabel);
  w.field('Date generated', dateTime(c.generatedAt));
  if (c.seal) {
    w.field('Sealed', `${dateTime(c.seal.sealedAt)} by ${c.seal.sealedBy}`);
    w.field('SHA-256 of the sealed copy', c.seal.sha256);
    w.field('Check it at', c.seal.verifyUrl);
  }
  doc.moveDown(1);
  w.heading('Contents', 2);
  w.bullets(SECTIONS.map((s, i) => `${i + 1}. ${s}`));
  doc.moveDown(0.5);
  w.paragraph(
    c.kind === 'final'
      ? `This pack is drawn from the sealed copy of revision ${c.revision}. Its hash, printed at the foot of every page, ` +
          'lets anyone check that the sealed copy has not changed since.'
      : 'This is a draft of the return as it stands today. It is not approved and its figures may change.',
    { colour: NHS.secondaryText, size: 10 },
  );
}

function summary(w: PdfWriter, c: BoardPackContent): void {
  w.heading(`1. ${SECTIONS[0]}`);
  w.paragraph(
    c.overall === null
      ? 'Overall score: not yet available (every measure needs a score first).'
      : `Overall score: ${score(c.overall)} out of 5 (the mean of the seven measure scores).`,
    { bold: true },
  );
  chart(w, c.measures);
  w.table(
    [
      { header: 'Measure', width: 0.3 },
      { header: 'This return', width: 0.12, align: 'right' },
      { header: 'ICS median', width: 0.24, align: 'right' },
      { header: 'England: lower quartile, median, upper quartile', width: 0.34, align: 'right' },
    ],
    c.measures.map((m) => [m.name, score(m.score), icsText(m), nationalText(m)]),
  );
  w.paragraph(c.comparisonBasis, { size: 9, colour: NHS.secondaryText });
  w.heading('Trend since the last cycle', 2);
  if (!c.trend) {
    w.paragraph('There is no result from an earlier cycle to compare with.');
    return;
  }
  if (c.trend.change) w.paragraph(c.trend.change);
  w.table(
    [
      { header: 'Cycle', width: 0.2 },
      { header: 'Overall score', width: 0.16, align: 'right' },
      { header: 'Comparable with the cycle before?', width: 0.64 },
    ],
    c.trend.rows.map((r, i) => [
      r.cycleName,
      score(r.overall),
      i === 0 ? 'First cycle shown' : r.breakReason ? `No: ${r.breakReason}` : 'Yes',
    ]),
  );
  w.paragraph(c.trend.basis, { size: 9, colour: NHS.secondaryText });
}

function icsText(m: PackMeasure): string {
  if (m.icsMedian === null) return 'No figures';
  return isWithheld(m.icsMedian) ? m.icsMedian.note : score(m.icsMedian);
}

function nationalText(m: PackMeasure): string {
  if (m.national === null) return 'No figures';
  if (isWithheld(m.national)) return m.national.note;
  const n = m.national;
  return `${score(n.lowerQuartile)}, ${score(n.median)}, ${score(n.upperQuartile)} (${n.count} organisations)`;
}

/**
 * A horizontal bar per measure on the 1 to 5 scale: the return's score as a solid dark bar with its
 * number beside it, England's middle half as a pale band with its median as a dashed line, the ICS
 * median as a black triangle. Shapes and shades differ, so it reads in greyscale.
 */
function chart(w: PdfWriter, measures: readonly PackMeasure[]): void {
  const doc = w.doc;
  const rowHeight = 26;
  const labelWidth = 150;
  const numberWidth = 40;
  const plotLeft = MARGIN.left + labelWidth;
  const plotWidth = CONTENT_WIDTH - labelWidth - numberWidth;
  const x = (value: number) => plotLeft + ((value - 1) / 4) * plotWidth;
  w.ensure(rowHeight * measures.length + 70);
  const top = doc.y + 4;
  // Scale: 1 to 5.
  doc.font(FONT.regular).fontSize(8).fillColor(NHS.secondaryText);
  for (let v = 1; v <= 5; v += 1) {
    doc
      .moveTo(x(v), top)
      .lineTo(x(v), top + rowHeight * measures.length)
      .lineWidth(0.4)
      .strokeColor(NHS.paleGrey)
      .stroke();
    doc.text(String(v), x(v) - 10, top + rowHeight * measures.length + 3, { width: 20, align: 'center' });
  }
  measures.forEach((m, i) => {
    const rowTop = top + i * rowHeight;
    const mid = rowTop + rowHeight / 2;
    doc
      .font(FONT.regular)
      .fontSize(9)
      .fillColor(NHS.text)
      .text(pdfText(m.name), MARGIN.left, mid - 5, { width: labelWidth - 8, height: 12, ellipsis: true });
    if (m.national && !isWithheld(m.national)) {
      const n = m.national;
      doc
        .rect(
          x(n.lowerQuartile),
          rowTop + 3,
          Math.max(1, x(n.upperQuartile) - x(n.lowerQuartile)),
          rowHeight - 6,
        )
        .fill(NHS.paleGrey);
      doc
        .moveTo(x(n.median), rowTop + 2)
        .lineTo(x(n.median), rowTop + rowHeight - 2)
        .lineWidth(1)
        .dash(2, { space: 2 })
        .strokeColor(NHS.secondaryText)
        .stroke()
        .undash();
    }
    if (m.score !== null) {
      doc.rect(plotLeft, mid - 5, Math.max(1, x(m.score) - plotLeft), 10).fill(NHS.darkBlue);
    }
    if (typeof m.icsMedian === 'number') {
      const ix = x(m.icsMedian);
      doc
        .moveTo(ix - 4, rowTop + 1)
        .lineTo(ix + 4, rowTop + 1)
        .lineTo(ix, rowTop + 8)
        .closePath()
        .fill('#000000');
    }
    doc
      .font(FONT.bold)
      .fontSize(10)
      .fillColor(NHS.text)
      .text(score(m.score), plotLeft + plotWidth + 6, mid - 5, { width: numberWidth - 6, align: 'right' });
  });
  // Legend.
  const legendTop = top + rowHeight * measures.length + 18;
  doc.rect(MARGIN.left, legendTop, 14, 8).fill(NHS.darkBlue);
  doc
    .font(FONT.regular)
    .fontSize(8)
    .fillColor(NHS.text)
    .text('This return', MARGIN.left + 18, legendTop, { lineBreak: false });
  doc
    .moveTo(MARGIN.left + 90, legendTop - 1)
    .lineTo(MARGIN.left + 98, legendTop - 1)
    .lineTo(MARGIN.left + 94, legendTop + 6)
    .closePath()
    .fill('#000000');
  doc.fillColor(NHS.text).text('ICS median', MARGIN.left + 102, legendTop, { lineBreak: false });
  doc.rect(MARGIN.left + 170, legendTop, 14, 8).fill(NHS.paleGrey);
  doc
    .fillColor(NHS.text)
    .text("England's middle half (quartiles), dashed line: England's median", MARGIN.left + 188, legendTop, {
      lineBreak: false,
    });
  doc.x = MARGIN.left;
  doc.y = legendTop + 18;
}

function gaps(w: PdfWriter, c: BoardPackContent): void {
  w.heading(`2. ${SECTIONS[1]}`);
  if (c.gaps.length === 0) {
    w.paragraph('No answered domain is below level 5, so there is no gap to show.');
    return;
  }
  w.paragraph(
    'The domains at the lowest levels, with every element the next level needs (scoring is gated: each one ' +
      'listed holds the domain at its level).',
    { colour: NHS.secondaryText, size: 10 },
  );
  for (const g of c.gaps) {
    w.heading(`${g.title} (${g.measureName})`, 3);
    w.paragraph(
      `Level ${g.level} today; level ${g.nextLevel} needs:` +
        (g.target ? ` (the plan's target is level ${g.target})` : ''),
      { size: 10 },
    );
    w.bullets(g.needed, 10);
  }
}

function lowConfidence(w: PdfWriter, c: BoardPackContent): void {
  w.heading(`3. ${SECTIONS[2]}`, 1);
  if (c.lowConfidence.length === 0) {
    w.paragraph('No answer was given with low confidence.');
    return;
  }
  w.table(
    [
      { header: 'Domain', width: 0.3 },
      { header: 'Measure', width: 0.2 },
      { header: 'Level', width: 0.12 },
      { header: 'Comment', width: 0.38 },
    ],
    c.lowConfidence.map((l) => [l.title, l.measureName, l.level, l.comment || 'No comment']),
  );
}

function plan(w: PdfWriter, c: BoardPackContent): void {
  w.heading(`4. ${SECTIONS[3]}`);
  const p = c.plan;
  if (!p) {
    w.paragraph(
      c.kind === 'final'
        ? 'No improvement plan was approved with this revision of the return, so none is printed here.'
        : 'No improvement plan has been saved for this return.',
    );
    return;
  }
  w.paragraph(
    (p.approvedOn
      ? `The plan as the board approved it with this return at its meeting of ${longDate(p.approvedOn)}`
      : `The plan as it stands on ${longDate(c.generatedAt)}`) +
      (p.targetDate ? `, with a target date of ${longDate(p.targetDate)}.` : ', with no target date set.'),
  );
  w.heading('Projected maturity', 2);
  w.paragraph(
    'Projected: if every action due by the target date (or undated) were done. Target: if every target were reached.',
    { size: 9, colour: NHS.secondaryText },
  );
  w.table(
    [
      { header: 'Measure', width: 0.4 },
      { header: 'Today', width: 0.2, align: 'right' },
      { header: 'Projected', width: 0.2, align: 'right' },
      { header: 'Target', width: 0.2, align: 'right' },
    ],
    [
      ...p.measures.map((m) => [m.name, score(m.today), score(m.projected), score(m.target)]),
      ['Overall', score(p.overall.today), score(p.overall.projected), score(p.overall.target)],
    ],
  );
  w.heading('Targets', 2);
  if (p.targets.length === 0 && p.measureTargets.length === 0) w.paragraph('No targets set.');
  if (p.targets.length > 0)
    w.table(
      [
        { header: 'Domain', width: 0.6 },
        { header: 'Today', width: 0.2 },
        { header: 'Target', width: 0.2 },
      ],
      p.targets.map((t) => [t.title, t.today, `Level ${t.target}`]),
    );
  if (p.measureTargets.length > 0)
    w.table(
      [
        { header: 'Measure', width: 0.6 },
        { header: 'Target score', width: 0.4, align: 'right' },
      ],
      p.measureTargets.map((t) => [t.name, t.target.toFixed(2)]),
    );
  w.heading('Actions', 2);
  if (p.actions.length === 0) w.paragraph('No actions yet.');
  else
    w.table(
      [
        { header: 'Action', width: 0.32 },
        { header: 'Domain', width: 0.22 },
        { header: 'Owner', width: 0.17 },
        { header: 'Due', width: 0.13 },
        { header: 'State', width: 0.16 },
      ],
      p.actions.map((a) => [
        a.title,
        a.domain,
        a.owner,
        a.dueDate === 'No date' ? a.dueDate : longDate(a.dueDate),
        a.note ? `${a.state}: ${a.note}` : a.state,
      ]),
    );
  w.heading("The board's approvals of the plan", 2);
  if (p.approvals.length === 0) w.paragraph('The plan has not been approved.');
  else {
    w.table(
      [
        { header: 'Approver', width: 0.3 },
        { header: 'Meeting date', width: 0.25 },
        { header: 'Minute reference', width: 0.45 },
      ],
      p.approvals.map((a) => [a.name, longDate(a.meetingDate), a.minuteReference]),
    );
  }
}

function comments(w: PdfWriter, c: BoardPackContent): void {
  w.heading(`5. ${SECTIONS[4]}`);
  if (c.comments.length === 0) {
    w.paragraph('No comments were given.');
    return;
  }
  for (const item of c.comments) {
    w.heading(`${item.title} (${item.measureName})`, 3);
    w.paragraph(item.comment, { size: 10 });
  }
}

function evidence(w: PdfWriter, c: BoardPackContent): void {
  w.heading(`6. ${SECTIONS[5]}`);
  if (c.evidence.length === 0) {
    w.paragraph('No evidence was added.');
    return;
  }
  w.table(
    [
      { header: 'Title', width: 0.3 },
      { header: 'Link or file', width: 0.4 },
      { header: 'Supports', width: 0.3 },
    ],
    c.evidence.map((e) => [e.title, e.detail, e.usedBy || 'No answer cites it']),
  );
}

function approval(w: PdfWriter, c: BoardPackContent): void {
  w.heading(`7. ${SECTIONS[6]}`);
  if (c.approvals.length > 0)
    w.table(
      [
        { header: 'Approver', width: 0.28 },
        { header: 'Meeting date', width: 0.22 },
        { header: 'Minute reference', width: 0.25 },
        { header: 'Recorded', width: 0.25 },
      ],
      c.approvals.map((a) => [a.name, longDate(a.meetingDate), a.minuteReference, dateTime(a.approvedAt)]),
    );
  if (c.approvalNote) w.paragraph(c.approvalNote, { bold: c.approvals.length === 0 });
  if (c.seal) {
    w.heading('Seal', 2);
    w.field('Sealed', `${dateTime(c.seal.sealedAt)} by ${c.seal.sealedBy}`);
    w.field('SHA-256', c.seal.sha256);
    w.field('Check it at', c.seal.verifyUrl);
  }
}

/** Footers on every page (page n of m; for a final pack the seal's hash and where to check it), and the watermark. */
function decorate(w: PdfWriter, c: BoardPackContent, who: string): void {
  const doc = w.doc;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Writing in the bottom margin must not start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    if (c.kind === 'draft') {
      doc.save();
      doc.rotate(-45, { origin: [A4.width / 2, A4.height / 2] });
      doc
        .font(FONT.bold)
        .fontSize(54)
        .fillColor(NHS.midGrey)
        .fillOpacity(0.22)
        .text(DRAFT_WATERMARK, 0, A4.height / 2 - 30, { width: A4.width, align: 'center', lineBreak: false });
      doc.restore();
    }
    const footerTop = A4.height - MARGIN.bottom + 16;
    doc
      .moveTo(MARGIN.left, footerTop - 6)
      .lineTo(A4.width - MARGIN.right, footerTop - 6)
      .lineWidth(0.5)
      .strokeColor(NHS.paleGrey)
      .stroke();
    doc.font(FONT.regular).fontSize(8).fillColor(NHS.secondaryText).fillOpacity(1);
    const left = `${pdfText(who)} · ${c.careSetting ?? 'System'} · ${c.cycleName} · ${
      c.kind === 'final' ? `Final, revision ${c.revision}` : 'Draft – not approved'
    }`;
    doc.text(left, MARGIN.left, footerTop, { width: CONTENT_WIDTH - 80, lineBreak: false, ellipsis: true });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, A4.width - MARGIN.right - 80, footerTop, {
      width: 80,
      align: 'right',
      lineBreak: false,
    });
    if (c.seal) {
      doc.text(`SHA-256 ${c.seal.sha256}`, MARGIN.left, footerTop + 11, {
        width: CONTENT_WIDTH,
        lineBreak: false,
      });
      doc.text(`Check the seal at ${pdfText(c.seal.verifyUrl)}`, MARGIN.left, footerTop + 22, {
        width: CONTENT_WIDTH,
        lineBreak: false,
        ellipsis: true,
      });
    }
    doc.page.margins.bottom = bottom;
  }
}
