// The report as a Word document, with the `docx` package. Uses Packer.toArrayBuffer (no Node Buffer), so it also
// runs in the browser bundle.
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from "docx";
import { BAR_HEADER, textBar, type ReportBlock, type ReportDoc } from "../core/report";
import { SHEET_BAR_COLOR, SHEET_BORDER_COLOR, SHEET_FONTS, SHEET_STYLES } from "../core/writePlan";
import { xmlSafeText } from "../core/xmlSafe";

// the same look as the report sheet (core/writePlan.ts); Word's colours are hex without "#"
const hex = (color: string | undefined) => (color ?? "").replace("#", "");
const BODY = SHEET_FONTS.body;
const HEADING = SHEET_FONTS.heading;
const DRAFT = SHEET_STYLES.draft;
const TABLE_HEADER = SHEET_STYLES.tableHeader;
const SUBHEADING = "楷体";
/** Half-points: 四号 14 pt body, 三号 16 pt headings, 二号 22 pt title. */
const SIZE = { title: 44, h1: 32, h2: 30, h3: 28, body: 28, table: 24, note: 21 };
const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });

/** A4 with 2.54 cm margins: 11906 − 2 × 1440 twips of text width. */
const TEXT_WIDTH = 9026;
const COLUMN_SHARES = [0.3, 0.14, 0.14, 0.14, 0.28];

function run(text: string, options: Omit<IRunOptions, "text"> = {}): TextRun {
  return new TextRun({ text, font: font(BODY), size: SIZE.body, ...options });
}

function heading(block: Extract<ReportBlock, { kind: "heading" }>): Paragraph {
  const level =
    block.level === 1
      ? HeadingLevel.HEADING_1
      : block.level === 2
        ? HeadingLevel.HEADING_2
        : HeadingLevel.HEADING_3;
  const face = block.level === 1 ? HEADING : SUBHEADING;
  const size = block.level === 1 ? SIZE.h1 : block.level === 2 ? SIZE.h2 : SIZE.h3;
  return new Paragraph({
    heading: level,
    spacing: { before: block.level === 1 ? 240 : 120, after: 120 },
    children: [
      new TextRun({
        text: block.text,
        font: font(face),
        size,
        bold: block.level !== 1,
        color: "000000",
      }),
    ],
  });
}

function paragraph(text: string, draft: boolean): Paragraph {
  return new Paragraph({
    indent: { firstLine: 2 * 20 * (SIZE.body / 2) },
    spacing: { line: 360, after: 60 },
    alignment: AlignmentType.JUSTIFIED,
    ...(draft
      ? { shading: { type: ShadingType.CLEAR, fill: hex(DRAFT.fill), color: "auto" } }
      : {}),
    children: [run(text, draft ? { italics: DRAFT.italic, color: hex(DRAFT.color) } : {})],
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: hex(SHEET_BORDER_COLOR) };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function cell(
  text: string,
  width: number,
  options: { header?: boolean; align?: "left" | "right" | "center"; bar?: boolean } = {}
): TableCell {
  const align =
    options.align === "right"
      ? AlignmentType.RIGHT
      : options.align === "center"
        ? AlignmentType.CENTER
        : AlignmentType.LEFT;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: BORDERS,
    ...(options.header
      ? { shading: { type: ShadingType.CLEAR, fill: hex(TABLE_HEADER.fill), color: "auto" } }
      : {}),
    children: [
      new Paragraph({
        alignment: align,
        children: [
          new TextRun({
            text,
            font: font(options.header ? HEADING : BODY),
            size: SIZE.table,
            ...(options.bar ? { color: hex(SHEET_BAR_COLOR) } : {}),
          }),
        ],
      }),
    ],
  });
}

function table(block: Extract<ReportBlock, { kind: "table" }>): Table {
  const withBars = block.bars !== undefined;
  const header = [...block.header, ...(withBars ? [BAR_HEADER] : [])];
  const shares = header.map((_, i) => COLUMN_SHARES[i] ?? 0.14);
  const total = shares.reduce((s, x) => s + x, 0);
  const widths = shares.map((s) => Math.floor((s / total) * TEXT_WIDTH));
  return new Table({
    width: { size: widths.reduce((s, x) => s + x, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map((h, i) => cell(h, widths[i], { header: true, align: "center" })),
      }),
      ...block.rows.map(
        (r, k) =>
          new TableRow({
            children: [
              ...r.map((v, i) => cell(String(v), widths[i], { align: i === 0 ? "left" : "right" })),
              ...(withBars
                ? [cell(textBar(block.bars?.[k] ?? 0), widths[r.length], { bar: true })]
                : []),
            ],
          })
      ),
    ],
  });
}

/** Every string of the report without characters XML cannot hold (a vertical tab pasted from Word would make
 *  document.xml ill-formed: Word, LibreOffice and python-docx refuse the file). */
function xmlSafe<T>(v: T): T {
  if (typeof v === "string") return xmlSafeText(v) as T;
  if (Array.isArray(v)) return v.map(xmlSafe) as T;
  if (v && typeof v === "object")
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, xmlSafe(x)])) as T;
  return v;
}

/** The report as .docx bytes: Chinese fonts (黑体 headings, 仿宋 body), the score table as a Word table. */
export async function reportDocx(unsafe: ReportDoc): Promise<Uint8Array> {
  const doc = xmlSafe(unsafe);
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      heading: HeadingLevel.TITLE,
      spacing: { after: 240 },
      children: [
        new TextRun({ text: doc.title, font: font(HEADING), size: SIZE.title, color: "000000" }),
      ],
    }),
  ];
  for (const block of doc.blocks) {
    if (block.kind === "heading") children.push(heading(block));
    else if (block.kind === "paragraph") children.push(paragraph(block.text, Boolean(block.draft)));
    else children.push(table(block), new Paragraph({ children: [] }));
  }
  const document = new Document({
    creator: "jixiao",
    title: doc.title,
    styles: {
      default: { document: { run: { font: font(BODY), size: SIZE.body } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 },
          },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
