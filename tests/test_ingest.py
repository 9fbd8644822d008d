"""Ingestion: encodings, HTML, Markdown, whitespace, page chrome and metadata."""

from __future__ import annotations

import codecs

import pytest
from rdflib.compare import isomorphic

import npcgraph
from npcgraph.errors import InputError
from npcgraph.ingest import body_of_post, decode, find_jurisdiction, ingest, normalize


def test_seed_chrome_removed_and_metadata_found(seed_path):
    raw = ingest(seed_path)
    meta = raw.metadata
    assert meta.title == "践行全过程人民民主理念 推动新时代地方人大工作创新发展"
    assert meta.issue == "2022年第4期"
    assert meta.date == "2022"
    assert meta.column == "本期焦点"
    assert meta.author == "胡立山"
    assert meta.author_post == "武汉市人大常委会主任"
    assert meta.reporting_body == "武汉市人大常委会"
    assert meta.jurisdiction == "武汉市"
    assert meta.publisher == "楚天主人杂志社"
    for chrome in ("当前位置", "首页>>", "期刊阅览", "网上投稿", "版权所有", "ICP备", "公网安备"):
        assert chrome not in raw.text
    assert raw.text.startswith(meta.title)
    assert raw.text.endswith("推动解决了一批事关发展和民生的重大问题。")


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda text: text.encode("utf-8"), id="utf-8"),
        pytest.param(lambda text: codecs.BOM_UTF8 + text.encode("utf-8"), id="utf-8-bom"),
        pytest.param(lambda text: text.encode("gb18030"), id="gb18030"),
        # GBK has no NBSP: a GBK copy of the page carries plain spaces, which normalize alike.
        pytest.param(lambda text: text.replace("\xa0", " ").encode("gbk"), id="gbk"),
        pytest.param(lambda text: text.encode("utf-16"), id="utf-16-bom"),
        pytest.param(lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"), id="utf-16-be-bom"),
    ],
)
def test_encodings_give_isomorphic_graphs(encode, seed_path, seed_graph, tmp_path):
    text = seed_path.read_text(encoding="utf-8")
    copy = tmp_path / seed_path.name
    copy.write_bytes(encode(text))
    graph = npcgraph.to_graph(npcgraph.build([copy]))
    assert isomorphic(graph, seed_graph)


def test_whitespace_variants_normalize_to_the_same_text():
    plain = "第一段 文字。\n第二段。"
    noisy = "\ufeff\u3000\u3000第一段\u00a0文字。\u200b  \r\n\r\n\t第二段。\u3000\r\n"
    assert normalize(noisy) == plain


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "E103"),
        (bytes(range(256)) * 4, "E103"),
        (b"\xff\xfe\x00\xd8", "E118"),  # UTF-16 BOM then a lone surrogate
        (b"\x81\x30\x81", "E104"),  # truncated GB18030 sequence, not UTF-8 or Big5 either
    ],
)
def test_undecodable_and_binary_bytes(data, code):
    with pytest.raises(InputError) as info:
        decode(data, "x.txt")
    assert info.value.code == code
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n", "\u3000\u3000\n".encode("utf-8")])
def test_empty_files_are_refused(content, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match="E105"):
        ingest(path)


HTML_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>关于加强生态环境保护的决定_南平人大网</title>
<script>var tracker = "不要";</script><style>.x{color:red}</style></head>
<body>
<div class="top-nav"><a>首页</a> | <a>人大概况</a> | <a>新闻中心</a> | <a>联系我们</a></div>
<div class="crumb">您的位置：首页 &gt; 人大要闻</div>
<div id="content">
  <h1>南平市人大常委会依法履职工作综述</h1>
  <p>发布时间：2023-03-15 来源：南平人大网</p>
  <p>作者：南平市人大常委会办公室 李明</p>
  <p>&nbsp;&nbsp;2022年，南平市人大常委会制定《南平市武夷山国家公园保护条例》。</p>
  <p>常委会听取审议市政府关于生态环境保护工作情况的报告。</p>
