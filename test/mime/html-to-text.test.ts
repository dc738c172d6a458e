import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../shared/mime/html-to-text.ts';

const visible = (html: string) => htmlToText(html).visible;
const hidden = (html: string) => htmlToText(html).hidden;

describe('htmlToText layout', () => {
  it('joins inline elements without spaces, so split numbers stay contiguous', () => {
    expect(visible('<p>Call <span>804</span><span>713</span>4598 now</p>')).toBe('Call 8047134598 now');
    expect(visible('<b>1</b><i>-</i><font color="#000">800</font>-555-0100')).toBe('1-800-555-0100');
    expect(visible('<div style="display:inline">804</div><div style="display:inline-block">713</div>')).toBe('804713');
  });

  it('breaks lines at block elements and <br>, cells are separated by a space', () => {
    expect(visible('<div>a</div><div>b</div>')).toBe('a\nb');
    expect(visible('<p>a</p><p>b</p>')).toBe('a\n\nb');
    expect(visible('x<br>y<br><br>z')).toBe('x\ny\n\nz');
    expect(visible('<h1>Title</h1>text<ul><li>one<li>two</ul>')).toBe('Title\ntext\none\ntwo');
    expect(visible('<table><tr><td>a</td><td>b</td></tr><tr><td>c<td>d</table>')).toBe('a b\nc d');
    expect(visible('<span style="display:block">a</span>b')).toBe('a\nb');
  });

  it('collapses whitespace like a browser and keeps <pre>', () => {
    expect(visible('  Hello \n\t  world  ')).toBe('Hello world');
    expect(visible('<span>a</span>   <span>b</span>')).toBe('a b');
    expect(visible('<pre>a  b\n c</pre>')).toBe('a  b\n c');
  });

  it('decodes named, decimal and hex entities, legacy names without ";" included', () => {
    expect(visible('&amp; &lt;b&gt; &quot;x&quot; &#x31;&#50;&#x33; &copy &nbsp;| &euro;&#128;')).toBe('& <b> "x" 123 © \u00a0| €€');
    expect(visible('&notit; &bogus; &#xZZ; & alone')).toBe('¬it; &bogus; &#xZZ; & alone');
    expect(htmlToText('<a href="?a=1&amp;b=2&copy=3&amp;lt;">x</a>').links[0]?.href).toBe('?a=1&b=2&copy=3&lt;');
    expect(visible('&#0;&#xD800;&#99999999;')).toBe('\ufffd\ufffd\ufffd');
  });

  it('never decodes a name from Object.prototype to JavaScript source', () => {
    const names = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];
    for (const name of names) {
      const html = `<p title="&${name};" style="color:&${name};">&${name}; &${name}</p><textarea>&${name};</textarea>`;
      const r = htmlToText(html);
      expect(r.visible).toBe(`&${name}; &${name}\n\n&${name};`);
      expect(JSON.stringify(r)).not.toContain('native code');
    }
  });

  it('drops comments, scripts, styles, head, title, template and noscript', () => {
    const html =
      '<html><head><title>T</title><style>p{color:red}</style><meta charset="utf-8"></head><body>' +
      '<!-- comment 555-0100 --><script>var x = "<p>555-0101</p>";</script><template><p>555-0102</p></template>' +
      '<noscript>555-0103</noscript><!--[if mso]><p>mso only</p><![endif]-->shown</body></html>';
    expect(visible(html)).toBe('shown');
    expect(hidden(html)).toBe('');
  });

  it('finds the end of raw text case-insensitively and survives an unclosed one', () => {
    expect(visible('<SCRIPT>x</ScRiPt >after')).toBe('after');
    expect(visible('before<style>p{}')).toBe('before');
    expect(visible('a <!-- never closed')).toBe('a');
  });

  it('treats a "<" that starts no tag as text', () => {
    expect(visible('1 < 2 and 3 <= 4 <> <3')).toBe('1 < 2 and 3 <= 4 <> <3');
  });

  it('implicitly closes <p>, so hidden paragraphs do not swallow later text', () => {
    expect(htmlToText('<p style="display:none">hidden<p>visible')).toMatchObject({ visible: 'visible', hidden: 'hidden' });
  });
});

