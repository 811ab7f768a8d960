#!/usr/bin/python3
"""subset-font.py: cuts the STIX Two Math font down to what the formulas use.

  /usr/bin/python3 scripts/site/subset-font.py FORMULAS.json IN.woff2 OUT.woff2

FORMULAS.json is render-formulas.js's output (TeX -> MathML tree). Kept: every
character shown in a token element (<mi>, <mo>, <mn>, <mtext>, <ms>), and for a
single-character <mi> also its mathematical italic form (MathML Core draws
such an <mi> in italic by mapping it to U+1D400..), the OpenType MATH table
with the size variants and pieces that stretchy delimiters, radicals and
big operators are built from (fontTools closes the glyph set over MATH), and
U+221A for <msqrt>/<mroot> (drawn with no character in the markup), the
substitutions MathML rendering uses (script-style 'ssty', flattened
accents 'flac', dotless forms 'dtls'). Hinting is dropped. Needs Debian's
fonttools and python3-brotli (woff2), run with Debian's /usr/bin/python3.
"""
import json
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

# MathML Core's italic mapping for the letters that are not in a plain run.
ITALIC_SPECIAL = {
    'h': 0x210E, '\u0131': 0x1D6A4, '\u0237': 0x1D6A5, '\u2207': 0x1D6FB, '\u2202': 0x1D715,
    '\u03F5': 0x1D716, '\u03D1': 0x1D717, '\u03F0': 0x1D718, '\u03D5': 0x1D719, '\u03F1': 0x1D71A,
    '\u03D6': 0x1D71B, '\u03F4': 0x1D6F3,
}
FEATURES = ['ssty', 'flac', 'dtls', 'ccmp', 'locl', 'mark', 'mkmk', 'kern', 'liga', 'rlig', 'rvrn']


def italic(ch):
    """The mathematical italic code point MathML Core draws `ch` with, or None."""
    if ch in ITALIC_SPECIAL:
        return ITALIC_SPECIAL[ch]
    c = ord(ch)
    if ord('A') <= c <= ord('Z'):
        return 0x1D434 + c - ord('A')
    if ord('a') <= c <= ord('z'):
        return 0x1D44E + c - ord('a')
    if 0x391 <= c <= 0x3A9 and c != 0x3A2:
        return 0x1D6E2 + c - 0x391
    if 0x3B1 <= c <= 0x3C9:
        return 0x1D6FC + c - 0x3B1
    return None


TOKENS = {'mi', 'mo', 'mn', 'mtext', 'ms'}


def code_points(trees):
    """Every code point the formulas draw. A tree is [tag, attrs, *children]
    (render-formulas.js); annotations hold the TeX source and are not drawn."""
    points = set()

    def walk(node):
        tag, attrs, children = node[0], node[1], node[2:]
        if tag == 'annotation':
            return
        if tag in ('msqrt', 'mroot'):
            points.add(0x221A)  # a radical's sign comes from the font, though no text holds it
        text = ''.join(c for c in children if isinstance(c, str))
        if tag in TOKENS:
            points.update(ord(ch) for ch in text)
            if tag == 'mi' and len(text) == 1 and 'mathvariant' not in attrs:
                mapped = italic(text)
                if mapped:
                    points.add(mapped)
        for child in children:
            if not isinstance(child, str):
                walk(child)

    for tree in trees:
        walk(tree)
    return points


def main(argv):
    if len(argv) != 4:
        sys.exit('usage: subset-font.py FORMULAS.json IN.woff2 OUT.woff2')
    _, formulas_path, source, target = argv
    with open(formulas_path, encoding='utf-8') as f:
        formulas = json.load(f)
    points = code_points(formulas.values())
    points.add(0x20)  # nothing else: the subset is made again from the formulas at every build
    font = TTFont(source)
    missing = sorted(p for p in points if p not in font.getBestCmap() and p > 0x20 and p not in (0x2061, 0x2062, 0x2063, 0x2064))
    options = subset.Options()
    options.flavor = 'woff2'
    options.layout_features = FEATURES
    options.hinting = False
    options.name_IDs = ['*']          # keep the names (and the OFL notice) the font ships with
    options.notdef_outline = True
    sub = subset.Subsetter(options)
    sub.populate(unicodes=sorted(points))
    sub.subset(font)
    if 'MATH' not in font:
        sys.exit('subset-font: the MATH table was lost')
    font.flavor = 'woff2'
    font.save(target)
    print(f'subset-font: {len(points)} code points, {len(font.getGlyphOrder())} glyphs -> {target}'
          + (f' (not in the font: {", ".join("U+%04X" % p for p in missing)})' if missing else ''))


if __name__ == '__main__':
    main(sys.argv)
