#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora (tests/fuzz/corpus/<target>/) and dictionaries
(tests/fuzz/<target>.dict) from what the project already holds: the bundled files
(content/*.json, config/kiosk.json), the string literals of the tests that read the same inputs
(tests/model, tests/feed, tests/text), and the keys and choices the readers in kiosk/model ask
for. Run it from anywhere after changing those; it replaces what it wrote before, and the result
is committed. Seeds are named by their SHA-1, as libFuzzer names what it adds."""

import hashlib
import json
import pathlib
import re
import shutil
import struct
import zlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
FUZZ = ROOT / "tests" / "fuzz"


# --- C++ string literals -------------------------------------------------------------------

SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", '"': '"', "'": "'",
                  "a": "\a", "b": "\b", "f": "\f", "v": "\v", "?": "?"}


def decode_escapes(body):
    """The bytes of an ordinary (UTF-8) C++ string literal's body."""
    out = bytearray()
    i = 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out += c.encode()
            i += 1
            continue
        e = body[i + 1]
        if e == "x":
            m = re.match(r"[0-9a-fA-F]+", body[i + 2:])
            out.append(int(m.group(0), 16) & 0xFF)
            i += 2 + len(m.group(0))
        elif e in "01234567":
            m = re.match(r"[0-7]{1,3}", body[i + 1:])
            out.append(int(m.group(0), 8) & 0xFF)
            i += 1 + len(m.group(0))
        elif e in "uU":
            n = 4 if e == "u" else 8
            out += chr(int(body[i + 2:i + 2 + n], 16)).encode()
            i += 2 + n
        else:
            out += SIMPLE_ESCAPES.get(e, e).encode()
            i += 2
    return bytes(out)


def string_literals(source):
    """Every string literal of a C++ source, adjacent ones joined as the compiler joins them."""
    literals = []
    pending = None  # the literal being joined, while only spaces and comments follow it
    i = 0
    while i < len(source):
        c = source[i]
        if source.startswith("//", i):
            i = source.find("\n", i)
            i = len(source) if i < 0 else i
            continue
        if source.startswith("/*", i):
            i = source.find("*/", i) + 2
            continue
        raw = re.match(r'(?:u8)?R"([^(\s]*)\(', source[i:])
        if raw:
            end = source.index(")" + raw.group(1) + '"', i + raw.end())
            piece = source[i + raw.end():end].encode()
            i = end + len(raw.group(1)) + 2
            pending = piece if pending is None else pending + piece
            continue
        if c == '"' or source.startswith('u8"', i):
            i += 3 if c == "u" else 1
            start = i
            while source[i] != '"':
                i += 2 if source[i] == "\\" else 1
            piece = decode_escapes(source[start:i])
            i += 1
            pending = piece if pending is None else pending + piece
            continue
        if c == "'":  # a character literal, or a digit separator such as 20'000
            m = re.match(r"'(\\.|[^\\'])+'", source[i:])
            i += m.end() if m and not source[i - 1].isalnum() else 1
        elif not c.isspace():
            if pending is not None:
                literals.append(pending)
                pending = None
            i += 1
        else:
            i += 1
    if pending is not None:
        literals.append(pending)
    return literals


NOT_INPUT = re.compile(rb"\[[^\]]*\]|[\w./-]+\.(hpp|h|ttf|pem|json)")  # tags, file names


def literals_of(*patterns):
    """The string literals of the tests matching `patterns`, but test names and tags, includes,
    and file names."""
    out = []
    for pattern in patterns:
        for path in sorted(ROOT.glob(pattern)):
            source = path.read_text(encoding="utf-8")
            names = {decode_escapes(m)
                     for m in re.findall(r'TEST_CASE\(\s*"((?:\\.|[^"\\])*)"', source)}
            out += [s for s in string_literals(source)
                    if s not in names and not NOT_INPUT.fullmatch(s)]
    return out


def looks_like_json(text):
    s = text.lstrip()
    return s[:1] in (b"{", b"[", b"/") or re.fullmatch(rb"-?[0-9][0-9.eE+-]*|\".*\"", s) is not None


def strip_comments(text):
    """JSON with // and /* */ comments, as the kiosk accepts it, without them (for Python)."""
    return re.sub(r'"(?:\\.|[^"\\])*"|//[^\n]*|/\*.*?\*/',
                  lambda m: m.group(0) if m.group(0).startswith('"') else "", text, flags=re.S)


# --- what the readers ask for --------------------------------------------------------------

def reader_words():
    """Keys the model's readers ask for, and the strings they accept as choices."""
    words = set()
    for path in sorted((ROOT / "kiosk" / "model").glob("*.cpp")):
        code = path.read_text(encoding="utf-8")
        words.update(re.findall(
            r'(?:\.(?:string|number|integer|boolean|choice|object|array|has|at)|read_\w+)\('
            r'(?:\w+, )?"([A-Za-z_$][\w$]*)"', code))
        for choices in re.findall(r'\{((?:"[a-z]+", )+"[a-z]+")\}', code):
            words.update(re.findall(r'"([a-z]+)"', choices))
    return words


def json_keys(value, keys):
    if isinstance(value, dict):
        for k, v in value.items():
            keys.add(k)
            json_keys(v, keys)
    elif isinstance(value, list):
        for v in value:
            json_keys(v, keys)
    return keys


def bundled(path):
    return (ROOT / path).read_bytes()


def bundled_json(path):
    return json.loads(strip_comments(bundled(path).decode("utf-8")))


# --- writing ---------------------------------------------------------------------------------

def write_corpus(target, seeds):
    folder = FUZZ / "corpus" / target
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    unique = {hashlib.sha1(s).hexdigest(): s for s in seeds}
    for name, seed in unique.items():
        (folder / name).write_bytes(seed)
    return len(unique), sum(len(s) for s in unique.values())


def dict_entry(value):
    out = ""
    for b in value:
        ch = chr(b)
        out += "\\" + ch if ch in '"\\' else ch if 0x20 <= b < 0x7F else "\\x%02x" % b
    return '"' + out + '"'


def write_dict(target, heading, tokens):
    lines = [f"# {heading}", "# Written by tests/fuzz/make_corpus.py; edit that, not this."]
    seen = set()
    for token in tokens:
        token = token.encode() if isinstance(token, str) else token
        if token and token not in seen:
            seen.add(token)
            lines.append(dict_entry(token))
    (FUZZ / f"{target}.dict").write_text("\n".join(lines) + "\n", encoding="ascii")


JSON_TOKENS = ["{", "}", "[", "]", ":", ",", '"', "true", "false", "null", "-", "0", "1", ".5",
               "e+", "E-", "1e400", "-0", "\\n", "\\t", "\\\\", '\\"', "\\/", "\\u00e9",
               "\\ud83d\\ude00", "\\ud800", "\\u0000", "\\r", "//", "/*", "*/", "\xef\xbb\xbf",
               "\r\n", "'"]


def quoted(words):
    return ['"%s"' % w for w in sorted(words)]


def fnv1a(text):
    h = 0xcbf29ce484222325
    for b in text:
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return "%016x" % h


def layout_seeds(texts):
    """Each text with a few settings (layout_fuzz.cpp reads four bytes of them first)."""
    settings = [bytes([0x00, 0x02, 0x04, 0x04]),  # regular title at 40 px, 640 x 480
                bytes([0x15, 0x0B, 0x05, 0x05]),  # bold balanced body, vi, 52 px down to 39
                bytes([0x3A, 0x1C, 0x02, 0x02]),  # italic, NFD compared, 80 px, narrow
                bytes([0xD0, 0x35, 0x06, 0x03])]  # indented body under a title's floor, fontconfig
    seeds = []
    for k, text in enumerate(texts):
        seeds.append(settings[k % len(settings)] + text)
        if k % 3 == 0:
            seeds.append(settings[(k + 1) % len(settings)] + text)
    return seeds


# --- images ----------------------------------------------------------------------------------

def png(width, height, pixels=None):
    """A grey PNG; `pixels` None gives real image data, else the header alone claims the size."""
    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body +
                struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
    rows = b"".join(b"\0" + bytes([0x80] * width) for _ in range(height)) if pixels is None else b""
    return out + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def jpeg_segment(marker, body):
    return b"\xff" + bytes([marker]) + struct.pack(">H", len(body) + 2) + body


def jpeg(width, height, app=()):
    """A baseline grey JPEG, every 8x8 block flat: one DC code and one AC code, each "0". `app`
    lists (marker, bytes) of metadata segments before the frame header."""
    out = b"\xff\xd8" + jpeg_segment(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0")
    for marker, size in app:
        tag = b"Exif\0\0" if marker == 0xE1 else b"ICC_PROFILE\0"
        out += jpeg_segment(marker, tag + bytes(size - len(tag)))
    out += jpeg_segment(0xDB, b"\x00" + bytes([1] * 64))
    out += jpeg_segment(0xC0, b"\x08" + struct.pack(">HH", height, width) + b"\x01\x01\x11\x00")
    out += jpeg_segment(0xC4, b"\x00" + bytes([1] + [0] * 15) + b"\x00")
    out += jpeg_segment(0xC4, b"\x10" + bytes([1] + [0] * 15) + b"\x00")
    out += jpeg_segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")
    bits = "00" * (((width + 7) // 8) * ((height + 7) // 8))
    bits += "1" * (-len(bits) % 8)
    scan = bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))
    return out + scan.replace(b"\xff", b"\xff\x00") + b"\xff\xd9"


# WebP files as `convert` (ImageMagick 7, libwebp) wrote them: 1x1 lossless (VP8L), 3x2 lossy
# (VP8), 2x2 lossy with alpha (VP8X).
WEBP = [bytes.fromhex(h) for h in (
    "524946461c000000574542505650384c0f0000002f000000000710fd8ffe0722a2ff0100",
    "524946463a00000057454250565038202e000000b001009d012a0300020002c04c25a00274010efe02ec00fef8"
    "472a3ff6d0ffff6d0ffff6d0ffa8ef06c914e48000",
    "524946465c00000057454250565038580a00000010000000010000010000414c504805000000007f7f7f7f0056"
    "503820300000001002009d012a0200020002003425a00274ba01f801f80003c800fee669dffb5a038355fe67ff"
    "fbef8511dbaff3140000")]


def image_seeds():
    return [png(3, 2), png(100000, 100000, pixels=False), jpeg(3, 2),
            jpeg(17, 9, app=[(0xE1, 60000), (0xE2, 4000)]),  # 64 KiB of metadata before the size
            png(3, 2)[:30], jpeg(3, 2)[:40]] + WEBP


def manifest_seeds():
    fingerprint = fnv1a(b"https://decks.example/hall/slides.json\ncontent")
    good = {"source": fingerprint, "url": "https://decks.example/hall/slides.json?key=\u2026",
            "fetched_unix": 1761500000,
            "files": {"slides.json": {"etag": '"5f-63a"', "last_modified":
                                      "Sun, 26 Oct 2025 17:33:20 GMT", "bytes": 4321},
                      "counter.json": {"etag": "", "last_modified": "", "bytes": 120},
                      "img/hall.jpg": {"etag": 'W/"x"', "last_modified": "", "bytes": 90000}}}
    bad_etag = json.loads(json.dumps(good))
    bad_etag["files"]["slides.json"]["etag"] = "x\r\nX-Evil: 1"
    return [json.dumps(good, indent=1, ensure_ascii=False).encode() + b"\n",
            json.dumps(good).encode(), json.dumps(bad_etag).encode(),
            json.dumps(dict(good, fetched_unix=1e300)).encode(),
            json.dumps(dict(good, files=[{"etag": "", "last_modified": "", "bytes": 1}])).encode(),
            b"{}", b""]


def url_seeds():
    names = [b"hall.jpg", b"img/hall.jpg", b"counter.json", b"../up.png", b"/root.png",
             b"//other.example/x.png", b"https://other.example/x.png", b"?q=1", b"#f",
             b"//user:pw@other.example/x.png", b"http://user@feed.example/x.png",
             b"file:///etc/passwd", b"a b.png", b"a%20b.png", b"\\\\host\\x.png", b"..//..//x"]
    bases = [b"https://feed.example/decks/slides.json", b"http://u:p@feed.example:8080/a/b",
             b"ftp://feed.example/slides.json", b"https://feed.example", b"HTTPS://FEED.example/"]
    seeds = [bytes([flags]) + n for flags, n in zip([0, 2, 6, 14, 30, 18, 4, 8] * 4, names)]
    seeds += [b"\x01" + b + b"\0" + n for b, n in zip(bases * 4, names)]
    return seeds


def main():
    model_tests = literals_of("tests/model/*.cpp")
    feed_tests = literals_of("tests/feed/*.cpp")
    text_tests = literals_of("tests/text/*.cpp")
    bundled_files = [bundled(p) for p in ("content/slides.json", "content/counter.json",
                                          "config/kiosk.json", "content/slides.schema.json",
                                          "content/counter.schema.json")]
    slides = bundled_json("content/slides.json")
    words = reader_words()
    file_keys = set()
    for p in ("content/slides.json", "content/counter.json", "config/kiosk.json",
              "content/slides.schema.json", "content/counter.schema.json"):
        json_keys(bundled_json(p), file_keys)

    feed = ("https://feed.example/x?api_key=s3cret", "/total")  # as counter_cache_fuzz.cpp
    fingerprint = fnv1a((feed[0] + "\n" + feed[1]).encode())
    cache = json.dumps({"value": 81, "fetched_unix": 1761499940, "feed": fingerprint,
                        "url": "https://feed.example/x?api_key=\u2026"}, ensure_ascii=False)
    old_cache = json.dumps({"value": 81, "fetched_unix": 1761400000, "url": feed[0],
                            "pointer": feed[1]})

    slide_texts = []
    for slide in slides["slides"]:
        for language in ("vi", "en"):
            block = slide.get(language, {})
            slide_texts += [block[k].encode()
                            for k in ("title", "body", "attribution") if k in block]
    readable = [t for t in text_tests if re.search(rb"[A-Za-z\x80-\xff]", t) and len(t) < 4000]

    pointer = b"/result/signatories/total\n"
    answers = [t for t in feed_tests if looks_like_json(t) and len(t) < 8000]
    sets = {
        "json": bundled_files + [t for t in model_tests if looks_like_json(t)],
        "config": [bundled("config/kiosk.json")] +
                  [t for t in literals_of("tests/model/config_test.cpp", "tests/app/*.cpp")
                   if t.lstrip().startswith(b"{")],
        "deck": [bundled("content/slides.json")] +
                [t for t in literals_of("tests/model/deck_test.cpp", "tests/app/*.cpp")
                 if t.lstrip().startswith(b"{")],
        "counter_content": [bundled("content/counter.json")] +
                           [t for t in literals_of("tests/model/counter_content_test.cpp")
                            if t.lstrip().startswith(b"{")],
        "counter_reading": answers + [pointer + a for a in answers[::3]] +
                           [b"/a~1b/m~0n/1\n" + b'{"a/b": {"m~n": [5, 9]}}', b"42"],
        "counter_cache": [cache.encode(), old_cache.encode()] +
                         [t for t in literals_of("tests/feed/counter_cache_test.cpp")
                          if t.lstrip().startswith(b"{")],
        "layout": layout_seeds(slide_texts + readable),
        "outside": [bytes([n]) + t for n, t in zip(
            [3, 80, 40, 200, 1, 0, 255] * 100,
            literals_of("tests/model/printable_test.cpp") +
            [t for t in model_tests + feed_tests if b"://" in t and len(t) < 500])],
        "image_header": image_seeds(),
        "deck_manifest": manifest_seeds(),
        "url": url_seeds(),
    }
    total = 0
    for target, seeds in sets.items():
        count, size = write_corpus(target, seeds)
        total += size
        print(f"{target}: {count} seeds, {size} bytes")
    print(f"all: {total} bytes")

    config_words = words | {"#0b1f3a", "#fff", "1920x1080", "1080x1920", "http://", "https://",
                            "/result/signatories/total", "~0", "~1", "Authorization",
                            "Bearer x", "NotoSans-Regular.ttf", "..", "/"}
    deck_words = words | {"$schema", "./slides.schema.json", "\\n\\n", "  \\n", "welcome",
                          "A b", "\u201c", "\u201d"}
    write_dict("json", "JSON as the kiosk reads operators' files: tokens, escapes, comments.",
               JSON_TOKENS)
    write_dict("config", "config/kiosk.json: JSON tokens and the keys and values it reads.",
               JSON_TOKENS + quoted(config_words) + sorted(config_words) +
               ["0.1", "86400", "16777216", "1.5", "0.8", "270", "3600", "64"])
    write_dict("deck", "content/slides.json: JSON tokens and the keys and values it reads.",
               JSON_TOKENS + quoted(deck_words | file_keys) + ["3600", "0.5"])
    write_dict("counter_content", "content/counter.json: JSON tokens, its keys, dates, counts.",
               JSON_TOKENS + quoted(words | file_keys) +
               ['"2025-10-26"', '"2024-02-29"', '"2023-02-29"', "1000000000000",
                "1000000000001", " 202", "+1"])
    write_dict("counter_reading", "A feed's answer: JSON tokens, pointer pieces, edge counts.",
               JSON_TOKENS + ['"result"', '"signatories"', '"total"', "/result/signatories/total",
                              "/", "~0", "~1", "\n", "/0", "/-", "/01", '"2500"', '" 81 "',
                              '"2.500"', '"2,500"', "1000000000000", "18446744073709551615",
                              "9223372036854775808", "-9223372036854775809", "72.0", "1e12",
                              "1e300", "-0.0", "<html>"])
    write_dict("counter_cache", "The counter cache file: its keys and the seeds' feed.",
               JSON_TOKENS + ['"value"', '"fetched_unix"', '"feed"', '"url"', '"pointer"',
                              '"%s"' % fingerprint, '"%s"' % feed[0], '"%s"' % feed[1],
                              "1761500000", "1761500001", "1000000000000", "-1",
                              "9223372036854775807"])
    write_dict("layout", "Text for layout: Vietnamese marks, other scripts, breaks, controls.",
               ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b",
                "\u1ec7", "\u01b0", "\u0111", "\u0110", "C\u00f4ng \u01b0\u1edbc",
                "H\u00e0 N\u1ed9i", "\u0627\u062a\u0641\u0627\u0642\u064a\u0629", "\u0644\u0627",
                "\u05e9\u05dc\u05d5\u05dd",
                "\u6cb3\u5185", "\u0915\u094d\u0937", "\u200b", "\u200c", "\u200d", "\u00a0",
                "\u00ad", "\u2011", "\u2013", "\u2014", "\u2026", "\u201c", "\u201d", "\u00ab",
                "\u00bb", "\u202e", "\u202a", "\u2066", "\u2069", "\u200f", "\u061c", "\u2028",
                "\u3000", "\ufeff", "\ufffd", "\U0001f600", "\U0001f1fb\U0001f1f3",
                "\U0001f469\u200d\U0001f4bb", "\ufe0f", "\t", "\n", "\n\n", " ", "  ", "-", "/",
                "24/12/2024", "25\u201326", "40 qu\u1ed1c gia", "United Nations",
                "https://www.unodc.org/", "\U00010000", "\U0010ffff", "\x00", "\x7f"])
    write_dict("outside", "Text from outside: controls, escapes, bidi, broken UTF-8, URLs.",
               ["\x1b[2J", "\x1b", "\x07", "\x7f", "\n", "\r", "\t", "\\", "\\x1b",
                "\u0085", "\u009b", "\u202e", "\u2066", "\u2028", "\ufeff", "\u00e9",
                b"\xc3", b"\xe2\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf",
                b"\xff", "\u2026", "://", "http://", "https://", "@", ":", "?", "&", "=", "#",
                "/", "user:pw@", "?api_key=", "%40", "\x00"])
    write_dict("image_header", "Image headers: signatures, chunk names, JPEG markers, sizes.",
               [b"\x89PNG\r\n\x1a\n", b"IHDR", b"IDAT", b"IEND", b"\xff\xd8\xff", b"\xff\xe0",
                b"\xff\xe1", b"\xff\xc0", b"\xff\xc2", b"\xff\xc4", b"\xff\xc8", b"\xff\xcc",
                b"\xff\xdb", b"\xff\xda", b"\xff\xd9", b"\xff\xd0", b"\xff\x01", b"\xff\xff",
                b"RIFF", b"WEBP", b"VP8 ", b"VP8L", b"VP8X", b"\x9d\x01\x2a", b"\x2f", b"ALPH",
                b"\x00\x00", b"\xff\xff\xff\xff", b"\x7f\xff\xff\xff", b"\x80\x00\x00\x00",
                b"\x00\x01\x86\xa0", b"\x20\x01", b"\x00\x02"])
    write_dict("deck_manifest", "A fetched deck's manifest.json: JSON tokens, its keys, edges.",
               JSON_TOKENS + ['"source"', '"url"', '"fetched_unix"', '"files"', '"etag"',
                              '"last_modified"', '"bytes"', '"slides.json"', '"counter.json"',
                              '"img/hall.jpg"', '"../x"', '"/etc"', '"https://"', '"http://"',
                              '"0123456789abcdef"', "1761500000", "253402300799",
                              "253402300800", "1073741824", "1073741825", "18446744073709551615",
                              "1e300", "-1", "\\r\\n", "\\u0085", "\\u202e"])
    write_dict("url", "Names resolved against a deck's URL: URL syntax and its tricks.",
               ["://", "http:", "https:", "HTTP:", "file:", "ftp:", "//", "/", "..", ".", "../",
                "./", "?", "#", "@", ":", "user:pw@", "%2e", "%2f", "%40", "%00", "%", "\\", " ",
                "\t", "\n", "[::1]", "127.0.0.1", ":8080", ":0", ":65536", "\x00", "\u00e9",
                "xn--", ";", "&", "="])


if __name__ == "__main__":
    main()