describe('htmlToText hidden text', () => {
  const cases: Array<[string, string]> = [
    ['display:none', '<div style="display: none">X</div>'],
    ['display:none !important', '<div style="DISPLAY:NONE !important">X</div>'],
    ['visibility:hidden', '<span style="visibility:hidden">X</span>'],
    ['font-size:0', '<span style="font-size:0">X</span>'],
    ['font-size:0px', '<span style="font-size:0px">X</span>'],
    ['font-size:1px', '<span style="font-size:1px">X</span>'],
    ['font shorthand 0/0', '<span style="font:0/0 a">X</span>'],
    ['opacity:0', '<span style="opacity:0">X</span>'],
    ['max-height:0', '<div style="max-height:0px">X</div>'],
    ['height:0 overflow hidden', '<div style="height:0;overflow:hidden">X</div>'],
    ['width:0 overflow hidden', '<div style="width:0;overflow:hidden">X</div>'],
    ['hidden attribute', '<div hidden>X</div>'],
    ['mso-hide:all', '<div style="mso-hide:all">X</div>'],
    ['white on white (style)', '<div style="background:#ffffff"><span style="color:#fff">X</span></div>'],
    ['white on white (attributes)', '<table bgcolor="white"><tr><td><font color="#FFFFFF">X</font></td></tr></table>'],
    ['white on white (rgb)', '<body style="background-color: rgb(255,255,255)"><p style="color: rgb(254, 254, 254)">X</p></body>'],
    ['transparent text', '<span style="color:transparent">X</span>'],
    ['off-screen', '<span style="position:absolute;left:-9999px">X</span>'],
    // What a browser reads after decoding entities in the attribute and CSS comments and escapes in the style.
    ['entity-encoded colon', '<div style="display&#58;none">X</div>'],
    ['entity-encoded property name', '<div style="&#x64;isplay:&#110;one">X</div>'],
    ['named entities in the style', '<span style="font&#x2D;size&colon;0">X</span>'],
    ['CSS comment between colon and value', '<div style="display:/**/none">X</div>'],
    ['CSS comment inside the declaration', '<div style="display/* a */:/* b */none/* c */">X</div>'],
    ['CSS hex escape in the value', '<div style="display:n\\6f ne">X</div>'],
    ['CSS hex escape without the space', '<div style="display:\\00006Eone">X</div>'],
    ['CSS escapes in the property name', '<div style="dis\\70 lay:none">X</div>'],
    ['CSS character escape', '<div style="visibility:\\hidden">X</div>'],
    ['entity that spells a CSS escape', '<div style="display:n&#92;6f ne">X</div>'],
    ['escaped white colour', '<div style="background:#fff"><span style="color:\\23 fff">X</span></div>'],
    ['entity-encoded font colour', '<table bgcolor="&#35;ffffff"><tr><td><font color="&#x23;FFF">X</font></td></tr></table>'],
    ['entity-encoded hidden class', '<style>.hide{display:none}</style><div class="hi&#100;e">X</div>'],
    ['escaped class selector', '<style>.hi\\64 e{font-size:0}</style><div class="hide">X</div>'],
    ['commented sheet declaration', '<style>.h{display:/* x */none}</style><div class="h">X</div>'],
  ];
  for (const [name, html] of cases) {
    it(`hides ${name}`, () => {
      const r = htmlToText(`before ${html} after`);
      // A hidden block still breaks the line around it, as in a browser.
      expect(r.visible.replace(/\s+/g, ' ')).toBe('before after');
      expect(r.hidden).toBe('X');
    });
  }

  it('does not hide what a browser shows: escaped delimiters and split keywords are no declaration', () => {
    for (const style of ['display\\:none', 'display:no/**/ne', 'dis/**/play:none', 'color:red\\;display:none', 'content:"a;display:none"', 'x:url(a;display:none)']) {
      expect(htmlToText(`<div style='${style}'>shown</div>`)).toMatchObject({ visible: 'shown', hidden: '' });
    }
  });

  it('propagates hiding to nested elements', () => {
    const r = htmlToText('<div style="display:none"><p>a <b>b <span style="color:red">c</span></b></p></div>shown');
    expect(r.visible).toBe('shown');
    expect(r.hidden).toBe('a b c');
  });

  it('lets descendants undo what CSS lets them undo: visibility and font size, not display:none', () => {
    expect(htmlToText('<div style="visibility:hidden">a<span style="visibility:visible">b</span></div>')).toMatchObject({ visible: 'b', hidden: 'a' });
    expect(htmlToText('<div style="font-size:0">a<span style="font-size:14px">b</span></div>')).toMatchObject({ visible: 'b', hidden: 'a' });
    expect(htmlToText('<div style="display:none">a<span style="display:block">b</span></div>')).toMatchObject({ visible: '', hidden: 'a\nb' });
  });

  it('does not call coloured or dark-background text hidden', () => {
    expect(visible('<div style="background:#003087"><span style="color:#fff">Call 1-800-555-0100</span></div>')).toBe('Call 1-800-555-0100');
    expect(visible('<span style="color:#fff">no background set</span>')).toBe('no background set');
    expect(visible('<td background="hero.jpg"><font color="white">over an image</font></td>')).toBe('over an image');
    expect(visible('<span style="font-size:12px">normal</span>')).toBe('normal');
  });

  it('keeps a number split by a hidden decoy contiguous in the visible text', () => {
    expect(htmlToText('Call 804<span style="display:none">999</span>7134598')).toMatchObject({ visible: 'Call 8047134598', hidden: '999' });
  });
});

