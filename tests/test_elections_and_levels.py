"""Forms of batch 9's kinds of text, on texts written for these tests: districts named …城区 in
the counties' lexicon, a verb before a level word, development zones' and villages' committees,
deputies named after the word 代表, a report's author that is no subject of the clauses after
it, a congress's elections listed after ；, a report that writes its region as 自治区 alone, and
a Tibetan name ending in 村 after 常务主席."""

from __future__ import annotations

from extract_helpers import built, triples, typed


def test_a_district_named_with_cheng_qu_is_a_known_district(tmp_path):
    document = built(tmp_path, "北京市东城区人大常委会召开会议。济南市历城区人大常委会主任王明出席。\n")
    assert {("Place", "东城区"), ("Place", "历城区")} <= typed(document)
    labels = {e.label for e in document.entities if e.cls == "Organization"}
    assert any(label.startswith("东城区") or label.startswith("北京市东城区") for label in labels)
    assert ("王明", "memberOf", "济南市历城区人民代表大会常务委员会") in triples(document)


def test_a_verb_before_a_level_word_is_no_place(tmp_path):
    document = built(tmp_path, "襄阳市人大常委会召开会议。担任县委书记的王刚说，要提高县级财政能力。\n")
    labels = {e.label for e in document.entities}
    assert not any("担任" in label or "提高" in label for label in labels)


def test_the_committees_of_zones_villages_and_unions_are_bodies(tmp_path):
    text = "襄阳市人大常委会召开会议。高新区管委会主任李明说，要优化营商环境。大坪村村委会主任王林说，要修好村道。市总工会主席张红说，要维护职工权益。\n"
    facts = triples(built(tmp_path, text))
    assert ("李明", "memberOf", "高新区管委会") in facts
    assert ("王林", "memberOf", "大坪村村委会") in facts
    assert ("张红", "memberOf", "襄阳市总工会") in facts


def test_deputies_named_after_the_word(tmp_path):
    text = (
        "宜昌市第七届人民代表大会第四次会议开幕。张三代表说，要加强长江保护。代表李四建议，加快建设物流园区。"
        "人大代表王五表示赞同。代表钱一、吴二先后发言。我代表市人大常委会报告工作。\n"
    )
    facts = triples(built(tmp_path, text))
    for name in ("张三", "李四", "王五", "钱一", "吴二"):
        assert (name, "memberOf", "宜昌市人民代表大会") in facts
    assert not any(s == "我" for s, _, _ in facts)


def test_a_report_s_author_is_no_subject_of_the_clauses_after_it(tmp_path):
    text = (
        "6月28日，县人大常委会召开第十次会议。会议听取审议了县政府关于2023年县级决算的报告，"
        "县政府关于2023年度县级预算执行和其他财政收支的审计工作报告，表决通过了关于批准2023年县级决算的决议。\n"
    )
    facts = triples(built(tmp_path, text))
    enacted = {(s, o) for s, p, o in facts if p == "enacted"}
    assert enacted and all("常务委员会" in s for s, _ in enacted)
    assert not any(p in ("enacted", "approved") and "政府" in s for s, p, _ in facts)


def test_a_congress_s_elections_listed_after_semicolons(tmp_path):
    text = (
        "1月10日上午，县十八届人大三次会议举行第三次全体会议。大会采用无记名投票方式，选举孙平为县人民政府县长；"
        "选举郑和为县十八届人大常委会副主任；选举钟华为县人民法院院长、贺兰为县人民检察院检察长。\n"
    )
    facts = triples(built(tmp_path, text))
    appointed = {o for s, p, o in facts if p == "appointed" and s.endswith("人民代表大会")}
    assert appointed == {"孙平", "郑和", "钟华", "贺兰"}
    members = {(s, o) for s, p, o in facts if p == "memberOf"}
    assert ("贺兰", "县人民检察院") in members and ("钟华", "县人民法院") in members
    assert ("钟华", "县人民检察院") not in members  # 钟华为…院长、贺兰为…检察长: two pairs, not two posts


def test_a_region_written_as_zi_zhi_qu_alone(tmp_path):
    text = (
        "自治区第十二届人民代表大会第三次会议主席团举行第一次会议。大会主席团常务主席次仁江村主持会议。"
        "自治区十二届人大三次会议主席团常务主席张山、李水出席会议。\n"
    )
    document = built(tmp_path, text)
    entities = typed(document)
    assert ("Event", "自治区第十二届人民代表大会第三次会议") in entities
    assert ("Person", "次仁江村") in entities and ("Place", "次仁江村") not in entities
    assert not any(cls == "Place" for cls, _ in entities)  # no region is named
    assert not any(label.startswith("区第") for _, label in entities)