</div>
<footer><p>版权所有：南平市人大常委会 闽ICP备12345678号</p></footer>
</body></html>"""


def test_html_reduced_to_main_text(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    raw = ingest(path)
    assert "不要" not in raw.text and "color" not in raw.text
    assert "人大概况" not in raw.text and "您的位置" not in raw.text and "ICP备" not in raw.text
    assert "发布时间" not in raw.text
    assert "2022年，南平市人大常委会制定《南平市武夷山国家公园保护条例》。" in raw.text
    assert raw.metadata.title == "南平市人大常委会依法履职工作综述"
    assert raw.metadata.date == "2023-03-15"
    assert raw.metadata.source == "南平人大网"
    assert raw.metadata.author == "李明"
    assert raw.metadata.reporting_body == "南平市人大常委会"
    assert raw.metadata.jurisdiction == "南平市"


def test_gbk_html_page(tmp_path):
    path = tmp_path / "page.htm"
    path.write_bytes(HTML_PAGE.replace('charset="utf-8"', 'charset="gbk"').encode("gbk"))
    assert "武夷山国家公园保护条例" in ingest(path).text


def test_markdown_export(tmp_path):
    path = tmp_path / "report.md"
    path.write_text(
        "# 浙江省人大常委会工作报告\n\n![会议现场](img/1.jpg)\n\n## 一、立法工作\n\n"
        "制定**《浙江省数字经济促进条例》**，详见[原文](http://example.org/a)。\n",
        encoding="utf-8",
    )
    raw = ingest(path)
    assert "![" not in raw.text and "http" not in raw.text and "**" not in raw.text
    assert "制定《浙江省数字经济促进条例》，详见原文。" in raw.text
    assert raw.metadata.title == "浙江省人大常委会工作报告"
    assert raw.metadata.reporting_body == "浙江省人大常委会"


@pytest.mark.parametrize(
    ("post", "body"),
    [
        ("武汉市人大常委会主任", "武汉市人大常委会"),
        ("浙江省人大常委会党组书记、主任", "浙江省人大常委会"),
        ("全国人大常委会副委员长", None),
        ("记者", None),
    ],
)
def test_body_of_post(post, body):
    assert body_of_post(post) == body


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("武汉市人大常委会", "武汉市"),
        ("浙江省人大常委会", "浙江省"),
        ("广西壮族自治区人大常委会", "广西壮族自治区"),
        ("恩施土家族苗族自治州人民代表大会常务委员会", "恩施土家族苗族自治州"),
        ("全国人大常委会", "中华人民共和国"),
        (None, None),
    ],
)
def test_jurisdiction(body, place):
    assert find_jurisdiction(body) == place


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("——访宜昌市人大常委会主任陈立新", "宜昌市人大常委会"),
        ("武昌区人民代表大会常务委员会工作报告", "武昌区人民代表大会常务委员会"),
        ("向省人大常委会报告工作", None),
        ("常委会还邀请省人大常委会", None),
        ("常委会还邀请浙江省人大常委会", "浙江省人大常委会"),
        ("安吉县人大常委会2023年工作报告", "安吉县人大常委会"),
    ],
)
def test_reporting_body_from_title(title, body):
    from npcgraph.ingest import find_reporting_body
    from npcgraph.model import Metadata

    assert find_reporting_body(Metadata(title=title), "") == body


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("主办单位：宜昌市人大常委会办公室 技术支持：某某科技", True),
        ("版权所有:楚天主人杂志社 鄂ICP备13016411号", True),
        ("首页 | 人大概况 | 新闻中心 | 联系我们", True),
        ("当前位置:首页>>详情页面", True),
        ("督促承办单位及时办理代表建议326件。", False),
        ("会议要求各承办单位认真研究代表意见。", False),
    ],
)
def test_chrome_lines(line, chrome):
    from npcgraph.ingest import _is_chrome

    assert _is_chrome(line) is chrome


# --- encodings a list of fallbacks got wrong (issue 17, defect 5) ----------------------------------

TRADITIONAL = (
    "臺北市議會第十四屆第三次定期大會工作報告\n"
    "本會依法審議通過《臺北市公園管理自治條例》修正案，並聽取市政府施政報告。\n"
    "議員們針對交通、環境與社會福利等議題提出質詢與建議，共計一百二十件。\n"
)


def test_big5_is_detected_not_read_as_gb18030(tmp_path):
    path = tmp_path / "taipei.txt"
    path.write_bytes(TRADITIONAL.encode("big5"))
    TRADITIONAL.encode("big5").decode("gb18030")  # the trap: these bytes are valid GB18030 too
    raw = ingest(path)
    assert "臺北市公園管理自治條例" in raw.text
    assert raw.metadata.encoding in ("big5", "big5hkscs")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text_not_binary(tmp_path, seed_path, codec):
    text = seed_path.read_text(encoding="utf-8")
    path = tmp_path / "seed.txt"
    path.write_bytes(text.encode(codec))
    raw = ingest(path)
    assert raw.metadata.encoding == codec
    assert raw.text == ingest(seed_path).text


def test_an_html_page_is_read_in_the_charset_it_declares(tmp_path):
    page = HTML_PAGE.replace('charset="utf-8"', 'charset="big5"').replace("南平市武夷山國家公園保護條例", "")
    page = page.replace("制定《南平市武夷山国家公园保护条例》", "制定《臺北市公園管理自治條例》")
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("big5", errors="replace"))
    raw = ingest(path)
    assert raw.metadata.encoding == "big5hkscs"
    assert "臺北市公園管理自治條例" in raw.text


def test_the_build_says_which_encoding_it_read_a_file_in(tmp_path):
    import subprocess
    import sys

    (tmp_path / "taipei.txt").write_bytes(TRADITIONAL.encode("big5"))
    (tmp_path / "plain.txt").write_text(TRADITIONAL, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "npcgraph", "build", str(tmp_path / "taipei.txt"), str(tmp_path / "plain.txt"), "-o", str(tmp_path / "out")], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "npcgraph: warning: skipped plain.txt: its text is the same as taipei.txt's",  # decoded right
        f"npcgraph: note: read {tmp_path / 'taipei.txt'} as big5hkscs",
    ]


# --- control characters (issue 17, defect 6) -------------------------------------------------------


def test_word_line_breaks_make_lines_not_a_binary_file(tmp_path):
    path = tmp_path / "word.txt"
    path.write_text("武汉市人大常委会工作报告\x0b" + "制定《武汉市供水条例》。\x0b" * 20, encoding="utf-8")
    raw = ingest(path)
    assert "\x0b" not in raw.text and raw.text.count("\n") >= 1


def test_a_page_break_never_ends_up_inside_a_title(tmp_path):
    path = tmp_path / "paged.txt"
    path.write_text("武汉市人大常委会工作报告\x0c\n一、立法工作\n制定《武汉市供水条例》。\x0c开展执法检查。\n", encoding="utf-8")
    report = npcgraph.read_report(path)
    assert "\x0c" not in report.text
    assert report.metadata.title == "武汉市人大常委会工作报告"


def test_escape_sequences_are_dropped_at_ingest():
    assert normalize("制定\x1b[31m《武汉市供水条例》\x1b[0m。\x07\x9b") == "制定《武汉市供水条例》。"


def _hostile_graph():
    from rdflib import Graph, Literal

    from npcgraph.namespaces import ID, NPC, RDF, RDFS

    graph = Graph()
    body, law = ID["org/a"], ID["instrument/b"]
    graph.add((body, RDF.type, NPC.Organization))
    graph.add((body, RDFS.label, Literal("武汉市\x0b人大\x0c常委会\x1b[2J", lang="zh")))
    graph.add((law, RDF.type, NPC.Regulation))
    graph.add((law, RDFS.label, Literal("供水条例\x1b]0;pwned\x07", lang="zh")))
    graph.add((body, NPC.enacted, law))
    return graph


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_exports_stay_valid_xml_with_control_characters_in_labels(fmt):
    import xml.etree.ElementTree as ET

    from npcgraph.export import export_files

    files = export_files(_hostile_graph(), [fmt])
    (content,) = files.values()
    ET.fromstring(content)  # raises on invalid XML
    assert "武汉市␋人大␌常委会␛[2J".encode() in content


def test_query_and_stats_never_print_raw_control_characters(tmp_path):
    import subprocess
    import sys

    from npcgraph.serialization import serialize

    path = tmp_path / "hostile.ttl"
    path.write_bytes(serialize(_hostile_graph(), "turtle"))
    assert b"\x1b" not in path.read_bytes()  # written as \u001B escapes: the same graph
    assert isomorphic(npcgraph.load_graph(path), _hostile_graph())
    outputs = []
    for fmt in ("table", "csv", "tsv", "json"):
        outputs.append(subprocess.run([sys.executable, "-m", "npcgraph", "query", str(path), "SELECT ?l WHERE { ?x rdfs:label ?l }", "-f", fmt], capture_output=True, timeout=120))
    outputs.append(subprocess.run([sys.executable, "-m", "npcgraph", "query", str(path), "CONSTRUCT WHERE { ?x rdfs:label ?l }"], capture_output=True, timeout=120))
    outputs.append(subprocess.run([sys.executable, "-m", "npcgraph", "stats", str(path)], capture_output=True, timeout=120))
    for result in outputs:
        assert result.returncode == 0, result.stderr
        assert not [c for c in result.stdout.decode("utf-8") if (ord(c) < 0x20 and c not in "\n\t\r") or 0x7F <= ord(c) < 0xA0], result.stdout


def test_a_work_report_excerpt_without_its_title_takes_its_speaker_from_the_post_line():
    from npcgraph.ingest import strip_chrome

    text = "——2022年12月27日在武汉市武昌区第十六届人民代表大会第二次会议上\n武昌区人大常委会主任 胡太荣\n各位代表:\n我受区十六届人大常委会委托,向大会报告工作。"
    _, metadata = strip_chrome(text)
    assert (metadata.author, metadata.author_post, metadata.reporting_body) == ("胡太荣", "武昌区人大常委会主任", "武昌区人大常委会")


def test_a_titled_work_report_keeps_the_body_its_title_names():
    from npcgraph.ingest import strip_chrome

    text = "黔岭布依族苗族自治州人民代表大会常务委员会工作报告\n——2025年1月16日在州十五届人大五次会议上\n黔岭州人大常委会主任 杨正林\n各位代表："
    _, metadata = strip_chrome(text)
    assert metadata.reporting_body == "黔岭布依族苗族自治州人民代表大会常务委员会"
