import PDFDocument from 'pdfkit';

// An invented document for the demo's evidence locker: a law firm's memo to the principals of the
// fictional Meridian network, advising them how to talk teachers out of the union. Every name and
// sentence is made up for the demo; the page numbers matter, because the demo's quotes cite them.

type Page = { heading?: string; paragraphs: string[] };

const pages: Page[] = [
  {
    heading: 'Re: Talking with staff about union organizing',
    paragraphs: [
      'You asked for guidance on how school leaders should respond now that a group of teachers and counselors has begun collecting signatures to form a union across the Meridian network.',
      'This memorandum summarizes what principals and assistant principals may and may not say, suggests how to structure conversations with staff, and lists the themes the network would like emphasized between now and the end of the school year.',
      'Please do not forward this memorandum or discuss its contents with staff.',
    ],
  },
  {
    heading: '1. How to reach staff',
    paragraphs: [
      'Our recommendation is that principals hold individual conversations with each teacher rather than rely on staff meetings. A private conversation lets you learn where each person stands and tailor the message to what matters to them.',
      'Keep a simple list after each conversation: who you spoke with, when, and whether the person seemed supportive, undecided or opposed. Share the list only with the network office.',
    ],
  },
  { heading: '2. What not to say', paragraphs: ['Avoid statements that could be read as a threat or a promise. Do not ask a teacher directly whether they signed a card.', 'Do not tell staff that anyone will lose a position or a stipend because of the union.'] },
  { heading: '3. The network’s position', paragraphs: ['The network’s position is that a union would make it harder for each school to respond quickly to the needs of its students.', 'Principals should present that position as their own experience as school leaders.'] },
  { heading: '4. Meetings with groups', paragraphs: ['Where a group meeting is unavoidable, keep it short and invite questions to be raised individually afterwards.'] },
  {
    heading: '5. Themes for individual conversations',
    paragraphs: [
      'Listen first. Each teacher has a different concern, and you can point them to the facts that bear on it.',
      'For a teacher who worries about money, for example, it is fair to mention what membership would cost. You might say that you were surprised to learn the dues could come to several hundred dollars a year, roughly seven hundred, and let',
    ],
  },
  {
    paragraphs: [
      'the teacher draw their own conclusion about whether that is money well spent.',
      'For a teacher who values flexibility, mention that contracts tend to fix schedules and duties that are now decided at the school.',
    ],
  },
  {
    heading: '6. Parents',
    paragraphs: [
      'Many of our families are likely to side with teachers if they hear about the union first from teachers. It is better that they hear about it from the school.',
      'We suggest contacting parent leaders at each school soon, so that they understand the network’s view before the organizing effort reaches them.',
    ],
  },
  {
    heading: '7. Keeping the message consistent',
    paragraphs: [
      'Principals should say, early and often, that the network is doing everything it can to stop this effort.',
      'Be clear that the aim is to keep Meridian schools union-free. Staff should not come away thinking the question is which union to choose.',
      'Teachers who oppose the union should be encouraged to speak up with their colleagues; their voices carry more weight than ours.',
    ],
  },
  { heading: '8. Questions', paragraphs: ['Please direct questions about this memorandum to our office or to the network’s Chief Executive Officer.'] },
];

/** `date` is the memo's date line, moved with the demo's story (the seeds' March 12, 2015 by default). */
export async function renderDemoMemoPdf(options: { date?: string } = {}): Promise<Buffer> {
  const memoDate = options.date ?? 'March 12, 2015';
  const doc = new PDFDocument({ size: 'LETTER', margins: { top: 72, bottom: 72, left: 72, right: 72 }, info: { Title: 'Memorandum to principals (fictional demo document)', Author: 'Pellworth & Kline LLP (fictional)' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 144;
  pages.forEach((page, index) => {
    if (index > 0) doc.addPage();
    doc.font('Helvetica').fontSize(8).fillColor('#777777').text('PRIVILEGED AND CONFIDENTIAL — ATTORNEY-CLIENT COMMUNICATION', 72, 40, { width, align: 'center' });
    doc.text('Fictional document generated for the Unionhall demo', 72, 50, { width, align: 'center' });
    doc.x = 72;
    doc.y = 80;
    if (index === 0) {
      doc.fillColor('#000000').font('Helvetica-Bold').fontSize(16).text('PELLWORTH & KLINE LLP');
      doc.font('Helvetica').fontSize(10).text('Education and Employment Law');
      doc.moveDown(1.5);
      doc.font('Helvetica-Bold').fontSize(13).text('MEMORANDUM');
      doc.moveDown(0.5);
      doc.font('Helvetica').fontSize(11);
      for (const [k, v] of [
        ['To', 'Principals, Meridian Public Schools'],
        ['From', 'Graham Pellworth, Pellworth & Kline LLP'],
        ['Date', memoDate],
      ]) doc.text(`${k}:  ${v}`);
      doc.moveDown(1);
    }
    if (page.heading) {
      doc.font('Helvetica-Bold').fontSize(12).fillColor('#000000').text(page.heading);
      doc.moveDown(0.5);
    }
    doc.font('Times-Roman').fontSize(12).fillColor('#000000');
    for (const paragraph of page.paragraphs) {
      doc.text(paragraph, { align: 'justify', lineGap: 2 });
      doc.moveDown(0.8);
    }
    // The footer sits in the bottom margin; without lifting the margin pdfkit would start a new page.
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(9).fillColor('#555555').text(`Page ${index + 1} of ${pages.length}`, 72, doc.page.height - 50, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = 72;
  });
  doc.end();
  return done;
}

export async function renderDemoFactSheetPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margins: { top: 72, bottom: 72, left: 72, right: 72 }, info: { Title: 'Union facts for Meridian staff (fictional demo document)' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('Helvetica').fontSize(8).fillColor('#777777').text('Fictional document generated for the Unionhall demo', { align: 'center' });
  doc.moveDown(2);
  doc.fillColor('#000000').font('Helvetica-Bold').fontSize(20).text('THE FACTS ABOUT UNIONS', { align: 'center' });
  doc.font('Helvetica').fontSize(11).text('Meridian Public Schools — for staff', { align: 'center' });
  doc.moveDown(2);
  for (const line of [
    'Once a union is in, you can never vote it out.',
    'Union dues will come out of every paycheck, whether you join or not.',
    'A contract means no more raises based on your own performance.',
    'Your principal will no longer be allowed to talk with you directly.',
  ]) {
    doc.font('Helvetica-Bold').fontSize(13).text(`•  ${line}`);
    doc.moveDown(0.8);
  }
  doc.end();
  return done;
}