def test_posts_said_right_after_a_name(tmp_path):
    text = (
        "宜都市人大常委会召开会议。王强，市人民政府副市长，出席会议。赵兵同志担任市财政局局长。"
        "市人民法院院长江海，市人民检察院检察长何进，市人大常委会副秘书长列席会议。\n"
    )
    facts = triples(built(tmp_path, text))
    assert ("王强", "memberOf", "宜都市人民政府") in facts
    assert ("赵兵", "memberOf", "宜都市财政局") in facts
    assert ("何进", "memberOf", "宜都市人民检察院") in facts
    assert ("何进", "memberOf", "宜都市人民代表大会常务委员会") not in facts  # a list of posts, not his


def test_a_name_taking_a_post_and_a_reporter_s_source_are_no_bodies(tmp_path):
    text = "宜都市人大常委会召开会议。王强任市人民政府副市长。记者从市人大常委会办公室获悉，会议将于明日闭幕。\n"
    document = built(tmp_path, text)
    bodies = {e.label for e in document.entities if e.cls == "Organization"}
    assert "宜都市人民政府" in bodies and not any(label.startswith(("王强", "记者")) for label in bodies)
    assert not any(cls == "Place" and label.startswith(("王强", "记者")) for cls, label in typed(document))


def test_a_department_s_party_group_and_a_party_department_s_head(tmp_path):
    text = "宜都市人大常委会召开会议。市教育局党组书记、局长郑华作了说明。市委常委、宣传部部长孙丽出席会议。\n"
    facts = triples(built(tmp_path, text))
    assert ("郑华", "memberOf", "宜都市教育局") in facts
    assert ("郑华", "memberOf", "宜都市教育局党组") in facts
    assert not any(s == "郑华" and "常务委员会" in o for s, _, o in facts)
    assert ("孙丽", "memberOf", "中国共产党宜都市委员会宣传部") in facts


def test_a_passive_by_the_meeting_a_revision_by_dui_and_a_quoted_platform(tmp_path):
    text = (
        "宜都市人大常委会召开第十次会议。《宜都市城市绿化条例》经会议表决通过，将于10月1日起施行。"
        "会议对《宜都市养犬管理条例》进行了修改。常委会搭建了“代表直通车”平台。\n"
    )
    facts = triples(built(tmp_path, text))
    assert ("宜都市人民代表大会常务委员会", "enacted", "宜都市城市绿化条例") in facts
    assert ("宜都市人民代表大会常务委员会", "revised", "宜都市养犬管理条例") in facts
    assert ("宜都市人民代表大会常务委员会", "established", "代表直通车") in facts


def test_words_before_a_level_word_name_no_place(tmp_path):
    text = (
        "宜都市人大常委会召开会议。不少地区和行业偿债能力不足。下一步区政府将如何协调？"
        "授予设区的市地方立法权。它是阆苑村村民进出村庄的唯一通道。推进城中村改造。会议免去李明宜都市教育局局长职务。\n"
    )
    document = built(tmp_path, text)
    places = {label for cls, label in typed(document) if cls == "Place"}
    assert places == {"宜都市", "阆苑村"}
    assert ("宜都市人民代表大会常务委员会", "removed", "李明") in triples(document)  # the name before a county's name


def test_opinions_in_general_and_clauses_are_no_names(tmp_path):
    text = (
        "宜都市人大常委会召开会议。通过代表集中收集意见、选民直接反映意见等方式发动群众参与。市政府出台了加快养老服务发展的实施意见。"
        "蓝天保卫战是打好污染防治攻坚战的关键。非物质文化遗产法已列入全国人大常委会立法规划。\n"
    )
    entities = typed(built(tmp_path, text))
    opinions = {label for cls, label in entities if cls == "Opinion"}
    assert opinions == {"加快养老服务发展的实施意见"}
    assert not any("是" in label or "已" in label for _, label in entities)


def test_a_legislative_plan_s_items_without_brackets(tmp_path):
    text = (
        "2025年省人大常委会立法项目\n一、继续审议项目(2件)\n1.江苏省生物多样性保护条例;2.江苏省传统工艺美术保护条例(修改)。\n"
        "开封等地相继出台居家社区养老服务促进条例。\n"
    )
    entities = typed(built(tmp_path, text))
    regulations = {label for cls, label in entities if cls == "Regulation"}
    assert {"江苏省生物多样性保护条例", "江苏省传统工艺美术保护条例"} <= regulations
    assert not any("开封" in label for label in regulations)  # a clause (开封等地相继出台…), no title


