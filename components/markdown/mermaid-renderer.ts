import mermaid from 'mermaid';
import { isDarkNow } from '@/lib/theme';

/**
 * Loaded with import() only when an answer holds a finished mermaid block: mermaid is the largest
 * renderer by far. Strict security makes mermaid sanitise labels and disables click handlers; the
 * keys listed as secure cannot be changed by an `%%{init}%%` directive in the diagram, which could
 * otherwise bring in CSS that fetches remote URLs.
 */
const secureKeys = [
  'secure',
  'securityLevel',
  'startOnLoad',
  'maxTextSize',
  'maxEdges',
  'suppressErrorRendering',
  'themeCSS',
  'themeVariables',
  'fontFamily',
  'altFontFamily',
  'htmlLabels',
];

let initializedTheme: string | undefined;
let renderCount = 0;

/** Draws a diagram in the page's current theme (the person's choice, not only the system's). */
export async function renderMermaid(source: string): Promise<string> {
  const theme = isDarkNow() ? 'dark' : 'default';
  if (initializedTheme !== theme) {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      suppressErrorRendering: true,
      maxTextSize: 50_000,
      secure: secureKeys,
      theme,
    });
    initializedTheme = theme;
  }
  renderCount += 1;
  const { svg } = await mermaid.render(`parley-mermaid-${renderCount}`, source);
  return sanitizeSvg(svg);
}

/** Anything that loads from elsewhere: @import, or url(…) other than a reference within the SVG. */
const remoteReference = /@import|url\(\s*['"]?\s*(?!#)/i;
const remoteReferences = /@import[^;]*;?|url\(\s*['"]?\s*(?!#)[^)]*\)/gi;
const forbiddenElements = 'script, iframe, object, embed, image, animate, set, a';

/**
 * A second line of defence behind mermaid's own sanitising, since the SVG is injected into the
 * page: no scripts, no event handlers, no links or references leaving the document, no CSS that
 * fetches anything. Parsed as HTML, the way the page will parse it, in an inert document.
 */
function sanitizeSvg(svg: string): string {
  const parsed = new DOMParser().parseFromString(svg, 'text/html');
  const root = parsed.body.querySelector('svg');
  if (!root) throw new Error('Mermaid did not produce an SVG.');
  for (const element of Array.from(root.querySelectorAll(forbiddenElements))) {
    // A link's text is kept, without the link.
    if (element.localName === 'a') element.replaceWith(...Array.from(element.childNodes));
    else element.remove();
  }
  for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      const reference = name === 'href' || name.endsWith(':href') || name === 'src';
      if (
        name.startsWith('on') ||
        (reference && !attribute.value.startsWith('#')) ||
        remoteReference.test(attribute.value)
      ) {
        element.removeAttribute(attribute.name);
      }
    }
    if (element.localName === 'style') {
      element.textContent = (element.textContent ?? '').replace(remoteReferences, 'none');
    }
  }
  return root.outerHTML;
}
