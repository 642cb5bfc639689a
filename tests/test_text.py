from xltools.text import clean_text, keep_together


def test_spaces_and_punctuation():
    assert clean_text("认真落实\xa0上级部署,围绕全市\u3000中心工作;确保") == "认真落实上级部署，围绕全市中心工作；确保"
    assert clean_text("各县(市、区)人民政府") == "各县（市、区）人民政府"
    assert clean_text("ＩＰｖ６改造 １２３４５") == "IPv6改造 12345"
    assert clean_text("a, b") == "a, b"
    assert clean_text("\ufeff 文本 \u200b") == "文本"


def test_keep_together_joins_a_phone_number_at_its_hyphen() -> None:
    assert keep_together("0436-6222000") == "0436-\u20606222000"
    assert keep_together("0436-6222000，0436-6222001") == \
        "0436-\u20606222000，0436-\u20606222001"
    assert keep_together("4-1 第一-二季度") == "4-\u20601 第一-二季度"  # digits on both sides only


def test_display_width_counts_wide_characters_as_unicodedata_does() -> None:
    import random
    import unicodedata

    from xltools.text import display_width, wide_count

    assert display_width("责任单位 A1") == 11
    assert display_width("\u3000ＡＢ\t") == 7  # ideographic space and full-width letters are wide
    assert display_width("𠀋𠀋x") == 5  # beyond the BMP (CJK extension B) too
    assert wide_count("·…①", "WFA") == 3 and wide_count("·…①") == 0  # ambiguous ones only when asked
    rnd = random.Random(7)
    for _ in range(2000):
        s = "".join(chr(rnd.choice((rnd.randint(0x20, 0x3000), rnd.randint(0x3000, 0xFFFF),
                                    rnd.randint(0x10000, 0x3FFFF)))) for _ in range(rnd.randint(0, 20)))
        assert display_width(s) == sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
        assert wide_count(s, "WFA") == sum(unicodedata.east_asian_width(c) in "WFA" for c in s)


def test_punctuation_quick_paths_change_nothing_they_skip() -> None:
    from xltools.text import normalise_punct

    assert normalise_punct("（一）全面推进（市、区）工作") == "（一）全面推进（市、区）工作"
    assert normalise_punct("（市、区)牵头") == "（市、区）牵头"  # a half-width bracket still balanced
    assert normalise_punct("第１２项（Ａ类)") == "第12项（A类）"
