import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
// pdfmake's server build is a CommonJS singleton (module.exports = new pdfmake()).
import pdfmake = require('pdfmake');

let configured = false;

// pdfkit's standard 14 fonts are built in; pdfmake asks the local access policy about their names too.
const HELVETICA = {
  normal: 'Helvetica',
  bold: 'Helvetica-Bold',
  italics: 'Helvetica-Oblique',
  bolditalics: 'Helvetica-BoldOblique',
};
const BUILT_IN_FONTS = new Set<string>(Object.values(HELVETICA));

/**
 * pdfmake on the server with pdfkit's built-in Helvetica (no font files), and no access to URLs or local files:
 * a report is made from the document definition alone (the built-in font names are the only "files" it opens).
 */
function configuredPdfmake(): typeof pdfmake {
  if (!configured) {
    pdfmake.setFonts({ Helvetica: HELVETICA });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path) => BUILT_IN_FONTS.has(path));
    configured = true;
  }
  return pdfmake;
}

export interface LaidOutPdf {
  pdf: Buffer;
  pageCount: number;
}

/**
 * Lays the content out on US Letter pages with "Page x of y" in the footer. The page count is the one pdfmake gives the
 * footer, which it calls for every page once the layout is final.
 */
export async function layOutPdf(
  definition: Omit<TDocumentDefinitions, 'footer' | 'defaultStyle'> & { content: Content },
  footerLeft: string,
): Promise<LaidOutPdf> {
  let pageCount = 0;
  const document: TDocumentDefinitions = {
    pageSize: 'LETTER',
    pageMargins: [48, 48, 48, 56],
    defaultStyle: { font: 'Helvetica', fontSize: 10 },
    ...definition,
    footer: (currentPage, pages) => {
      pageCount = pages;
      return {
        columns: [
          { text: footerLeft, fontSize: 8, color: '#555555', width: '*' },
          { text: `Page ${currentPage} of ${pages}`, alignment: 'right', fontSize: 8, width: 'auto' },
        ],
        margin: [48, 20, 48, 0],
      };
    },
  };
  const pdf = await configuredPdfmake().createPdf(document).getBuffer();
  return { pdf, pageCount };
}