def test_a_session_s_executive_chairs_and_names_in_a_list(tmp_path):
    text = (
        "1月21日上午,江苏省十四届人大三次会议举行第二次全体会议。大会主席团常务主席、省委书记信长星主持会议。\n"
        "信长星、周红波、刘小涛担任大会执行主席。省高级人民法院院长夏道虎作省高级人民法院工作报告。\n"
    )
    document = built(tmp_path, text)
    facts = triples(document)
    presidium = "江苏省第十四届人民代表大会第三次会议主席团"
    assert {("信长星", "memberOf", presidium), ("周红波", "memberOf", presidium), ("刘小涛", "memberOf", presidium)} <= facts
    assert ("Person", "夏道虎") in typed(document) and ("Person", "夏道") not in typed(document)


def test_a_province_passing_a_city_s_law_approves_it(tmp_path):
    text = (
        "9月26日,省十四届人大常委会第十二次会议全票表决通过了泉州市人大常委会报请批准的《泉州市华侨历史遗存保护条例》。"
        "会议还表决通过了《福建省华侨权益保护条例》和《关于批准〈泉州市养犬管理条例〉的决定》。\n"
    )
    facts = triples(built(tmp_path, text))
    province = "福建省人民代表大会常务委员会"
    assert (province, "approved", "泉州市华侨历史遗存保护条例") in facts
    assert (province, "enacted", "泉州市华侨历史遗存保护条例") not in facts
    assert (province, "enacted", "福建省华侨权益保护条例") in facts  # its own
    assert (province, "enacted", "关于批准〈泉州市养犬管理条例〉的决定") in facts


def test_a_provincial_session_s_presidium_is_part_of_its_congress(tmp_path):
    text = "江苏省十四届人大三次会议主席团举行第二次会议。江苏省人大常委会主任信长星主持。\n"
    facts = triples(built(tmp_path, text))
    assert ("江苏省第十四届人民代表大会第三次会议主席团", "partOf", "江苏省人民代表大会") in facts


def test_what_a_count_after_its_noun_counts(tmp_path):
    text = "宜都市人大常委会召开会议。市人大常委会建立代表联络站86个，办理代表建议425件。\n"
    labels = {(e.label, e.alt_labels) for e in built(tmp_path, text).entities if e.cls == "Statistic"}
    assert {label for label, _ in labels} >= {"代表联络站", "代表建议"}  # not 表联络站 (建立代表: no verb 代表), nor 办理代表建议


def test_a_session_s_suggestions_and_motions_as_one_set(tmp_path):
    text = "宜都市人大常委会召开会议。常委会督办市三届人大三次会议代表建议325件，区第十五届人大第三次会议代表议案8件全部办结。\n"
    entities = typed(built(tmp_path, text))
    assert ("Suggestion", "市三届人大三次会议代表建议") in entities
    assert ("Motion", "区第十五届人大第三次会议代表议案") in entities
    assert not any(label.startswith("常委会") for _, label in entities)


def test_the_formula_of_three_joined_with_he_is_one_concept(tmp_path):
    text = "宜都市人大常委会坚持党的领导、人民当家作主和依法治国有机统一，依法履职。\n"
    concepts = {label for cls, label in typed(built(tmp_path, text)) if cls == "Concept"}
    assert concepts == {"党的领导、人民当家作主、依法治国有机统一"}


def test_hearings_of_a_kind_counted(tmp_path):
    text = "杭州市人大常委会一年来，召开常委会会议10次，听取审议报告28个，听取和审议“一府两院”专项工作报告8项。\n"
    facts = triples(built(tmp_path, text))
    body = "杭州市人民代表大会常务委员会"
    assert (body, "conducted", "听取审议报告") in facts
    assert (body, "conducted", "听取和审议一府两院专项工作报告") in facts
    assert any(p == "counts" and o == "听取审议报告" for _, p, o in facts)


def test_a_national_session_s_presidium_by_its_short_name(tmp_path):
    text = "新华社北京3月4日电 十届全国人大一次会议主席团4日举行第一次会议。会议听取审议各项报告10个。\n"
    document = built(tmp_path, text)
    entities = typed(document)
    presidium = "第十届全国人民代表大会第一次会议主席团"
    assert ("Organization", presidium) in entities and ("Event", "第十届全国人民代表大会第一次会议") in entities
    assert (presidium, "partOf", "全国人民代表大会") in triples(document)
    assert not any("各项报告" in label for cls, label in entities if cls != "Statistic")  # reports in general: no hearing


def test_a_whole_name_of_a_rare_surname_between_a_post_and_its_verb(tmp_path):
    text = "五里坨街道召开会议。街道党委办主任介卫星等参加。主任在会上说，要办好实事。副主任进一步指出，要抓好落实。\n"
    persons = {label for cls, label in typed(built(tmp_path, text)) if cls == "Person"}
    assert persons == {"介卫星"}


