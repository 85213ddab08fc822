/**
 * Chart SVG to PNG. ngx-charts styles its SVG from stylesheets, which an SVG drawn as an image does not see;
 * the computed values of the properties that matter are therefore copied onto each element of a clone.
 */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

/**
 * The chart among the SVGs of a chart area: the largest top-level one as drawn. A legend's swatches are small SVGs
 * too and may come first (the Kaplan-Meier chart's did, so its PNG was a 28 x 12 swatch).
 */
export function chartSvgOf(area: Element): SVGSVGElement | null {
  let chart: SVGSVGElement | null = null;
  let largest = -1;
  for (const svg of Array.from(area.querySelectorAll('svg'))) {
    if (svg.parentElement?.closest('svg')) continue;
    const box = svg.getBoundingClientRect();
    const size = box.width * box.height;
    if (size > largest) {
      chart = svg;
      largest = size;
    }
  }
  return chart;
}

/** A standalone SVG document of the chart, with its styles inlined. */
export function serializeSvg(svg: SVGSVGElement): { markup: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.round(box.width || Number(svg.getAttribute('width')) || 600);
  const height = Math.round(box.height || Number(svg.getAttribute('height')) || 400);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const sources = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const targets = [clone, ...Array.from(clone.querySelectorAll('*'))];
  sources.forEach((source, index) => {
    const computed = getComputedStyle(source);
    const style = STYLE_PROPERTIES.map((name) => `${name}:${computed.getPropertyValue(name)}`)
      .filter((declaration) => !declaration.endsWith(':'))
      .join(';');
    targets[index].setAttribute('style', style);
  });
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  return { markup: new XMLSerializer().serializeToString(clone), width, height };
}

/**
 * Draws the chart on a canvas at twice its size (sharp on high-density screens and in slides) over the page's
 * background colour, so that the picture keeps its contrast in the dark theme too, and encodes it as PNG.
 */
export async function svgToPngBlob(svg: SVGSVGElement, background: string): Promise<Blob> {
  const { markup, width, height } = serializeSvg(svg);
  const scale = 2;
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the chart as an image.');
  context.fillStyle = background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The chart could not be encoded as PNG.'))),
      'image/png',
    ),
  );
}