describe('htmlToText links', () => {
  it('collects visible links with decoded hrefs and their text', () => {
    const r = htmlToText('<a href="https://x.test/?a=1&amp;b=2">Click <b>here</b></a> <a href="tel:+18047134598">call</a><a href="#">x</a>');
    expect(r.links).toEqual([
      { href: 'https://x.test/?a=1&b=2', text: 'Click here' },
      { href: 'tel:+18047134598', text: 'call' },
      { href: '#', text: 'x' },
    ]);
  });

  it('ignores hidden links and anchors without href', () => {
    expect(htmlToText('<div style="display:none"><a href="https://h.test">h</a></div><a name="top">t</a>').links).toEqual([]);
  });

  it('closes an unclosed link at the next one', () => {
    expect(htmlToText('<a href="a">one<a href="b">two</a>').links.map((l) => l.text)).toEqual(['one', 'two']);
  });
});

describe('htmlToText on pathological input (linear time)', () => {
  const within = (html: string, ms: number) => {
    const start = performance.now();
    const result = htmlToText(html);
    const elapsed = performance.now() - start;
    expect(elapsed).toBeLessThan(ms);
    return result;
  };

  it('100k nested divs', () => {
    expect(within('<div>'.repeat(100_000) + 'deep' + '</div>'.repeat(100_000), 2000).visible).toBe('deep');
  });

  it('100k nested hidden spans beyond the depth limit stay bounded', () => {
    within('<span style="color:red">'.repeat(100_000) + 'x', 2000);
  });

  it('unclosed tags, attributes and quotes', () => {
    within('<div style="'.repeat(100_000), 2000);
    within('<a href="x'.repeat(100_000), 2000);
    within('<div '.repeat(200_000), 2000);
    within('<p><li><td><tr><option><a>'.repeat(50_000), 2000);
  });

  it('runs of "<", "&", comment openers and end tags', () => {
    within('<'.repeat(1_000_000), 2000);
    within('&#'.repeat(500_000) + '&amp'.repeat(200_000), 2000);
    within('<!--'.repeat(500_000), 2000);
    within('</div>'.repeat(300_000), 2000);
    within('<script>' + '</scrip'.repeat(300_000), 2000);
  });

  it('a 1 MB line of digits', () => {
    expect(within('1'.repeat(1_000_000), 2000).visible.length).toBe(1_000_000);
  });

  it('2 MB of ordinary markup', () => {
    const html = '<div style="color:#333"><p>Hello <b>world</b> &amp; <a href="x">link</a> <span style="display:none">h</span></p></div>\n'.repeat(20_000);
    within(html, 2000);
  });
});

describe('htmlToText <style> rules', () => {
  it('hides by class and id rules from a style sheet', () => {
    const html =
      '<html><head><style type="text/css">/* hide */ .x{display:none} span.tiny, #gone { font-size: 0 } p.ok{color:#333}</style></head>' +
      '<body>Call <span class="a x">noise</span>804-713-4598 <span class="tiny">1</span><div id="gone">2</div><p class="ok">shown</p></body></html>';
    expect(htmlToText(html)).toMatchObject({ visible: 'Call 804-713-4598\n\nshown', hidden: 'noise\n1\n2' });
  });

  it('reads sheets wrapped in <!-- --> and class rules that hide a whole pasted section', () => {
    const html =
      '<style><!--\n@media only screen { .m {display:none} }\ndiv.WordSection1 {page:WordSection1; visibility: collapse; max-height: 0;}\n--></style>' +
      '<p>Visible lure 1-888-555-0100</p><div class="WordSection1"><p>Pasted signature +56 2 2434 3333</p></div><p class="m">mobile</p>';
    expect(htmlToText(html)).toMatchObject({ visible: 'Visible lure 1-888-555-0100\n\nmobile', hidden: 'Pasted signature +56 2 2434 3333' });
  });

  it('lets the style attribute override a sheet rule', () => {
    expect(visible('<style>.x{display:none}</style><span class="x" style="display:inline">kept</span>')).toBe('kept');
  });

  it('skips @media and other at-rules (mobile-only rules do not apply to the desktop reader)', () => {
    const html = '<style>@import url(x.css); @media (max-width:600px){ .desk{display:none} .m{font-size:0} } .m2{color:red}</style><p class="desk">desk</p>';
    expect(htmlToText(html)).toMatchObject({ visible: 'desk', hidden: '' });
  });

  it('ignores descendant, child and pseudo-class selectors', () => {
    expect(visible('<style>.a .b{display:none} .c>.d{display:none} .e:hover{display:none}</style><i class="b">1</i><i class="d">2</i><i class="e">3</i>')).toBe('123');
  });

  it('parses a huge or unclosed style sheet in linear time', () => {
    const started = performance.now();
    htmlToText('<style>' + '@media{'.repeat(100_000) + '.a{'.repeat(100_000) + '/*'.repeat(100_000));
    htmlToText('<style>' + '.a,'.repeat(200_000) + '{display:none}</style>' + '<b class="a">x</b>'.repeat(10_000));
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
