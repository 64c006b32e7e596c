/**
 * A small, strict XML 1.0 reader for tests (no DTDs, no namespaces resolved): it fails on anything
 * that is not well-formed (mismatched or unclosed tags, a raw `<` or `&`, an unknown entity,
 * duplicate attributes, characters XML forbids) and returns the element tree with entities decoded.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = '[A-Za-z_][\\w.:-]*';
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function decode(raw: string, where: number): string {
  if (raw.includes('<')) throw new Error(`raw "<" in text near offset ${where}`);
  return raw.replace(/&([^;&\s]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new Error(`bare "&" near offset ${where}`);
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    if (!(name in ENTITIES)) throw new Error(`unknown entity &${name}; near offset ${where}`);
    return ENTITIES[name];
  });
}

/** Parses a whole document; throws on the first well-formedness error. */
export function parseXml(xml: string): XmlElement {
  if (FORBIDDEN.test(xml)) throw new Error('document holds a character XML does not allow');
  let i = 0;
  const decl = /^<\?xml[^?]*\?>\s*/.exec(xml);
  if (decl) i = decl[0].length;
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const tag = new RegExp(`<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>`, 'y');
  const attr = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    const top = stack[stack.length - 1];
    if (text.trim() && top === root) throw new Error(`text outside the root element at offset ${i}`);
    top.text += decode(text, i);
    if (lt === -1) break;
    if (xml.startsWith('<!--', lt)) {
      const close = xml.indexOf('-->', lt);
      if (close === -1) throw new Error('unclosed comment');
      i = close + 3;
      continue;
    }
    tag.lastIndex = lt;
    const m = tag.exec(xml);
    if (!m) throw new Error(`malformed tag at offset ${lt}: ${xml.slice(lt, lt + 40)}`);
    i = tag.lastIndex;
    const [, closing, name, rawAttrs, selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (!open || open === root || open.name !== name) throw new Error(`</${name}> does not close <${open?.name}> at offset ${lt}`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of rawAttrs.matchAll(attr)) {
      if (a[1] in attrs) throw new Error(`duplicate attribute ${a[1]} at offset ${lt}`);
      attrs[a[1]] = decode(a[2] ?? a[3], lt);
    }
    const element: XmlElement = { name, attrs, children: [], text: '' };
    if (top === root && root.children.length) throw new Error('more than one root element');
    top.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  if (root.children.length !== 1) throw new Error('no root element');
  return root.children[0];
}