def test_a_county_s_session_by_the_county_s_whole_name(tmp_path):
    text = "2021年3月19日景宁畲族自治县第九届人民代表大会第五次会议审议通过了《景宁畲族自治县禁毒条例》。\n"
    document = built(tmp_path, text)
    assert ("Event", "景宁畲族自治县第九届人民代表大会第五次会议") in typed(document)
    assert ("景宁畲族自治县人民代表大会", "enacted", "景宁畲族自治县禁毒条例") in triples(document)


def test_a_title_passed_then_approved_in_the_next_clause(tmp_path):
    text = (
        "景宁畲族自治县第九届人民代表大会第五次会议审议通过的《景宁畲族自治县禁毒条例》,"
        "2021年5月28日经浙江省第十三届人民代表大会常务委员会第二十九次会议批准,现予公布。\n"
    )
    facts = triples(built(tmp_path, text))
    assert ("景宁畲族自治县人民代表大会", "enacted", "景宁畲族自治县禁毒条例") in facts
    assert ("浙江省人民代表大会常务委员会", "approved", "景宁畲族自治县禁毒条例") in facts


def test_a_township_session_s_elections_in_pairs_across_commas_and_semicolons(tmp_path):
    text = (
        "12月20日，草潭镇第十八届人民代表大会第一次会议召开。会议以不记名投票方式,依法选举黄德为草潭镇第十八届人大主席,蒋日旺为草潭镇第十八届人大副主席;"
        "卜英忠为草潭镇人民政府镇长,陈召传、钟木为草潭镇人民政府副镇长。会议任命邢晟同志为政府副县长,江钦所为两名同志颁发任命书。\n"
    )
    facts = triples(built(tmp_path, text))
    appointed = {o for _, p, o in facts if p == "appointed"}
    assert {"黄德", "蒋日旺", "卜英忠", "陈召传", "钟木"} <= appointed
    assert "江钦所" not in appointed  # 为…颁发任命书: a deed, no post


def test_a_zone_s_committee_names_no_place_of_the_report(tmp_path):
    text = "示范区人大工委召开会议\n3月20日,市十五届人大常委会第二十二次会议召开。示范区人大工委主任、市人大常委会主任孔庆贺主持会议。\n"
    document = built(tmp_path, text)
    entities = typed(document)
    assert ("Place", "示范区") not in entities
    assert not any(label.startswith("示范区人民代表大会") for _, label in entities)
    assert ("孔庆贺", "memberOf", "示范区人大工委") in triples(document)


def test_a_decision_passed_as_its_draft(tmp_path):
    text = (
        "1月29日,市七届人大常委会第三十六次会议召开。会议表决通过了关于召开天水市第七届人民代表大会第六次会议的决定(草案)。"
        "会议审议了关于提请审议天水市人民代表大会常务委员会关于代表名额的决定(草案)、关于选举时间的决定(草案)的议案。\n"
    )
    facts = triples(built(tmp_path, text))
    enacted = {o for _, p, o in facts if p == "enacted"}
    assert "关于召开天水市第七届人民代表大会第六次会议的决定" in enacted
    assert not any(o.startswith("关于提请") for o in enacted)  # a motion's title


def test_a_session_s_papers_passed_in_a_list(tmp_path):
    text = (
        "1月29日,市七届人大常委会第三十六次会议召开。会议表决通过了关于召开天水市第七届人民代表大会第六次会议的决定(草案),"
        "天水市第七届人民代表大会第六次会议议程(草案)、日程(草案)、各项名单(草案),天水市第七届人民代表大会第六次会议选举办法(草案)。"
        "会议听取了关于自治区十一届人大五次会议选举办法草案、关于自治区主席候选人名单草案。\n"
    )
    facts = triples(built(tmp_path, text))
    enacted = {o for _, p, o in facts if p == "enacted"}
    session = "天水市第七届人民代表大会第六次会议"
    assert {session + "议程", session + "日程", session + "各项名单", session + "选举办法"} <= enacted
    assert not any(p == "reviewed" and "选举办法" in o for _, p, o in facts)  # papers heard: no report reviewed


def test_a_meeting_named_inside_a_title_holds_no_act(tmp_path):
    text = (
        "3月20日,市十五届人大常委会第二十二次会议召开。会议表决通过了关于召开济源市第十五届人民代表大会第五次会议的决定。"
        "会议决定任命秦保建为济源市人民政府副市长、代理市长。\n"
    )
    facts = triples(built(tmp_path, text))
    assert ("济源市人民代表大会常务委员会", "appointed", "秦保建") in facts
    assert ("济源市人民代表大会", "appointed", "秦保建") not in facts
